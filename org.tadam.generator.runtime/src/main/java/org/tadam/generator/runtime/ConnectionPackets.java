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
	/** Position of the merge: the next record to write. */
	int cursor;
	/** Number of the connection in the run: ties between equal timestamps go to the lower number. */
	long index;
	/** Start time of the connection: no packet of it, nor of any later connection, is earlier. */
	long start;

	ConnectionPackets clear() {
		size = 0;
		count = 0;
		cursor = 0;
		return this;
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
}
