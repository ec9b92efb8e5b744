package org.tadam.generator.runtime;

/**
 * The order of one window's records in the capture: by time, then connection number, then record number. The
 * records are listed connection by connection in number order and record order, then sorted by time with a stable
 * least-significant-digit radix sort, so that equal times keep that listing order. It replaced a heap of the open
 * connections (issue #15): on the small-packet scenario the heap cost a third of the run, one sift per packet
 * through pointers to every connection's times, where a radix pass is a sequential scan. One instance per thread,
 * reused window after window: its arrays only grow.
 */
final class WindowOrder {

	/**
	 * Most bits of the time sorted per pass: 4096 counters (16 KB) stay in the first-level cache. A sort takes as few
	 * passes as its latest time needs, with digits as narrow as those passes allow (36 bits: 3 of 12).
	 */
	static final int MAX_DIGIT_BITS = 12;

	/** Time of each listed record after the window's start; then the record, as contributor << 32 | record. */
	private long[] times = new long[1024];
	private long[] records = new long[1024];
	private long[] swapTimes = new long[1024];
	private long[] swapRecords = new long[1024];
	private final int[] counts = new int[1 << MAX_DIGIT_BITS];
	private int size;
	/** The thread's output buffer, merged into window after window (grown by the merge when too small). */
	java.nio.ByteBuffer buffer;

	/**
	 * Lists records {@code from[k] .. to[k] - 1} of each contributor {@code k < n} and sorts them; every listed
	 * time is at or after {@code base}.
	 */
	void sort(ConnectionPackets[] contributors, int n, int[] from, int[] to, long base) {
		int total = 0;
		for (int k = 0; k < n; k++) {
			total += to[k] - from[k];
		}
		if (times.length < total) {
			int length = Math.max(total, times.length * 2);
			times = new long[length];
			records = new long[length];
			swapTimes = new long[length];
			swapRecords = new long[length];
		}
		size = total;
		long latest = list(contributors, n, from, to, base);
		int bits = 64 - Long.numberOfLeadingZeros(latest);
		int passes = (bits + MAX_DIGIT_BITS - 1) / MAX_DIGIT_BITS;
		int digitBits = passes == 0 ? 0 : (bits + passes - 1) / passes;
		for (int shift = 0; shift < bits; shift += digitBits) {
			pass(shift, digitBits);
		}
	}

	/** Lists the records in connection and record order; returns the largest time after the base. */
	private long list(ConnectionPackets[] contributors, int n, int[] from, int[] to, long base) {
		long[] t = times;
		long[] r = records;
		long latest = 0;
		int p = 0;
		for (int k = 0; k < n; k++) {
			long[] connectionTimes = contributors[k].times;
			long contributor = (long) k << 32;
			for (int i = from[k], end = to[k]; i < end; i++) {
				long time = connectionTimes[i] - base;
				t[p] = time;
				r[p++] = contributor | i;
				latest = Math.max(latest, time);
			}
		}
		return latest;
	}

	/** One stable counting pass on the digit at {@code shift}; skipped when every record has the same digit. */
	private void pass(int shift, int digitBits) {
		int digits = 1 << digitBits;
		int mask = digits - 1;
		int[] c = counts;
		java.util.Arrays.fill(c, 0, digits, 0);
		long[] t = times;
		int n = size;
		for (int i = 0; i < n; i++) {
			c[(int) (t[i] >>> shift) & mask]++;
		}
		if (c[(int) (t[0] >>> shift) & mask] == n) {
			return;
		}
		for (int d = 0, sum = 0; d < digits; d++) {
			int count = c[d];
			c[d] = sum;
			sum += count;
		}
		long[] r = records;
		long[] toTimes = swapTimes;
		long[] toRecords = swapRecords;
		for (int i = 0; i < n; i++) {
			long time = t[i];
			int at = c[(int) (time >>> shift) & mask]++;
			toTimes[at] = time;
			toRecords[at] = r[i];
		}
		swapTimes = t;
		swapRecords = r;
		times = toTimes;
		records = toRecords;
	}

	/** Records listed by the last sort. */
	int size() {
		return size;
	}

	/** The {@code i}-th record in capture order, as contributor << 32 | record. */
	long record(int i) {
		return records[i];
	}

	/** Its time after the base. */
	long time(int i) {
		return times[i];
	}
}
