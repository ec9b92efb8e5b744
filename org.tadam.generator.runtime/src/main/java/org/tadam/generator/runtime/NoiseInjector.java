package org.tadam.generator.runtime;

/**
 * Replays a model's learned noise (the rates TADAM's alignment estimated per letter) on the packets of a
 * connection, as a capture would show them: a missing packet was sent (its SEQ space counts) but not recorded, a
 * spurious one is an extra pure ACK of the receiver (a copy of the datagram over UDP), a duplicated one is the
 * same record seen twice, and a swapped pair is recorded in the wrong order with the timestamps kept in order.
 * It draws from its own stream per connection, so a walk is the same with and without noise.
 */
final class NoiseInjector {

	static final int MISSING = 0;
	static final int SPURIOUS = 1;
	static final int DUPLICATED = 2;
	static final int SWAPPED = 3;
	static final int KINDS = 4;
	static final String[] NAMES = { "missing", "spurious", "duplicated", "swapped" };

	/** Seed salt of the noise stream, apart from the walk's stream of the same connection. */
	private static final long SALT = 0x6E6F697365L;
	/** An inserted record follows its original by half the gap before it, at most this (ns). */
	private static final long MAX_DELAY = 500_000;

	private final double[] cumulative = new double[KINDS];
	private Rng rng;
	private boolean swapPending;

	/** Starts the noise of connection {@code index}; false when the rates add up to nothing. */
	boolean start(long seed, long index, double[] rates) {
		double sum = 0;
		for (int k = 0; k < KINDS; k++) {
			sum += Math.max(0, rates[k]);
			cumulative[k] = sum;
		}
		swapPending = false;
		if (sum <= 0) {
			return false;
		}
		rng = new Rng(Rng.mix(seed ^ SALT, index));
		return true;
	}

	/** The operation on the next letter, or -1 for none. */
	int draw() {
		double u = rng.nextDouble();
		for (int k = 0; k < KINDS; k++) {
			if (u < cumulative[k]) {
				return k;
			}
		}
		return -1;
	}

	/**
	 * Applies an operation to the records of the letter just written (the last record of {@code out}), after
	 * finishing a swap begun by the letter before. Spurious ACKs come from {@code writer}; {@code iat} is the gap
	 * that preceded the letter.
	 *
	 * @return the time of the last record now
	 */
	long apply(int op, ConnectionPackets out, CaptureFormat format, PacketWriter writer, boolean tcp, int side,
			long time, long start, long iat) {
		if (op == MISSING) {
			out.dropLast();
			return time;
		}
		if (swapPending && out.count >= 2) {
			out.swapLastTwo(format);
			swapPending = false;
		}
		long later = time + Math.min(iat, 2 * MAX_DELAY) / 2;
		switch (op) {
			case SPURIOUS -> {
				if (tcp) {
					writer.tcp(out, later, start, 1 - side, TcpConversation.ACK, null, 0, 0, 0);
				} else {
					out.copyLast(format, later);
				}
				return later;
			}
			case DUPLICATED -> {
				out.copyLast(format, later);
				return later;
			}
			case SWAPPED -> swapPending = true;
			default -> {
			}
		}
		return time;
	}

	boolean swapPending() {
		return swapPending;
	}
}
