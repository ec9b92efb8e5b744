package org.tadam.generator.runtime;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Consecutive connections of a run and the window of capture time they open: from the start of the first to the
 * start of the next chunk's first. Packets are sorted by (time, connection index) over the whole capture, so every
 * window is a disjoint, ordered range of the output: a chunk's connections are generated, then its window is
 * merged into a buffer, both on the thread that took the chunk (possibly next to the neighbouring windows' merges on
 * other threads), and the buffers are written at their offsets. Connections still sending at the end of a window take part in the next ones.
 */
final class Chunk {

	final long firstIndex;
	final long[] starts;
	final ConnectionPackets[] connections;
	final long windowStart;
	/** Exclusive; the run's end (or Long.MAX_VALUE) for the last chunk. */
	final long windowEnd;
	/** The last chunk: no window follows, so no connection is carried past this one. */
	final boolean closing;
	/** The chunk's place among the run's chunks, numbered in planning order: its window's turn. */
	long number;

	/**
	 * Left by the generation for the writing thread, so that it need not read every connection: the time of each
	 * connection's last packet (Long.MIN_VALUE when it has none), and the sums of repairs and noise over all walks.
	 */
	final long[] lastTimes;
	final long[] repairs = new long[TcpConversation.KINDS];
	final long[] noise = new long[NoiseInjector.KINDS];

	/** Set before the merge: the connections with packets in the window, in index order. */
	ConnectionPackets[] contributors;
	int contributorCount;
	/** Connections whose last packet is in this window (or that have none): reusable once it is written. */
	final List<ConnectionPackets> finished = new ArrayList<>();

	/** The merge's result: the window's records, and their count and time span. */
	ByteBuffer output;
	long packets;
	long first = Long.MAX_VALUE;
	long last = Long.MIN_VALUE;

	Chunk(long firstIndex, long[] starts, ConnectionPackets[] connections, long windowEnd, boolean closing) {
		this.firstIndex = firstIndex;
		this.starts = starts;
		this.connections = connections;
		this.windowStart = starts[0];
		this.windowEnd = windowEnd;
		this.closing = closing;
		this.lastTimes = new long[connections.length];
	}

	void generate(ConnectionSynthesizer synthesizer, long seed) {
		for (int i = 0; i < connections.length; i++) {
			ConnectionPackets c = connections[i].clear();
			c.index = firstIndex + i;
			c.start = starts[i];
			synthesizer.generate(seed, c.index, c.start, c);
			lastTimes[i] = c.count == 0 ? Long.MIN_VALUE : c.times[c.count - 1];
			for (int k = 0; k < repairs.length; k++) {
				repairs[k] += c.repairs[k];
			}
			for (int k = 0; k < noise.length; k++) {
				noise[k] += c.noise[k];
			}
		}
	}

	/**
	 * Copies the window's records into {@link #output} (grown when too small) in (time, index) order, runs of one
	 * connection's consecutive records in one piece.
	 */
	void merge(WindowOrder order) {
		int n = contributorCount;
		int[] from = new int[n];
		int[] to = new int[n];
		long bytes = ranges(from, to);
		if (bytes > Integer.MAX_VALUE - 8) {
			throw new IllegalStateException("more than 2 GB of packets in one window");
		}
		if (output == null || output.capacity() < bytes) {
			output = ByteBuffer.allocateDirect((int) Math.min(Integer.MAX_VALUE - 8, Math.max(bytes, bytes * 5 / 4)));
		}
		output.clear();
		order.sort(contributors, n, from, to, windowStart);
		copy(order);
		output.flip();
	}

	/**
	 * The records of each contributor in the window, {@code from[k] .. to[k] - 1}, and their bytes: a connection of
	 * this chunk starts in the window; an earlier one resumes where the last window stopped.
	 */
	private long ranges(int[] from, int[] to) {
		long bytes = 0;
		for (int k = 0; k < contributorCount; k++) {
			ConnectionPackets c = contributors[k];
			from[k] = c.index >= firstIndex ? 0 : lowerBound(c, windowStart);
			to[k] = lowerBound(c, windowEnd);
			if (to[k] > from[k]) {
				bytes += c.ends[to[k] - 1] - c.start(from[k]);
			}
		}
		return bytes;
	}

	/** Copies the sorted records, each run of one connection's consecutive records with one put. */
	private void copy(WindowOrder order) {
		int total = order.size();
		if (total == 0) {
			return;
		}
		ByteBuffer out = output;
		for (int i = 0; i < total;) {
			long record = order.record(i);
			ConnectionPackets c = contributors[(int) (record >>> 32)];
			long next = record + 1;
			int j = i + 1;
			while (j < total && order.record(j) == next) {
				j++;
				next++;
			}
			int at = c.start((int) record);
			out.put(c.data, at, c.ends[(int) (next - 1)] - at);
			i = j;
		}
		packets += total;
		first = Math.min(first, windowStart + order.time(0));
		last = Math.max(last, windowStart + order.time(total - 1));
	}

	/** The first record of {@code c} at or after {@code time}. */
	static int lowerBound(ConnectionPackets c, long time) {
		int low = 0;
		int high = c.count;
		while (low < high) {
			int mid = (low + high) >>> 1;
			if (c.times[mid] < time) {
				low = mid + 1;
			} else {
				high = mid;
			}
		}
		return low;
	}
}
