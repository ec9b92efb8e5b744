package org.tadam.generator.runtime;

/**
 * The variants whose training connections took every letter a connection's walk has taken so far, as the edges' own
 * lists say (VariantPins.edgeVariants). A pool that has no entry of the connection's narrowed message sets draws
 * among these before the whole pool: the entries of most pools are one training connection's each (a TLS server's
 * hello), and the pools keep a few of them, so a connection often finds none of its own variant's. Drawn from the
 * whole pool, a loopback TLS 1.3 client whose hello asked for one page got the server hello, and then the response
 * length, of a client that asked for the other (issue 13: 70 of 150 generated connections paired a hello and a
 * response no training connection paired). Reused from connection to connection: no garbage.
 */
final class WalkedVariants {
	private long[] bits = new long[1];
	/** Words of {@link #bits} that may hold a variant; -1: every variant, no letter of the walk named any yet. */
	private int words = -1;

	/** A new walk: every variant. */
	void reset() {
		words = -1;
	}

	/** Whether a letter of the walk named its variants. */
	boolean narrowed() {
		return words >= 0;
	}

	/**
	 * The walk took a letter whose training connections were {@code variants} (as bit sets; empty: every variant):
	 * the set keeps those of them it holds. A letter none of them took (the automaton merged the states of two scripts)
	 * leaves the set as the earlier letters made it.
	 */
	void took(long[] variants) {
		if (variants.length == 0) {
			return;
		}
		if (words < 0) {
			if (bits.length < variants.length) {
				bits = new long[variants.length];
			}
			System.arraycopy(variants, 0, bits, 0, variants.length);
			words = variants.length;
			return;
		}
		int n = Math.min(words, variants.length);
		boolean shared = false;
		for (int i = 0; i < n && !shared; i++) {
			shared = (bits[i] & variants[i]) != 0;
		}
		if (!shared) {
			return;
		}
		for (int i = 0; i < n; i++) {
			bits[i] &= variants[i];
		}
		words = n;
	}

	/**
	 * Whether an entry of {@code variants} (empty: every variant) was sent by a variant of the set that {@code suits}
	 * accepts.
	 */
	boolean meets(long[] variants, java.util.function.IntPredicate suits) {
		if (variants.length == 0) {
			return true;
		}
		for (int i = 0; i < variants.length; i++) {
			for (long bits = variants[i] & word(i); bits != 0; bits &= bits - 1) {
				if (suits.test(64 * i + Long.numberOfTrailingZeros(bits))) {
					return true;
				}
			}
		}
		return false;
	}

	/** Word {@code i} of the set as a mask: every bit while nothing narrowed it. */
	long word(int i) {
		return words < 0 ? -1L : i < words ? bits[i] : 0;
	}
}
