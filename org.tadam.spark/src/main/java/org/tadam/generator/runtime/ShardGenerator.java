package org.tadam.generator.runtime;

import java.io.IOException;
import java.nio.channels.WritableByteChannel;

/**
 * One shard of a generator run: the connections numbered {@code [from, to)} of the run that
 * {@link TrafficGenerator} makes for the same settings, written in the same order (packets by time, ties to the
 * lower connection number), with the same synthesizer, the same per-connection seeds and the same start times.
 * Concatenating nothing but merging the shards by (timestamp, shard) therefore gives the single run's bytes.
 *
 * <p>It lives in the runtime's package (on the class path beside the runtime jar, one class loader) because the
 * synthesizer, the arrival process and the record buffers are package-private there: the runtime stays exactly what
 * every generator jar carries, and the shard uses it unchanged.
 */
public final class ShardGenerator {

	private ShardGenerator() {
	}

	/** Connections a run of {@code settings.durationNanos} starts, counted on the run's own arrival process. */
	public static long connectionsWithin(GeneratorSettings settings) {
		Arrivals arrivals = new Arrivals(settings);
		long end = settings.startNanos + settings.durationNanos;
		long n = 0;
		while (arrivals.next() < end) {
			n++;
		}
		return n;
	}

	/**
	 * Writes the file header and the packets of connections {@code [from, to)}; packets at or after the end of a
	 * run with a duration are left out, as the single run leaves them out.
	 *
	 * @return the number of packets written
	 */
	public static long write(ScenarioModel scenario, GeneratorSettings settings, long from, long to,
			WritableByteChannel channel) throws IOException {
		CaptureOutput out = new CaptureOutput(channel);
		byte[] header = settings.format.fileHeader(settings.snapLength);
		out.write(header, 0, header.length);
		boolean filler = false;
		for (AutomatonModel model : scenario.automata) {
			filler |= model.textWithoutPool;
		}
		ConnectionSynthesizer synthesizer = new ConnectionSynthesizer(scenario, new RandomBytes(Rng.mix(settings.seed, -2)),
				filler ? new RandomBytes(Rng.mix(settings.seed, -3), true) : null, settings.format, settings.snapLength,
				settings.learnedNoise, false);
		Arrivals arrivals = new Arrivals(settings);
		for (long i = 0; i < from; i++) {
			arrivals.next();
		}
		long end = settings.durationNanos > 0 ? settings.startNanos + settings.durationNanos : Long.MAX_VALUE;
		Source source = new Source(synthesizer, arrivals, settings.seed, from, to);
		ConnectionHeap merge = new ConnectionHeap();
		long packets = 0;
		ConnectionPackets pending = source.next();
		while (true) {
			// the loop of TrafficGenerator.run, on one thread: admit every connection that starts before the
			// earliest pending packet, then write the top connection's packets up to the runner-up's next one
			while (pending != null && (merge.isEmpty() || pending.start < merge.minTime())) {
				merge.push(pending);
				pending = source.next();
			}
			if (merge.isEmpty()) {
				break;
			}
			ConnectionPackets c = merge.top();
			long limit = merge.runnerUpTime();
			long limitIndex = merge.runnerUpIndex();
			if (pending != null && pending.start < limit) {
				limit = pending.start;
				limitIndex = Long.MAX_VALUE;
			}
			int first = c.cursor;
			int last = first;
			boolean pastEnd = false;
			while (last < c.count) {
				long time = c.times[last];
				if (time >= end) {
					pastEnd = true;
					break;
				}
				if (time > limit || time == limit && c.index > limitIndex) {
					break;
				}
				last++;
			}
			if (last > first) {
				out.write(c.data, c.start(first), c.ends[last - 1] - c.start(first));
				packets += last - first;
			}
			c.cursor = last;
			if (pastEnd || last == c.count) {
				merge.pop();
				source.recycle(c);
			} else {
				merge.siftTop();
			}
		}
		out.flush();
		return packets;
	}

	/** Connections of the shard in number order, those without packets skipped, buffers reused. */
	private static final class Source {
		private final ConnectionSynthesizer synthesizer;
		private final Arrivals arrivals;
		private final long seed;
		private final long to;
		private final java.util.ArrayDeque<ConnectionPackets> free = new java.util.ArrayDeque<>();
		private long next;

		Source(ConnectionSynthesizer synthesizer, Arrivals arrivals, long seed, long from, long to) {
			this.synthesizer = synthesizer;
			this.arrivals = arrivals;
			this.seed = seed;
			this.next = from;
			this.to = to;
		}

		ConnectionPackets next() {
			while (next < to) {
				ConnectionPackets reused = free.poll();
				ConnectionPackets c = reused != null ? reused.clear() : new ConnectionPackets();
				c.index = next;
				c.start = arrivals.next();
				synthesizer.generate(seed, next, c.start, c);
				next++;
				if (c.count > 0) {
					return c;
				}
				free.offer(c);
			}
			return null;
		}

		void recycle(ConnectionPackets c) {
			free.offer(c);
		}
	}
}
