package org.tadam.generator.runtime;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;

/**
 * Runs a scenario: connections are numbered in order of their start times and cut into chunks ({@link Chunk}); each
 * chunk is generated (every connection from its own seed) and the window of capture time it opens is merged into
 * its own buffer, both on any thread, while this thread writes the finished windows in order, with one gathering
 * write for those finished together. Memory stays bounded by the connections open at one instant plus the chunks in flight. The bytes depend on
 * the seed only, never on the thread count.
 */
public final class TrafficGenerator {

	private final ScenarioModel scenario;
	private final GeneratorSettings settings;
	private final RandomBytes random;
	/** Printable filler, made only for scenarios with text letters the capture kept no bytes of. */
	private final RandomBytes text;
	/**
	 * Finished connections' buffers. Only the writing thread touches it: it hands buffers to each chunk it plans,
	 * so a run allocates buffers for the connections open or in flight at one time only.
	 */
	private final ArrayDeque<ConnectionPackets> free = new ArrayDeque<>();

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
	}

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
	 * the capture in the order of their numbers (ConnectionLabel names the columns); reports each written window to
	 * {@code progress} when it is not null.
	 */
	public RunSummary run(WritableByteChannel channel, Appendable labels, Progress progress) throws IOException {
		long began = System.nanoTime();
		byte[] header = settings.format.fileHeader(settings.snapLength);
		int threads = Math.max(1, settings.threads);
		// the writing thread generates and merges too, whenever the next window to write is not ready
		ExecutorService pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
			Thread t = new Thread(r, "tadam-generator");
			t.setDaemon(true);
			return t;
		});
		WindowWriter writer = new WindowWriter(channel, settings.parallelWrites, pool);
		writer.header(header);
		ThreadLocal<ConnectionSynthesizer> synthesizers = ThreadLocal.withInitial(() -> new ConnectionSynthesizer(scenario,
				random, text, settings.format, settings.snapLength, settings.learnedNoise, labels != null, settings.tableWalk));
		ThreadLocal<ConnectionHeap> heaps = ThreadLocal.withInitial(ConnectionHeap::new);
		if (labels != null) {
			labels.append(ConnectionLabel.HEADER).append('\n');
		}
		ChunkPlanner planner = new ChunkPlanner(settings, free);
		Windows windows = new Windows(labels);
		long bytes = header.length;
		long packets = 0;
		long first = Long.MAX_VALUE;
		long last = Long.MIN_VALUE;
		// generated, not yet handed to a merge; merging or merged, not yet written
		ArrayDeque<Chunk> generating = new ArrayDeque<>();
		ArrayDeque<Chunk> merging = new ArrayDeque<>();
		ArrayDeque<ByteBuffer> buffers = new ArrayDeque<>();
		// chunks in flight: a few per thread, so that generation, merge and write of a chunk stay in the caches (with 4
		// per thread a 2-thread run took 20 % more CPU time than with 2)
		int ahead = 2 * threads + 1;
		ByteBuffer[] ready = new ByteBuffer[ahead];
		long generated = 0;
		boolean exhausted = false;
		try {
			while (true) {
				writer.collect(buffers, false);
				while (!exhausted && generating.size() + merging.size() + writer.pending() < ahead) {
					Chunk c = planner.nextChunk();
					if (c == null) {
						exhausted = true;
						break;
					}
					c.generation = new FutureTask<>(() -> c.generate(synthesizers.get(), settings.seed), null);
					submit(pool, c.generation);
					generating.add(c);
				}
				if (generating.isEmpty() && merging.isEmpty()) {
					if (exhausted) {
						writer.finish(buffers);
						break;
					}
					writer.awaitOldest(buffers); // every chunk in flight is being written
					continue;
				}
				Chunk g = generating.peek();
				if (g != null && g.generation.isDone()) {
					WindowWriter.await(g.generation);
					windows.prepare(g);
					g.output = buffers.poll();
					g.merge = new FutureTask<>(() -> g.merge(heaps.get()), null);
					submit(pool, g.merge);
					merging.add(generating.poll());
					continue;
				}
				Chunk m = merging.peek();
				if (m != null && m.merge.isDone()) {
					// every finished window at the head, in one gathering write
					int n = 0;
					for (Chunk c : merging) {
						if (n == ready.length || !c.merge.isDone()) {
							break;
						}
						WindowWriter.await(c.merge);
						ready[n++] = c.output;
					}
					bytes += writer.write(ready, n, buffers);
					for (int i = 0; i < n; i++) {
						Chunk c = merging.poll();
						packets += c.packets;
						first = Math.min(first, c.first);
						last = Math.max(last, c.last);
						// the window's bytes are in its buffer: its finished connections can be reused
						free.addAll(c.finished);
						planner.written(c.output.limit(), c.connections.length);
						c.output = null;
						generated += c.connections.length;
						ready[i] = null;
						if (progress != null) {
							progress.update(bytes, packets, generated, c.windowEnd);
						}
					}
					continue;
				}
				// nothing to hand on: run a task no thread has started (the window written next first), else wait
				if (!help(m, g, generating) && !writer.collect(buffers, true)) {
					WindowWriter.await(m != null ? m.merge : g.generation);
				}
			}
		} finally {
			if (pool != null) {
				pool.shutdownNow();
			}
		}
		double seconds = (System.nanoTime() - began) / 1e9;
		return new RunSummary(scenario.name, windows.connections, packets, bytes, first, last, seconds, windows.repairs,
				windows.noise);
	}

	private static void submit(ExecutorService pool, FutureTask<Void> task) {
		if (pool != null) {
			pool.execute(task);
		}
	}

	/**
	 * Runs one task nobody has started, false when every pending task is running elsewhere: the merge of the window
	 * written next, the generation of the chunk merged next, else the newest generation. Workers take the oldest
	 * first, so the two ends keep this thread and the workers on different chunks.
	 */
	private static boolean help(Chunk m, Chunk g, ArrayDeque<Chunk> generating) {
		if (m != null) {
			m.merge.run(); // does nothing when a worker has started or finished it
			if (m.merge.isDone()) {
				return true;
			}
		}
		if (g != null) {
			g.generation.run();
			if (g.generation.isDone()) {
				return true;
			}
		}
		for (Iterator<Chunk> newest = generating.descendingIterator(); newest.hasNext();) {
			FutureTask<Void> task = newest.next().generation;
			task.run();
			if (task.isDone()) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The writing thread's bookkeeping between generation and merge, in chunk order: the connections carried from
	 * window to window, the counts of the summary (over every walk, also those without packets: the same whatever
	 * the thread count) and the label rows, in the order of the connections' numbers.
	 */
	private final class Windows {
		private final Appendable labels;
		private final StringBuilder row = new StringBuilder();
		/** Connections open past the last prepared window, in index order, and the times of their last packets. */
		private ArrayList<ConnectionPackets> carried = new ArrayList<>();
		private ArrayList<Long> carriedLast = new ArrayList<>();
		long connections;
		final long[] repairs = new long[TcpConversation.KINDS];
		final long[] noise = new long[NoiseInjector.KINDS];

		Windows(Appendable labels) {
			this.labels = labels;
		}

		void prepare(Chunk g) throws IOException {
			for (int i = 0; i < repairs.length; i++) {
				repairs[i] += g.repairs[i];
			}
			for (int i = 0; i < noise.length; i++) {
				noise[i] += g.noise[i];
			}
			ConnectionPackets[] list = new ConnectionPackets[carried.size() + g.connections.length];
			int k = 0;
			ArrayList<ConnectionPackets> stillOpen = new ArrayList<>();
			ArrayList<Long> stillOpenLast = new ArrayList<>();
			for (int i = 0; i < carried.size(); i++) {
				ConnectionPackets c = carried.get(i);
				list[k++] = c;
				if (!g.closing && carriedLast.get(i) >= g.windowEnd) {
					stillOpen.add(c);
					stillOpenLast.add(carriedLast.get(i));
				} else {
					g.finished.add(c);
				}
			}
			for (int i = 0; i < g.connections.length; i++) {
				ConnectionPackets c = g.connections[i];
				long last = g.lastTimes[i];
				if (last == Long.MIN_VALUE) {
					g.finished.add(c);
					continue;
				}
				connections++;
				if (labels != null) {
					AutomatonModel model = scenario.automata[c.automaton];
					row.setLength(0);
					c.label.row(row, c.index, c.start, model.protocol == AutomatonModel.TCP ? "tcp" : "udp", model);
					labels.append(row);
				}
				list[k++] = c;
				if (!g.closing && last >= g.windowEnd) {
					stillOpen.add(c);
					stillOpenLast.add(last);
				} else {
					g.finished.add(c);
				}
			}
			carried = stillOpen;
			carriedLast = stillOpenLast;
			g.contributors = list;
			g.contributorCount = k;
		}
	}
}
