package org.tadam.generator.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Slices of filler: checksums and the randomness test in O(1), and slices drawn to the class of their letter. */
class RandomBytesTest {

	private static final RandomBytes RANDOM = new RandomBytes(11);

	/** The χ² statistic of the 2-bit values, computed over the bytes as the payload classifier does. */
	private static boolean passes(byte[] b, int offset, int length) {
		return passes(b, offset, length, RandomBytes.CRITICAL_VALUE);
	}

	private static boolean passes(byte[] b, int offset, int length, double critical) {
		long[] counts = new long[4];
		for (int i = offset; i < offset + length; i++) {
			for (int shift = 0; shift < 8; shift += 2) {
				counts[(b[i] >> shift) & 3]++;
			}
		}
		double statistic = 0;
		for (long c : counts) {
			statistic += (c - (double) length) * (c - length) / length;
		}
		return statistic <= critical;
	}

	@Test
	void theTestOfASliceIsTheTestOfItsBytes() {
		Rng rng = new Rng(1);
		int failed = 0;
		int n = 20_000;
		for (int i = 0; i < n; i++) {
			int offset = RANDOM.offset(rng);
			int length = 5 + rng.nextInt(i % 10 == 0 ? RandomBytes.MAX_SLICE - 5 : 300);
			boolean expected = passes(RANDOM.block(), offset, length);
			assertEquals(expected, RANDOM.looksRandom(offset, length), "offset " + offset + ", length " + length);
			failed += expected ? 0 : 1;
		}
		// uniform bytes fail the test at its level, 5 %
		assertEquals(0.05, failed / (double) n, 0.008);
	}

	/** A header written over a slice's start (a TLS record's) counts as the bytes it replaces do not. */
	@Test
	void theTestOfAFramedSliceIsTheTestOfTheFramedBytes() {
		Rng rng = new Rng(4);
		byte[] header = { 0x17, 0x03, 0x03, 0x00, 0x1a, 0x00, 0x00 };
		for (int i = 0; i < 5_000; i++) {
			int offset = RANDOM.offset(rng);
			int length = 5 + rng.nextInt(200);
			int framed = Math.min(length, 1 + rng.nextInt(header.length));
			byte[] bytes = java.util.Arrays.copyOfRange(RANDOM.block(), offset, offset + length);
			System.arraycopy(header, 0, bytes, 0, framed);
			assertEquals(passes(bytes, 0, length), RANDOM.looksRandom(offset, length, header, framed));
		}
	}

	@Test
	void aSliceIsDrawnOfItsLettersClass() {
		Rng rng = new Rng(2);
		for (int i = 0; i < 2_000; i++) {
			int length = 5 + rng.nextInt(1500);
			int random = RANDOM.offset(rng, length, true);
			assertTrue(passes(RANDOM.block(), random, length));
			int replay = RANDOM.offset(rng, length, false);
			assertTrue(!passes(RANDOM.block(), replay, length));
		}
	}

	/**
	 * A model learned at level 0.2 (critical value 4.64): its random letters' slices pass the test there, where 15 %
	 * of those passing at 0.05 fail, and its replay letters' slices fail it.
	 */
	@Test
	void aSliceIsDrawnOfItsLettersClassAtTheModelsLevel() {
		double critical = 4.641627676087445;
		Rng rng = new Rng(5);
		for (int i = 0; i < 500; i++) {
			int length = 5 + rng.nextInt(1500);
			int random = RANDOM.offset(rng, length, true, critical, null, null);
			assertTrue(passes(RANDOM.block(), random, length, critical));
			assertTrue(RANDOM.looksRandom(random, length, critical));
			int replay = RANDOM.offset(rng, length, false, critical, null, null);
			assertTrue(!passes(RANDOM.block(), replay, length, critical));
		}
	}

	@Test
	void checksumsOfSlicesAddTheirWords() {
		Rng rng = new Rng(3);
		byte[] b = RANDOM.block();
		for (int i = 0; i < 1_000; i++) {
			int offset = RANDOM.offset(rng);
			int length = 1 + rng.nextInt(2000);
			long sum = 0;
			for (int k = 0; k + 1 < length; k += 2) {
				sum += ((b[offset + k] & 0xFF) << 8) | (b[offset + k + 1] & 0xFF);
			}
			if ((length & 1) != 0) {
				sum += (b[offset + length - 1] & 0xFF) << 8;
			}
			assertEquals(sum, RANDOM.sum(offset, length));
		}
	}
}
