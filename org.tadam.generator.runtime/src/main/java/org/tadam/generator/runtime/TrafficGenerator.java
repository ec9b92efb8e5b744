package org.tadam.generator.runtime;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a scenario: connections are numbered in order of their start times and cut into chunks ({@link Chunk}). Each
 * thread takes the next chunk, generates it (every connection from its own seed), hands the window of capture time
 * it opens its share of the connections still open ({@link Windows}, in window order), merges the window into its
 * own buffer and writes it, at its offset or in its turn ({@link WindowWriter}). A chunk stays on one thread from
 * generation to write, so its bytes stay in that core's caches, and threads meet only at the two ordered steps
 * ({@link Turn}), for microseconds per window. Memory stays bounded by the connections open at one instant plus a
 * chunk per thread. The bytes depend on the seed only, never on the thread count.
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
		Shared run = new Shared(writer, labels, progress, header.length);
		int threads = Math.max(1, settings.threads);
		ExecutorService pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
			Thread t = new Thread(r, "tadam-generator");
			t.setDaemon(true);
			return t;
		});
		try {
			List<Future<?>> others = new ArrayList<>();
			for (int i = 1; i < threads; i++) {
				others.add(pool.submit(() -> {
					work(run);
					return null;
				}));
			}
			work(run);
			for (Future<?> other : others) {
				try {
					other.get();
				} catch (ExecutionException e) {
					run.fail(e.getCause()); // recorded by work() already; here only when it escaped
				}
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			run.fail(new IOException("interrupted", e));
		} finally {
			if (pool != null) {
				pool.shutdownNow();
			}
		}
		run.rethrow();
		writer.finish(run.bytes);
		double seconds = (System.nanoTime() - began) / 1e9;
		Windows windows = run.windows;
		return new RunSummary(scenario.name, windows.connections, run.packets, run.bytes, run.first, run.last, seconds,
				windows.repairs, windows.noise);
	}

	/**
	 * One thread's share of the run: chunk after chunk, generate, take the window's connections in its turn, merge,
	 * account for the window in its turn, write. Any failure stops every thread.
	 */
	private void work(Shared run) {
		try {
			ConnectionSynthesizer synthesizer = new ConnectionSynthesizer(scenario, random, text, settings.format,
					settings.snapLength, settings.learnedNoise, run.labels != null, settings.tableWalk);
			WindowOrder order = new WindowOrder();
			ByteBuffer buffer = null;
			for (Chunk c; (c = run.plan()) != null;) {
				c.generate(synthesizer, settings.seed);
				if (!run.prepared.await(c.number)) {
					return;
				}
				try {
					run.windows.prepare(c);
				} finally {
					run.prepared.pass();
				}
				c.output = buffer;
				c.merge(order);
				buffer = c.output;
				if (!run.written.await(c.number)) {
					return;
				}
				long offset;
				try {
					offset = run.account(c);
					if (!run.writer.positional()) {
						run.writer.write(buffer, offset);
					}
				} finally {
					run.written.pass();
				}
				if (run.writer.positional()) {
					run.writer.write(buffer, offset);
				}
				c.output = null;
			}
		} catch (Throwable e) {
			run.fail(e);
		}
	}

	/** What the threads of one run share; the fields after the turns are touched only in a window's turn. */
	private final class Shared {
		final WindowWriter writer;
		final Appendable labels;
		final Progress progress;
		/** Windows take their connections ({@link Windows#prepare}), then are accounted for and, in order, written. */
		final Turn prepared = new Turn();
		final Turn written = new Turn();
		final Windows windows;
		private final ChunkPlanner planner;
		/**
		 * Finished connections' buffers, handed to the chunks planned next: a run allocates buffers for the
		 * connections open or in flight at one time only. Guarded, with the planner, by this object.
		 */
		private final ArrayDeque<ConnectionPackets> free = new ArrayDeque<>();
		private long planned;
		private boolean stopped;
		private Throwable failure;
		long bytes;
		long packets;
		long generated;
		long first = Long.MAX_VALUE;
		long last = Long.MIN_VALUE;

		Shared(WindowWriter writer, Appendable labels, Progress progress, long headerBytes) {
			this.writer = writer;
			this.labels = labels;
			this.progress = progress;
			this.windows = new Windows(labels);
			this.planner = new ChunkPlanner(settings, free);
			this.bytes = headerBytes;
		}

		/** The next chunk, numbered in order; null when the run has no more, or has failed. */
		synchronized Chunk plan() {
			if (stopped) {
				return null;
			}
			Chunk c = planner.nextChunk();
			if (c == null) {
				stopped = true;
				return null;
			}
			c.number = planned++;
			return c;
		}

		/**
		 * In the window's turn: its place in the capture, the run's totals and progress; its finished connections
		 * can be reused, since every window that reads them is merged by now. Returns the window's offset.
		 */
		long account(Chunk c) {
			long offset = bytes;
			bytes += c.output.remaining();
			packets += c.packets;
			first = Math.min(first, c.first);
			last = Math.max(last, c.last);
			generated += c.connections.length;
			synchronized (this) {
				free.addAll(c.finished);
				planner.written(c.output.remaining(), c.connections.length);
			}
			if (progress != null) {
				progress.update(bytes, packets, generated, c.windowEnd);
			}
			return offset;
		}

		/** Records the first failure and stops every thread. */
		void fail(Throwable e) {
			synchronized (this) {
				if (failure == null) {
					failure = e;
				}
				stopped = true;
			}
			prepared.abort();
			written.abort();
		}

		/** The run's failure, if any: an I/O failure (a full disk) as itself, so that it is reported in one line. */
		void rethrow() throws IOException {
			Throwable e;
			synchronized (this) {
				e = failure;
			}
			if (e == null) {
				return;
			}
			if (e instanceof IOException io) {
				throw io;
			}
			if (e instanceof java.io.UncheckedIOException u) {
				throw u.getCause();
			}
			throw new IllegalStateException("generation failed: " + e, e);
		}
	}

	/**
	 * The bookkeeping between generation and merge, in window order: the connections carried from window to window,
	 * the counts of the summary (over every walk, also those without packets: the same whatever the thread count)
	 * and the label rows, in the order of the connections' numbers.
	 */
	private final class Windows {
		private final Appendable labels;
		private final StringBuilder row = new StringBuilder();
		/** Connections open past the last prepared window, in index order, and the times of their last packets. */
		private ConnectionPackets[] carried = new ConnectionPackets[16];
		private long[] carriedLast = new long[16];
		private int carriedCount;
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
			ConnectionPackets[] list = new ConnectionPackets[carriedCount + g.connections.length];
			ConnectionPackets[] stillOpen = new ConnectionPackets[list.length];
			long[] stillOpenLast = new long[list.length];
			int k = 0;
			int open = 0;
			for (int i = 0; i < carriedCount; i++) {
				ConnectionPackets c = carried[i];
				list[k++] = c;
				if (!g.closing && carriedLast[i] >= g.windowEnd) {
					stillOpen[open] = c;
					stillOpenLast[open++] = carriedLast[i];
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
					label(c);
				}
				list[k++] = c;
				if (!g.closing && last >= g.windowEnd) {
					stillOpen[open] = c;
					stillOpenLast[open++] = last;
				} else {
					g.finished.add(c);
				}
			}
			carried = stillOpen;
			carriedLast = stillOpenLast;
			carriedCount = open;
			g.contributors = list;
			g.contributorCount = k;
		}

		private void label(ConnectionPackets c) throws IOException {
			AutomatonModel model = scenario.automata[c.automaton];
			row.setLength(0);
			c.label.row(row, c.index, c.start, model.protocol == AutomatonModel.TCP ? "tcp" : "udp", model);
			labels.append(row);
		}
	}
}
