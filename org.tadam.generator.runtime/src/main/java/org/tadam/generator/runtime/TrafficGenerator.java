package org.tadam.generator.runtime;

import java.io.IOException;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;

/**
 * Runs a scenario: connections are numbered in order of their start times, generated in batches (in parallel,
 * each from its own seed) and merged in time order through a heap of the connections in progress, so that memory
 * stays bounded by the connections open at one instant plus the batches generated ahead. The bytes depend on the
 * seed only, never on the thread count.
 */
public final class TrafficGenerator {

	static final int BATCH = 256;

	private final ScenarioModel scenario;
	private final GeneratorSettings settings;
	private final RandomBytes random;
	/** Printable filler, made only for scenarios with text letters the capture kept no bytes of. */
	private final RandomBytes text;
	/**
	 * Finished connections' buffers. Only the merging thread touches it: it hands buffers to each batch it submits,
	 * so a run allocates buffers for the connections open or queued at one time only.
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

	/** Writes the whole capture (file header included) to the channel. */
	public RunSummary run(WritableByteChannel channel) throws IOException {
		return run(channel, null);
	}

	/**
	 * Writes the whole capture to the channel and, when {@code labels} is not null, one TSV row per connection of
	 * the capture in the order of their numbers (ConnectionLabel names the columns).
	 */
	public RunSummary run(WritableByteChannel channel, Appendable labels) throws IOException {
		long began = System.nanoTime();
		CaptureOutput out = new CaptureOutput(channel);
		byte[] header = settings.format.fileHeader(settings.snapLength);
		out.write(header, 0, header.length);
		int threads = Math.max(1, settings.threads);
		// the merging thread generates too (it runs the batch it waits for when no worker has started it yet)
		ExecutorService pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
			Thread t = new Thread(r, "tadam-generator");
			t.setDaemon(true);
			return t;
		});
		ThreadLocal<ConnectionSynthesizer> synthesizers = ThreadLocal.withInitial(() -> new ConnectionSynthesizer(scenario,
				random, text, settings.format, settings.snapLength, settings.learnedNoise, labels != null));
		if (labels != null) {
			labels.append(ConnectionLabel.HEADER).append('\n');
		}
		StringBuilder row = new StringBuilder();
		Producer producer = new Producer(pool, synthesizers, threads * 4);
		ConnectionHeap merge = new ConnectionHeap();
		long end = settings.durationNanos > 0 ? settings.startNanos + settings.durationNanos : Long.MAX_VALUE;
		long connections = 0;
		long packets = 0;
		long first = Long.MAX_VALUE;
		long last = Long.MIN_VALUE;
		try {
			ConnectionPackets pending = producer.next();
			while (true) {
				// every later connection starts (so sends) no earlier than the pending one: admit it before writing past its start
				while (pending != null && (merge.isEmpty() || pending.start < merge.minTime())) {
					connections++;
					if (labels != null) {
						AutomatonModel model = scenario.automata[pending.automaton];
						row.setLength(0);
						pending.label.row(row, pending.index, pending.start, model.protocol == AutomatonModel.TCP ? "tcp" : "udp", model);
						labels.append(row);
					}
					merge.push(pending);
					pending = producer.next();
				}
				if (merge.isEmpty()) {
					break;
				}
				ConnectionPackets c = merge.top();
				// write the run of c's packets that precede every other open connection's and the pending start
				long limit = merge.runnerUpTime();
				long limitIndex = merge.runnerUpIndex();
				if (pending != null && pending.start < limit) {
					limit = pending.start;
					limitIndex = Long.MAX_VALUE; // pending comes after c at equal times
				}
				int from = c.cursor;
				int to = from;
				boolean pastEnd = false;
				while (to < c.count) {
					long time = c.times[to];
					if (time >= end) {
						pastEnd = true;
						break;
					}
					if (time > limit || time == limit && c.index > limitIndex) {
						break;
					}
					to++;
				}
				if (to > from) {
					out.write(c.data, c.start(from), c.ends[to - 1] - c.start(from));
					packets += to - from;
					first = Math.min(first, c.times[from]);
					last = Math.max(last, c.times[to - 1]);
				}
				c.cursor = to;
				if (pastEnd || to == c.count) {
					merge.pop();
					free.offer(c);
				} else {
					merge.siftTop();
				}
			}
			out.flush();
		} finally {
			if (pool != null) {
				pool.shutdownNow();
			}
		}
		double seconds = (System.nanoTime() - began) / 1e9;
		return new RunSummary(scenario.name, connections, packets, out.written, first, last, seconds, producer.repairs,
				producer.noise);
	}

	/** Hands out connections in index order, generating batches ahead on the pool (or inline with one thread). */
	private final class Producer {
		private final ExecutorService pool;
		private final ThreadLocal<ConnectionSynthesizer> synthesizers;
		private final int ahead;
		private final ArrayDeque<FutureTask<ConnectionPackets[]>> queue = new ArrayDeque<>();
		private final Arrivals arrivals = new Arrivals(settings);
		private final long end = settings.durationNanos > 0 ? settings.startNanos + settings.durationNanos : Long.MAX_VALUE;
		private long nextIndex;
		private boolean exhausted;
		private ConnectionPackets[] batch;
		private int position;
		/** Sums over every walk handed out, also those without packets: the same whatever the thread count. */
		final long[] repairs = new long[TcpConversation.KINDS];
		final long[] noise = new long[NoiseInjector.KINDS];

		Producer(ExecutorService pool, ThreadLocal<ConnectionSynthesizer> synthesizers, int ahead) {
			this.pool = pool;
			this.synthesizers = synthesizers;
			this.ahead = ahead;
		}

		/** The next connection with at least one packet, or null when the run has no more. */
		ConnectionPackets next() throws IOException {
			while (true) {
				if (batch != null && position < batch.length) {
					ConnectionPackets c = batch[position];
					batch[position++] = null;
					for (int k = 0; k < repairs.length; k++) {
						repairs[k] += c.repairs[k];
					}
					for (int k = 0; k < noise.length; k++) {
						noise[k] += c.noise[k];
					}
					if (c.count > 0) {
						return c;
					}
					free.offer(c);
					continue;
				}
				fill();
				if (queue.isEmpty()) {
					return null;
				}
				FutureTask<ConnectionPackets[]> head = queue.poll();
				head.run(); // does nothing when a worker has started or finished it
				// while a worker is still on the batch needed next, generate a later one rather than wait
				for (FutureTask<ConnectionPackets[]> later : queue) {
					if (head.isDone()) {
						break;
					}
					later.run();
				}
				try {
					batch = head.get();
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					throw new IOException("interrupted", e);
				} catch (ExecutionException e) {
					throw new IllegalStateException("generation failed: " + e.getCause(), e.getCause());
				}
				position = 0;
			}
		}

		private void fill() {
			while (!exhausted && queue.size() < (pool == null ? 1 : ahead)) {
				long[] starts = new long[BATCH];
				int n = 0;
				while (n < BATCH) {
					if (settings.connections > 0 && nextIndex + n >= settings.connections) {
						exhausted = true;
						break;
					}
					long start = arrivals.next();
					if (start >= end) {
						exhausted = true;
						break;
					}
					starts[n++] = start;
				}
				if (n == 0) {
					break;
				}
				long firstIndex = nextIndex;
				int count = n;
				nextIndex += n;
				ConnectionPackets[] result = new ConnectionPackets[count];
				for (int i = 0; i < count; i++) {
					ConnectionPackets reused = free.poll();
					result[i] = reused != null ? reused.clear() : new ConnectionPackets();
				}
				Callable<ConnectionPackets[]> task = () -> {
					ConnectionSynthesizer synthesizer = synthesizers.get();
					for (int i = 0; i < count; i++) {
						result[i].index = firstIndex + i;
						result[i].start = starts[i];
						synthesizer.generate(settings.seed, firstIndex + i, starts[i], result[i]);
					}
					return result;
				};
				FutureTask<ConnectionPackets[]> future = new FutureTask<>(task);
				if (pool != null) {
					pool.execute(future);
				}
				queue.add(future);
			}
		}
	}
}
