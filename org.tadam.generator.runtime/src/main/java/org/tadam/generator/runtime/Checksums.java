package org.tadam.generator.runtime;

import org.tadam.pcap.Bytes;

/** The Internet checksum (RFC 1071) as partial sums that can be added up piecewise and folded at the end. */
public final class Checksums {

	private Checksums() {
	}

	/**
	 * Sum of the big-endian 16-bit words of {@code b[from, from+length)}; an odd last byte is padded with zero.
	 * Adds 32-bit words into a 64-bit accumulator: 2^16 = 1 modulo 0xFFFF, so folding gives the same checksum
	 * with half the additions.
	 */
	public static long sum(byte[] b, int from, int length) {
		long sum = 0;
		int i = from;
		int end = from + length;
		for (; i + 4 <= end; i += 4) {
			sum += Bytes.i32be(b, i) & 0xFFFFFFFFL;
		}
		if (i + 2 <= end) {
			sum += Bytes.u16be(b, i);
			i += 2;
		}
		if (i < end) {
			sum += (b[i] & 0xFF) << 8;
		}
		return sum;
	}

	/** Folds a partial sum to 16 bits and complements it: the value stored in a header. */
	public static int finish(long sum) {
		// partial sums stay far below 2^48: four folds always bring them to 16 bits, without a data-dependent loop
		sum = (sum & 0xFFFFFFFFL) + (sum >>> 32);
		sum = (sum & 0xFFFF) + (sum >>> 16);
		sum = (sum & 0xFFFF) + (sum >>> 16);
		sum = (sum & 0xFFFF) + (sum >>> 16);
		return (int) (~sum & 0xFFFF);
	}
}
