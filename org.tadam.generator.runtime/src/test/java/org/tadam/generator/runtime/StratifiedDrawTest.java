package org.tadam.generator.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;

import org.junit.jupiter.api.Test;

class StratifiedDrawTest {

	/** Every stratum once, for counts that are and are not powers of two. */
	@Test
	void theConnectionsOfARunTakeEveryStratumOnce() {
		for (long n : new long[] { 1, 2, 3, 7, 64, 162, 1000, 4097 }) {
			StratifiedDraw draw = new StratifiedDraw(5, n);
			BitSet strata = new BitSet();
			for (long i = 0; i < n; i++) {
				double u = draw.value(i);
				assertTrue(u > 0 && u < 1, "value " + u);
				long stratum = (long) Math.floor(u * n);
				assertEquals(0.5, u * n - stratum, 1e-6, "the middle of its stratum");
				strata.set((int) stratum);
			}
			assertEquals(n, strata.cardinality(), "n = " + n);
			assertEquals(-1, draw.value(n), "past the run");
		}
	}

	/** The order depends on the seed, and is not the connections' own. */
	@Test
	void theOrderIsTheSeedsAndLooksRandom() {
		StratifiedDraw a = new StratifiedDraw(5, 1000);
		StratifiedDraw b = new StratifiedDraw(6, 1000);
		int same = 0;
		int rising = 0;
		for (long i = 0; i < 1000; i++) {
			same += a.value(i) == b.value(i) ? 1 : 0;
			rising += i > 0 && a.value(i) > a.value(i - 1) ? 1 : 0;
		}
		assertTrue(same < 10, same + " alike");
		// independent draws rise from one connection to the next half the time
		assertTrue(rising > 440 && rising < 560, rising + " rises");
		assertNotEquals(a.value(0), new StratifiedDraw(5, 999).value(0), "the count is part of the order");
		assertEquals(a.value(17), new StratifiedDraw(5, 1000).value(17));
	}
}
