package org.tadam.generator.runtime;

/**
 * The bytes of "random" (encrypted-looking) payloads, or of printable filler: slices of one block of bytes drawn
 * from the run's seed, with prefix sums of its 16-bit words so that a slice's checksum costs O(1) instead of a pass
 * over it, and prefix counts of its 2-bit values so that a slice's randomness test costs O(1) too.
 * Slices start at even offsets, so their words line up with the TCP/UDP checksum's words.
 */
public final class RandomBytes {

	static final int BLOCK = 1 << 20;
	/** Longest slice; the block is this much longer than the range of start offsets. */
	static final int MAX_SLICE = 65536;
	/**
	 * The payload classifier's randomness test (capture's PayloadClassifier): the χ² statistic of a payload's 2-bit
	 * values against uniform, with 3 degrees of freedom, at most this, its 95 % quantile, on payloads of 5 bytes or
	 * more. A model learned at another level says so (AutomatonModel.randomness).
	 */
	static final double CRITICAL_VALUE = 7.814727903251178;
	static final int MIN_TESTED = 5;
	/**
	 * Slices drawn at most for one payload of a class: 5 % of slices fail the test, so a replay letter's slice takes
	 * 20 draws on average, and 256 run out once in half a million.
	 */
	static final int MAX_DRAWS = 256;
	/** Bits per packed count: a slice has at most 4 * MAX_SLICE 2-bit values of one kind, under 2^21. */
	private static final int COUNT_BITS = 21;
	private static final long COUNT_MASK = (1L << COUNT_BITS) - 1;

	private final byte[] block = new byte[BLOCK + MAX_SLICE];
	/**
	 * Per word boundary w, side by side so that a slice reads one cache line at each end: at 2w the sum of the 16-bit
	 * words before it; at 2w + 1 the counts of the 2-bit values 0, 1 and 2 in the bytes before it, 21 bits each and
	 * modulo 2^21 (a slice's own counts are below that, so the difference of its ends gives them exactly).
	 */
	private final long[] prefix = new long[2 * (block.length / 2 + 1)];

	/** The 64 printable characters of text filler: letters, digits, space and line feed. */
	private static final byte[] TEXT = "etaoinshrdlucmfwypvbgkqjxzETAOINSHRDLUCMFWYPVBGKQJXZ0123456789 \n"
			.getBytes(java.nio.charset.StandardCharsets.US_ASCII);

	public RandomBytes(long seed) {
		this(seed, false);
	}

	/**
	 * @param text printable filler instead of uniform bytes: for text letters whose model kept no payload (the
	 *        capture keeps the bytes of the first packets of a connection only)
	 */
	public RandomBytes(long seed, boolean text) {
		Rng rng = new Rng(seed);
		for (int i = 0; i < block.length; i += 8) {
			long bits = rng.nextLong();
			for (int j = 0; j < 8; j++) {
				block[i + j] = text ? TEXT[(int) (bits >>> (8 * j)) & 63] : (byte) (bits >>> (8 * j));
			}
		}
		for (int w = 0; w < prefix.length / 2 - 1; w++) {
			prefix[2 * w + 2] = prefix[2 * w] + (((block[2 * w] & 0xFF) << 8) | (block[2 * w + 1] & 0xFF));
			prefix[2 * w + 3] = prefix[2 * w + 1] + counts(block[2 * w]) + counts(block[2 * w + 1]);
		}
	}

	/** The counts of the 2-bit values 0, 1 and 2 of one byte, packed as the prefix counts are. */
	private static long counts(byte b) {
		long packed = 0;
		for (int shift = 0; shift < 8; shift += 2) {
			int value = (b >> shift) & 3;
			if (value < 3) {
				packed += 1L << (COUNT_BITS * value);
			}
		}
		return packed;
	}

	/** An even start offset for a slice. */
	int offset(Rng rng) {
		return 2 * rng.nextInt(BLOCK / 2);
	}

	/**
	 * An even start offset for a slice of {@code length} bytes that the payload classifier reads as random when
	 * {@code random}, as not random (replay) otherwise, as far as {@link #MAX_DRAWS} draws find one. The learner
	 * classes each packet by this test, so a letter's class says how its bytes tested: 5 % of encrypted SSH packets
	 * fail it and make replay letters, whose kept bytes the generator replays; slices drawn at random for the random
	 * letters failed it 5 % more (153 replay-class packets of 1659 where the capture had 78 of 1722).
	 */
	int offset(Rng rng, int length, boolean random) {
		return offset(rng, length, random, CRITICAL_VALUE, null, null);
	}

	/**
	 * {@link #offset(Rng, int, boolean)} for the test's largest random statistic {@code critical}, and for a payload
	 * that {@code framing} frames (null: none), tested as framed: a TLS record's 5-byte header made 26 of 150
	 * generated client alerts fail the test where 13 of 100 did in the capture. {@code scratch}: at least
	 * {@code framing.frameLength()} bytes, the caller's own (threads share the block).
	 */
	int offset(Rng rng, int length, boolean random, double critical, PayloadPool framing, byte[] scratch) {
		int offset = offset(rng);
		if (length < MIN_TESTED) {
			return offset;
		}
		int framed = framing == null ? 0 : Math.min(length, framing.frameLength());
		for (int draw = 1; draw < MAX_DRAWS && looksFramed(offset, length, critical, framing, scratch, framed) != random;
				draw++) {
			offset = offset(rng);
		}
		return offset;
	}

	private boolean looksFramed(int offset, int length, double critical, PayloadPool framing, byte[] scratch, int framed) {
		if (framed > 0) {
			System.arraycopy(block, offset, scratch, 0, framed);
			framing.frame(scratch, length);
		}
		return statistic(offset, length, scratch, framed) <= critical;
	}

	/** Whether the payload classifier's randomness test, at its default level, passes {@code block[offset, offset+length)}. */
	public boolean looksRandom(int offset, int length) {
		return looksRandom(offset, length, CRITICAL_VALUE);
	}

	/** {@link #looksRandom(int, int)} with the test's largest random statistic {@code critical}. */
	public boolean looksRandom(int offset, int length, double critical) {
		return statistic(offset, length, null, 0) <= critical;
	}

	/** {@link #looksRandom(int, int)} of the slice with its first {@code startLength} bytes replaced by {@code start}'s. */
	boolean looksRandom(int offset, int length, byte[] start, int startLength) {
		return statistic(offset, length, start, startLength) <= CRITICAL_VALUE;
	}

	/**
	 * The test's χ² statistic of the slice {@code block[offset, offset+length)} with its first {@code startLength} bytes
	 * replaced by {@code start}'s (a header framed over it, PayloadPool.frame).
	 */
	private double statistic(int offset, int length, byte[] start, int startLength) {
		int from = offset >>> 1;
		int to = from + (length >>> 1);
		long later = prefix[2 * to + 1];
		long earlier = prefix[2 * from + 1];
		long c0 = (later - earlier) & COUNT_MASK;
		long c1 = ((later >>> COUNT_BITS) - (earlier >>> COUNT_BITS)) & COUNT_MASK;
		long c2 = ((later >>> (2 * COUNT_BITS)) - (earlier >>> (2 * COUNT_BITS))) & COUNT_MASK;
		if ((length & 1) != 0) {
			long last = counts(block[offset + length - 1]);
			c0 += last & COUNT_MASK;
			c1 += (last >>> COUNT_BITS) & COUNT_MASK;
			c2 += (last >>> (2 * COUNT_BITS)) & COUNT_MASK;
		}
		for (int i = 0; i < startLength; i++) {
			long replaced = counts(block[offset + i]);
			long written = counts(start[i]);
			c0 += (written & COUNT_MASK) - (replaced & COUNT_MASK);
			c1 += ((written >>> COUNT_BITS) & COUNT_MASK) - ((replaced >>> COUNT_BITS) & COUNT_MASK);
			c2 += ((written >>> (2 * COUNT_BITS)) & COUNT_MASK) - ((replaced >>> (2 * COUNT_BITS)) & COUNT_MASK);
		}
		long c3 = 4L * length - c0 - c1 - c2;
		double expected = length;
		return ((c0 - expected) * (c0 - expected) + (c1 - expected) * (c1 - expected)
				+ (c2 - expected) * (c2 - expected) + (c3 - expected) * (c3 - expected)) / expected;
	}

	public byte[] block() {
		return block;
	}

	/** Partial checksum of {@code block[offset, offset+length)} (offset even, length at most MAX_SLICE). */
	long sum(int offset, int length) {
		int words = length >>> 1;
		long sum = prefix[2 * ((offset >>> 1) + words)] - prefix[2 * (offset >>> 1)];
		if ((length & 1) != 0) {
			sum += (block[offset + length - 1] & 0xFF) << 8;
		}
		return sum;
	}
}
