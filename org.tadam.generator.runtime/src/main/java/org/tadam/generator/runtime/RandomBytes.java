package org.tadam.generator.runtime;

/**
 * The bytes of "random" (encrypted-looking) payloads, or of printable filler: slices of one block of bytes drawn
 * from the run's seed, with prefix sums of its 16-bit words so that a slice's checksum costs O(1) instead of a pass
 * over it.
 * Slices start at even offsets, so their words line up with the TCP/UDP checksum's words.
 */
public final class RandomBytes {

	static final int BLOCK = 1 << 20;
	/** Longest slice; the block is this much longer than the range of start offsets. */
	static final int MAX_SLICE = 65536;

	private final byte[] block = new byte[BLOCK + MAX_SLICE];
	private final long[] prefix = new long[block.length / 2 + 1];

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
		for (int w = 0; w < prefix.length - 1; w++) {
			prefix[w + 1] = prefix[w] + (((block[2 * w] & 0xFF) << 8) | (block[2 * w + 1] & 0xFF));
		}
	}

	/** An even start offset for a slice. */
	int offset(Rng rng) {
		return 2 * rng.nextInt(BLOCK / 2);
	}

	byte[] block() {
		return block;
	}

	/** Partial checksum of {@code block[offset, offset+length)} (offset even, length at most MAX_SLICE). */
	long sum(int offset, int length) {
		int words = length >>> 1;
		long sum = prefix[(offset >>> 1) + words] - prefix[offset >>> 1];
		if ((length & 1) != 0) {
			sum += (block[offset + length - 1] & 0xFF) << 8;
		}
		return sum;
	}
}
