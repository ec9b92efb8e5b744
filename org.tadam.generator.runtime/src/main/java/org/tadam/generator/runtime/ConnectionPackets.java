package org.tadam.generator.runtime;

import java.util.Arrays;

/** The packets of one connection as finished capture records, in time order, with their timestamps. */
final class ConnectionPackets {

	byte[] data = new byte[2048];
	int size;
	long[] times = new long[16];
	/** End offset of each record in {@link #data}; record k spans ends[k-1] (or 0) .. ends[k]. */
	int[] ends = new int[16];
	int count;
	/** Records placed in the windows measured so far (Chunk.measure): where the next window's share starts. */
	int placed;
	/** Number of the connection in the run: ties between equal timestamps go to the lower number. */
	long index;
	/** Start time of the connection: no packet of it, nor of any later connection, is earlier. */
	long start;
	/** Index of the connection's automaton in the scenario. */
	int automaton;
	/** Letters repaired, per TcpConversation kind, and noise operations applied, per NoiseInjector kind. */
	final int[] repairs = new int[TcpConversation.KINDS];
	final int[] noise = new int[NoiseInjector.KINDS];
	/**
	 * Whether {@link #repairs} or {@link #noise} counted anything: most connections have neither, and their counts
	 * are then never read nor cleared (two cache misses per connection of the small-packet scenario).
	 */
	boolean counted;
	/** The walk and the endpoints, kept only when a label file is written. */
	ConnectionLabel label;

	ConnectionPackets clear() {
		size = 0;
		count = 0;
		placed = 0;
		if (counted) {
			Arrays.fill(repairs, 0);
			Arrays.fill(noise, 0);
			counted = false;
		}
		return this;
	}

	/** Counts a letter repaired, of TcpConversation kind {@code kind}. */
	void repaired(int kind) {
		repairs[kind]++;
		counted = true;
	}

	/** Counts a noise operation applied, of NoiseInjector kind {@code op}. */
	void noised(int op) {
		noise[op]++;
		counted = true;
	}

	void ensure(int extra) {
		if (size + extra > data.length) {
			byte[] bigger = new byte[Math.max(data.length * 2, size + extra)];
			System.arraycopy(data, 0, bigger, 0, size);
			data = bigger;
		}
	}

	void add(long time, int end) {
		if (count == times.length) {
			times = Arrays.copyOf(times, count * 2);
			ends = Arrays.copyOf(ends, count * 2);
		}
		times[count] = time;
		ends[count++] = end;
		size = end;
	}

	int start(int record) {
		return record == 0 ? 0 : ends[record - 1];
	}

	/** Removes the last record (a packet the capture missed). */
	void dropLast() {
		count--;
		size = start(count);
	}

	/** Appends a copy of the last record, stamped {@code time} (a packet the capture saw twice). */
	void copyLast(CaptureFormat format, long time) {
		int from = start(count - 1);
		int length = size - from;
		ensure(length);
		System.arraycopy(data, from, data, size, length);
		format.retime(data, size, time);
		add(time, size + length);
	}

	/** Exchanges the last two records and their timestamps, so that times stay in order (packets seen swapped). */
	void swapLastTwo(CaptureFormat format) {
		int a = start(count - 2);
		int b = ends[count - 2];
		byte[] first = Arrays.copyOfRange(data, a, b);
		System.arraycopy(data, b, data, a, size - b);
		System.arraycopy(first, 0, data, a + size - b, first.length);
		ends[count - 2] = a + size - b;
		format.retime(data, a, times[count - 2]);
		format.retime(data, ends[count - 2], times[count - 1]);
	}
}
