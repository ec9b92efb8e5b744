package org.tadam.generator.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Who does what among the threads of a run (issue 15): each thread generates and merges the chunks it planned and
 * reuses the buffers its merges read, and takes another's work only when it would wait otherwise.
 */
class ChunkQueueTest {

	private final ScenarioModel scenario = TrafficGeneratorTest.scenario();
	private final GeneratorSettings settings = settings();
	private final RandomBytes random = new RandomBytes(1);
	private final int[] repairs = new int[TcpConversation.KINDS];
	private final int[] noise = new int[NoiseInjector.KINDS];

	private static GeneratorSettings settings() {
		GeneratorSettings s = new GeneratorSettings();
		s.seed = 3;
		s.connections = 10 * ChunkPlanner.FIRST_SIZE;
		s.rate = 1000;
		s.startNanos = 1_767_225_600_000_000_000L;
		return s;
	}

	private ChunkQueue queue(int limit) {
		return queue(limit, ChunkQueue.PATIENCE_NANOS);
	}

	private ChunkQueue queue(int limit, long patienceNanos) {
		return new ChunkQueue(settings, new Windows(scenario, null), null, 24, limit, 2, patienceNanos);
	}

	private ConnectionSynthesizer synthesizer() {
		return new ConnectionSynthesizer(scenario, random, null, settings.format, settings.snapLength, false, false, false);
	}

	private void generateAll(ChunkQueue queue, Chunk c) {
		ConnectionSynthesizer s = synthesizer();
		while (c.generateBlock(s, settings.seed, repairs, noise)) {
			// every block
		}
		assertTrue(c.generated());
		queue.generated(c);
	}

	/** The steps of TrafficGenerator.finish up to the write; returns the connections that finished in the window. */
	private static List<ConnectionPackets> finish(ChunkQueue queue, Chunk c, int slot) throws Exception {
		queue.windows.prepare(c, queue.arrays);
		c.measure(queue.arrays);
		queue.place(c);
		queue.placed(c);
		c.merge(new WindowOrder());
		List<ConnectionPackets> finished = new ArrayList<>(c.finished);
		queue.merged(c, slot);
		return finished;
	}

	@Test
	void eachThreadGeneratesTheChunksItPlanned() {
		ChunkQueue queue = queue(6);
		Chunk first = queue.toGenerate(0);
		assertEquals(0, first.owner);
		// the first chunk has blocks left, but the other thread plans its own rather than share it
		Chunk second = queue.toGenerate(1);
		assertNotSame(first, second);
		assertEquals(1, second.owner);
		assertSame(first, queue.toGenerate(0));
		assertSame(second, queue.toGenerate(1));
	}

	@Test
	void aWindowWaitsForItsOwnerUnlessNothingElseIsLeft() {
		ChunkQueue queue = queue(6);
		Chunk first = queue.toGenerate(0);
		generateAll(queue, first);
		assertNull(queue.takeDue(1, false));
		assertSame(first, queue.takeDue(1, true));
		assertNull(queue.takeDue(0, false)); // taken
	}

	@Test
	void theOwnerTakesItsWindow() {
		ChunkQueue queue = queue(6);
		Chunk first = queue.toGenerate(0);
		generateAll(queue, first);
		assertSame(first, queue.takeDue(0, false));
	}

	@Test
	void aGeneratedWindowTakesTheOlderOneOfADescheduledThread() {
		for (long patience : new long[] { 0, 3_600_000_000_000L }) {
			ChunkQueue queue = queue(6, patience);
			Chunk older = queue.toGenerate(0);
			Chunk own = queue.toGenerate(1);
			generateAll(queue, older);
			assertNull(queue.takeDue(1, false));
			generateAll(queue, own);
			// its thread takes it within the patience (microseconds), unless descheduled; then it is taken rather than
			// pushed out of the cache by a chunk generated ahead
			assertEquals(patience == 0 ? older : null, queue.takeDue(1, false));
		}
	}

	@Test
	void aThreadWhoseWindowWaitsHelpsTheOlderChunk() {
		ChunkQueue queue = queue(6);
		Chunk older = queue.toGenerate(0);
		assertTrue(older.generateBlock(synthesizer(), settings.seed, repairs, noise));
		Chunk own = queue.toGenerate(1);
		generateAll(queue, own);
		// its window can only follow the older one: blocks of that one, not a chunk of its own
		assertSame(older, queue.toGenerate(1));
	}

	@Test
	void aFullLookaheadSharesTheBlocksLeft() {
		ChunkQueue queue = queue(2);
		generateAll(queue, queue.toGenerate(0));
		Chunk second = queue.toGenerate(0);
		assertEquals(0, second.owner);
		assertSame(second, queue.toGenerate(1));
	}

	@Test
	void buffersGoBackToTheThreadWhoseMergeReadThem() throws Exception {
		ChunkQueue queue = queue(6);
		Chunk first = queue.toGenerate(0);
		Chunk second = queue.toGenerate(1);
		generateAll(queue, first);
		generateAll(queue, second);
		// each window merged by the thread that did not generate it: its buffers go to the merging thread
		assertSame(first, queue.takeDue(0, false));
		List<ConnectionPackets> finishedFirst = finish(queue, first, 1);
		assertSame(second, queue.takeDue(1, false));
		finish(queue, second, 0);
		Set<ConnectionPackets> mergedByOne = Collections.newSetFromMap(new IdentityHashMap<>());
		mergedByOne.addAll(finishedFirst);
		assertTrue(mergedByOne.size() > 0);
		Chunk next = queue.toGenerate(1);
		long reused = Arrays.stream(next.connections, 0, next.size).filter(mergedByOne::contains).count();
		assertEquals(Math.min(mergedByOne.size(), next.size), reused);
	}

	@Test
	void aThreadWithoutFreeBuffersTakesTheOldestFreedOfAnother() throws Exception {
		ChunkQueue queue = queue(6);
		Chunk first = queue.toGenerate(0);
		generateAll(queue, first);
		Chunk second = queue.toGenerate(0);
		generateAll(queue, second);
		List<ConnectionPackets> finishedFirst = finish(queue, queue.takeDue(0, false), 0);
		finish(queue, queue.takeDue(0, false), 0);
		Chunk next = queue.toGenerate(1);
		assertSame(finishedFirst.get(0), next.connections[0]);
		assertSame(finishedFirst.get(1), next.connections[1]);
	}
}
