package org.tadam.generator.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The radix sort of a window lists records by (time, contributor, record), whatever the spread of the times. */
class WindowOrderTest {

	@Test
	void equalTimesGoToTheLowerContributorThenTheEarlierRecord() {
		long base = 1_767_225_600_000_000_000L;
		ConnectionPackets[] contributors = { connection(base + 5, base + 5, base + 9), connection(base + 5, base + 7),
				connection(base, base + 5) };
		WindowOrder order = new WindowOrder();
		order.sort(contributors, 3, new int[] { 0, 0, 0 }, new int[] { 3, 2, 2 }, base);
		long[] expected = { 2L << 32, 0, 1, 1L << 32, 2L << 32 | 1, 1L << 32 | 1, 2 };
		for (int i = 0; i < expected.length; i++) {
			assertEquals(expected[i], order.record(i), "record " + i);
		}
	}

	/** Spreads from a few nanoseconds to days: one to five passes, some skipped, over reused arrays. */
	@Test
	void sameOrderAsAComparisonSort() {
		Random random = new Random(3);
		WindowOrder order = new WindowOrder();
		for (long spread : new long[] { 4, 1L << 11, 1L << 20, 1L << 33, 1L << 50 }) {
			int n = 1 + random.nextInt(300);
			ConnectionPackets[] contributors = new ConnectionPackets[n];
			int[] from = new int[n];
			int[] to = new int[n];
			List<long[]> keys = new ArrayList<>();
			long base = 1_000_000_000L;
			for (int k = 0; k < n; k++) {
				long[] times = new long[1 + random.nextInt(12)];
				long t = base + (long) (random.nextDouble() * spread);
				for (int i = 0; i < times.length; i++) {
					t += random.nextInt(3) == 0 ? 0 : (long) (random.nextDouble() * spread / 8);
					times[i] = t;
				}
				contributors[k] = connection(times);
				from[k] = random.nextInt(times.length);
				to[k] = from[k] + random.nextInt(times.length - from[k] + 1);
				for (int i = from[k]; i < to[k]; i++) {
					keys.add(new long[] { times[i], k, i });
				}
			}
			keys.sort(Comparator.<long[]> comparingLong(x -> x[0]).thenComparingLong(x -> x[1]).thenComparingLong(x -> x[2]));
			order.sort(contributors, n, from, to, base);
			assertEquals(keys.size(), order.size());
			for (int i = 0; i < keys.size(); i++) {
				long[] key = keys.get(i);
				assertEquals(key[1] << 32 | key[2], order.record(i), "spread " + spread + ", record " + i);
				assertEquals(key[0] - base, order.time(i));
			}
		}
	}

	private static ConnectionPackets connection(long... times) {
		ConnectionPackets c = new ConnectionPackets();
		for (int i = 0; i < times.length; i++) {
			c.add(times[i], i + 1);
		}
		return c;
	}
}
