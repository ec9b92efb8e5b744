package org.tadam.generator.runtime;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a scenario: connections are numbered in order of their start times and cut into chunks ({@link Chunk}), a
 * few in flight at a time ({@link ChunkQueue}). Every thread plans chunks of its own, generates them and places,
 * merges and writes their windows, so that a chunk's bytes stay in one core's caches; it takes another thread's
 * blocks or window only when its own work waits for them or is done ({@link ChunkQueue#toGenerate}). Placing a window
 * (its share of the connections still open, its offset in the capture: {@link Windows}) is the only step taken in
 * window order, for microseconds; merges and writes at their offsets run side by side ({@link WindowWriter}). A
 * thread waits only when every block of the chunks in flight is taken: one that is slower or descheduled (other work
 * on the machine) holds up the block it generates, while the others work ahead. Memory stays bounded by the
 * connections open at one instant plus the chunks in flight. The bytes depend on the seed only, never on the thread
 * count.
 */
public final class TrafficGenerator {

	private final ScenarioModel scenario;
	private final GeneratorSettings settings;
	private final RandomBytes random;
	/** Printable filler, made only for scenarios with text letters the capture kept no bytes of. */
	private final RandomBytes text;

	public TrafficGenerator(ScenarioModel scenario, GeneratorSettings settings) {
		if (settings.connections <= 0 && settings.durationNanos <= 0) {
			throw new IllegalArgumentException("give a number of connections or a duration");
		}
		if (!(settings.rate > 0)) {
			throw new IllegalArgumentException("the connection rate must be positive");
		}
		this.scenario = scenario;
		this.settings = settings.copy();
		this.random = new RandomBytes(Rng.mix(settings.seed, -2));
		boolean filler = false;
		for (AutomatonModel model : scenario.automata) {
			filler |= model.textWithoutPool;
		}
		this.text = filler ? new RandomBytes(Rng.mix(settings.seed, -3), true) : null;
		boolean pinned = false;
		for (AutomatonModel model : scenario.automata) {
			pinned |= model.pins != null;
		}
		long count = pinned ? connections(this.settings) : 0;
		this.strata = count > 0 ? new StratifiedDraw(settings.seed, count) : null;
	}

	/**
	 * The value per connection that draws its payload variant (StratifiedDraw), so that a run's connections come in
	 * the variants' proportions; null when no automaton pins its connections to variants.
	 */
	private final StratifiedDraw strata;

	/**
	 * How many connections the run of these settings has: its connection count, else those its arrival process
	 * starts within the duration (a caller cutting the run into shards needs the total first).
	 */
	public static long connections(GeneratorSettings settings) {
		if (settings.connections > 0 || settings.durationNanos <= 0) {
			return settings.connections;
		}
		Arrivals arrivals = new Arrivals(settings);
		long end = settings.startNanos + settings.durationNanos;
		long n = 0;
		while (arrivals.next() < end) {
			n++;
		}
		return n;
	}

	/** Writes the whole capture (file header included) to the channel. */
	public RunSummary run(WritableByteChannel channel) throws IOException {
		return run(channel, null, null);
	}

	public RunSummary run(WritableByteChannel channel, Appendable labels) throws IOException {
		return run(channel, labels, null);
	}

	/**
	 * Writes the whole capture to the channel and, when {@code labels} is not null, one TSV row per connection of
	 * the capture in the order of their numbers (ConnectionLabel names the columns); reports each window to
	 * {@code progress} when it is not null.
	 */
	public RunSummary run(WritableByteChannel channel, Appendable labels, Progress progress) throws IOException {
		long began = System.nanoTime();
		byte[] header = settings.format.fileHeader(settings.snapLength);
		WindowWriter writer = new WindowWriter(channel, settings.parallelWrites);
		writer.write(ByteBuffer.wrap(header), 0);
		if (labels != null) {
			labels.append(ConnectionLabel.HEADER).append('\n');
		}
		int threads = Math.max(1, settings.threads);
		// chunks in flight: the lookahead a thread uses while another one finishes the oldest
		ChunkQueue queue = new ChunkQueue(settings, new Windows(scenario, labels), progress, header.length, 2 * threads + 2,
				threads);
		ExecutorService pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
			Thread t = new Thread(r, "tadam-generator");
			t.setDaemon(true);
			return t;
		});
		try {
			List<Future<?>> others = new ArrayList<>();
			for (int i = 1; i < threads; i++) {
				int slot = i;
				others.add(pool.submit(() -> work(queue, writer, labels != null, slot)));
			}
			work(queue, writer, labels != null, 0);
			for (Future<?> other : others) {
				try {
					other.get();
				} catch (ExecutionException e) {
					queue.fail(e.getCause()); // work() records its own failures; this one escaped it
				}
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			queue.fail(new IOException("interrupted", e));
		} finally {
			if (pool != null) {
				pool.shutdownNow();
			}
		}
		queue.rethrow();
		writer.finish(queue.bytes);
		double seconds = (System.nanoTime() - began) / 1e9;
		Windows windows = queue.windows;
		return new RunSummary(scenario.name, windows.connections, queue.packets, queue.bytes, queue.first, queue.last,
				seconds, windows.repairs, windows.noise);
	}

	/** The share of the run of the thread in {@code slot}, until no work is left; any failure stops every thread. */
	private void work(ChunkQueue queue, WindowWriter writer, boolean labels, int slot) {
		try {
			ConnectionSynthesizer synthesizer = new ConnectionSynthesizer(scenario, random, text, settings.format,
					settings.snapLength, settings.learnedNoise, labels, settings.tableWalk, strata);
			WindowOrder order = new WindowOrder();
			int[] blockRepairs = new int[TcpConversation.KINDS];
			int[] blockNoise = new int[NoiseInjector.KINDS];
			while (true) {
				long seen = queue.events();
				Chunk due = queue.takeDue(slot, false);
				if (due != null) {
					finish(due, queue, writer, order, slot);
					continue;
				}
				Chunk g = queue.toGenerate(slot);
				if (g != null) {
					// another's chunk one block at a time, and an own one until a change (a window of its own may
					// be due): back to the most urgent work soon
					while (g.generateBlock(synthesizer, settings.seed, blockRepairs, blockNoise)) {
						if (g.generated()) {
							queue.generated(g);
						}
						if (g.owner != slot || queue.events() != seen) {
							break;
						}
					}
					continue;
				}
				// nothing of its own nor any block left: another's window rather than a wait (its thread is
				// descheduled, or busy with a block)
				due = queue.takeDue(slot, true);
				if (due != null) {
					finish(due, queue, writer, order, slot);
					continue;
				}
				if (!queue.await(seen)) {
					return;
				}
			}
		} catch (Throwable e) {
			queue.fail(e);
		}
	}

	/** Places the window (it is the oldest, and generated), merges it and writes it. */
	private static void finish(Chunk c, ChunkQueue queue, WindowWriter writer, WindowOrder order, int slot)
			throws IOException, InterruptedException {
		long offset;
		try {
			queue.windows.prepare(c, queue.arrays);
			c.measure(queue.arrays);
			offset = queue.place(c);
		} catch (Throwable e) {
			// before the next window is handed on: it must not be placed on a half-updated Windows
			queue.fail(e);
			throw e;
		}
		queue.placed(c);
		c.output = order.buffer;
		c.merge(order);
		ByteBuffer buffer = c.output;
		order.buffer = buffer;
		c.output = null;
		queue.merged(c, slot);
		if (writer.positional()) {
			writer.write(buffer, offset);
			return;
		}
		if (!queue.written.await(c.number)) {
			return;
		}
		try {
			writer.write(buffer, offset);
		} finally {
			queue.written.pass();
		}
	}
}
