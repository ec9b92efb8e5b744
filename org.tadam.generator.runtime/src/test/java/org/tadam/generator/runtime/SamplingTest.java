package org.tadam.generator.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The O(1) samplers draw what they are given, and the same seed draws the same numbers. */
class SamplingTest {

	@Test
	void aliasTableFollowsTheWeights() {
		AliasTable table = new AliasTable(new double[] { 1, 0, 3, 6 });
		int[] counts = new int[4];
		Rng rng = new Rng(1);
		int n = 1_000_000;
		for (int i = 0; i < n; i++) {
			counts[table.sample(rng)]++;
		}
		assertEquals(0, counts[1]);
		assertEquals(0.1, counts[0] / (double) n, 0.003);
		assertEquals(0.3, counts[2] / (double) n, 0.003);
		assertEquals(0.6, counts[3] / (double) n, 0.003);
	}

	@Test
	void aliasTableRejectsUselessWeights() {
		assertThrows(IllegalArgumentException.class, () -> new AliasTable(new double[] { 0, 0 }));
		assertThrows(IllegalArgumentException.class, () -> new AliasTable(new double[] { 1, Double.NaN }));
	}

	@Test
	void gaussianHasUnitMomentsAndTails() {
		Rng rng = new Rng(2);
		int n = 2_000_000;
		double sum = 0;
		double squares = 0;
		int beyondThree = 0;
		for (int i = 0; i < n; i++) {
			double x = rng.nextGaussian();
			sum += x;
			squares += x * x;
			if (Math.abs(x) > 3) {
				beyondThree++;
			}
		}
		assertEquals(0, sum / n, 0.003);
		assertEquals(1, squares / n, 0.005);
		assertEquals(0.0027, beyondThree / (double) n, 0.0003);
	}

	/**
	 * An edge of 1000-byte segments whose gap shortens with the size (slope -0.15 decilog-µs a byte): a 10-byte payload
	 * is timed as one of the edge's smallest (970 bytes), not extrapolated 990 bytes out to hours.
	 */
	@Test
	void aSizeOutsideTheEdgesIsTimedAsItsNearestLearnedOne() {
		int[] firstEdge = { 0, 1, 1 };
		double[] distribution = { 20, 1000, 4, -15, 100 };
		AutomatonModel model = new AutomatonModel("gap", AutomatonModel.TCP, AutomatonModel.IAT_DECILOG_MICROS,
				AutomatonModel.SIZE_BYTES, 0, firstEdge, new int[] { 1 }, new double[] { 1 }, new int[] { 1 },
				new int[] { 0x18 }, new boolean[] { false }, new int[] { -1 }, distribution, new int[] { 80 },
				new PayloadPool[0]);
		Rng rng = new Rng(3);
		long longest = 0;
		for (int i = 0; i < 10_000; i++) {
			longest = Math.max(longest, model.sampleIatNanos(0, 10, rng));
		}
		// 20 + 0.15 * 30 decilog-µs with a conditional sd of 1.3: under 10^3.2 µs even at 6 sd
		assertTrue(longest < 2_000_000, "longest gap " + longest + " ns");
	}

	/**
	 * An edge whose training gaps all fell in decilog-µs cell 63 (1.78 to 2.24 s): its gaps spread over the whole cell
	 * and never leave it, where the cell's centre alone made every gap 1.995 s; and a Gaussian that straddles two
	 * cells gives each its mass.
	 */
	@Test
	void aGapIsDrawnWithinTheCellItsGaussianGives() {
		Rng rng = new Rng(5);
		double low = Math.pow(10, 6.25) * 1000;
		double high = Math.pow(10, 6.35) * 1000;
		int n = 100_000;
		int[] quarters = new int[4];
		for (int i = 0; i < n; i++) {
			long nanos = Walk.iat(AutomatonModel.IAT_DECILOG_MICROS, 63, 0.001, rng);
			assertTrue(nanos >= low - 1 && nanos <= high + 1, nanos + " ns is outside cell 63");
			double log = 10 * Math.log10(nanos / 1000.0);
			quarters[(int) Math.min(3, Math.max(0, (log - 62.5) * 4))]++;
		}
		for (int q : quarters) {
			assertEquals(0.25, q / (double) n, 0.01);
		}
		int upper = 0;
		for (int i = 0; i < n; i++) {
			upper += Walk.iat(AutomatonModel.IAT_DECILOG_MICROS, 63.5, 0.3, rng) >= high ? 1 : 0;
		}
		assertEquals(0.5, upper / (double) n, 0.01);
	}

	/**
	 * A model whose times were fitted on themselves (continuous) gets its Gaussian as it is: 40 ms delayed ACKs all
	 * between 40.9 and 44.8 ms stay there, where a draw within their cell spread them over 35.5 to 44.7 ms.
	 */
	@Test
	void aContinuousGapIsDrawnAsItsGaussianSays() {
		Rng rng = new Rng(5);
		int unit = AutomatonModel.IAT_DECILOG_MICROS + AutomatonModel.IAT_CONTINUOUS;
		double mean = 10 * Math.log10(42_800);
		int n = 100_000;
		double sum = 0;
		int beyond = 0;
		for (int i = 0; i < n; i++) {
			double log = 10 * Math.log10(Walk.iat(unit, mean, 0.05, rng) / 1000.0);
			sum += log;
			beyond += Math.abs(log - mean) > 3 * 0.05 ? 1 : 0;
		}
		assertEquals(mean, sum / n, 1e-3);
		assertEquals(0.0027, beyond / (double) n, 0.001, "a Gaussian's share beyond 3 sd");
	}

	/** A payload size in decilog-bytes cell 30 (891 to 1122 bytes) spreads over the cell, as a gap does. */
	@Test
	void aDecilogSizeIsDrawnWithinItsCell() {
		int[] firstEdge = { 0, 1, 1 };
		double[] distribution = { 20, 30, 1e-6, 0, 1e-6 };
		AutomatonModel model = new AutomatonModel("size", AutomatonModel.TCP, AutomatonModel.IAT_DECILOG_MICROS,
				AutomatonModel.SIZE_DECILOG_BYTES, 0, firstEdge, new int[] { 1 }, new double[] { 1 }, new int[] { 1 },
				new int[] { 0x18 }, new boolean[] { false }, new int[] { -1 }, distribution, new int[] { 80 },
				new PayloadPool[0]);
		Rng rng = new Rng(4);
		int smallest = Integer.MAX_VALUE;
		int largest = 0;
		for (int i = 0; i < 10_000; i++) {
			int size = model.sampleSize(0, rng);
			smallest = Math.min(smallest, size);
			largest = Math.max(largest, size);
		}
		assertTrue(smallest >= 891 && smallest < 900, "smallest " + smallest);
		assertTrue(largest <= 1122 && largest > 1110, "largest " + largest);
	}

	@Test
	void sameSeedSameStream() {
		Rng a = new Rng(Rng.mix(42, 7));
		Rng b = new Rng(Rng.mix(42, 7));
		for (int i = 0; i < 1000; i++) {
			assertEquals(a.nextLong(), b.nextLong());
		}
		assertEquals(-1.959964, Rng.inverseNormal(0.025), 1e-6);
	}

	@Test
	void checksumsAddUpPiecewise() {
		byte[] data = new byte[101];
		new java.util.Random(3).nextBytes(data);
		long whole = Checksums.sum(data, 0, 100);
		long pieces = Checksums.sum(data, 0, 36) + Checksums.sum(data, 36, 64);
		assertEquals(Checksums.finish(whole), Checksums.finish(pieces));
		RandomBytes random = new RandomBytes(9);
		assertEquals(Checksums.finish(Checksums.sum(random.block(), 1000, 777)), Checksums.finish(random.sum(1000, 777)));
	}
}
