package org.tadam.generator.runtime;

import java.util.function.IntPredicate;

/**
 * The payload variants a connection can still be in, as a chain of nested sets: level 0 is every variant, and
 * each pool entry drawn adds a level, the level it was drawn at narrowed to the entry's variants (an entry belongs
 * to the variants whose training connections sent it). A draw tries the innermost level first and backs off
 * outward: an entry unique to one training connection (a client id) pins the innermost level to that connection,
 * whose later payloads the pools may not hold, while the outer levels still say "an MQTT v5 client". Variants are
 * bit sets as {@code BitSet.toLongArray} writes them; an entry with no variant listed narrows nothing. Reused from
 * connection to connection: no garbage.
 */
final class PayloadVariantSet {
	/** Words of the largest set the model validator allows (variant numbers up to 4095). */
	private static final int WORDS = 64;
	/** Variant numbers a set can hold. */
	static final int MAX_VARIANTS = 64 * WORDS;
	/** Levels kept; deeper narrowing replaces the innermost level. */
	private static final int DEPTH = 8;

	private final long[][] levels = new long[DEPTH + 1][WORDS];
	private int depth;

	/** Every variant: the state at a connection's start. */
	void reset() {
		depth = 0;
	}

	/** Narrows every variant to {@code variant} alone: a connection pinned to one training combination. */
	void pin(int variant) {
		long[] to = levels[1];
		java.util.Arrays.fill(to, 0);
		to[variant >>> 6] = 1L << variant;
		depth = 1;
	}

	/** Whether the set of {@code level} holds {@code variant}; level 0 (every variant) and unnarrowed levels do. */
	boolean contains(int variant, int level) {
		return level == 0 || level > depth || (levels[level][variant >>> 6] >>> variant & 1) != 0;
	}

	/** The innermost level; 0 when nothing narrowed the set yet. */
	int depth() {
		return depth;
	}

	/** One variant below {@code limit} of the innermost level, each alike; -1 when it has none or nothing narrowed. */
	int draw(Rng rng, int limit) {
		return depth == 0 ? -1 : drawAmong(rng, limit, null, null);
	}

	/**
	 * {@link #draw(Rng, int)} among the variants {@code within} also holds and {@code suits} accepts, when the
	 * innermost level has some; else among those {@code within} holds; else as {@link #draw(Rng, int)}.
	 */
	int draw(Rng rng, int limit, WalkedVariants within, IntPredicate suits) {
		if (depth == 0) {
			return -1;
		}
		int drawn = drawAmong(rng, limit, within, suits);
		drawn = drawn >= 0 ? drawn : drawAmong(rng, limit, within, null);
		return drawn >= 0 ? drawn : drawAmong(rng, limit, null, null);
	}

	/**
	 * One variant below {@code limit} of the innermost level that {@code within} also holds (null: every one) and
	 * {@code suits} accepts (null: every one), each alike; -1 when there is none.
	 */
	private int drawAmong(Rng rng, int limit, WalkedVariants within, IntPredicate suits) {
		int words = Math.min(WORDS, (limit + 63) >>> 6);
		int count = 0;
		for (int i = 0; i < words; i++) {
			long word = candidates(i, limit, within);
			if (suits == null) {
				count += Long.bitCount(word);
				continue;
			}
			for (; word != 0; word &= word - 1) {
				count += suits.test(64 * i + Long.numberOfTrailingZeros(word)) ? 1 : 0;
			}
		}
		if (count == 0) {
			return -1;
		}
		int k = rng.nextInt(count);
		for (int i = 0;; i++) {
			for (long word = candidates(i, limit, within); word != 0; word &= word - 1) {
				int v = 64 * i + Long.numberOfTrailingZeros(word);
				if ((suits == null || suits.test(v)) && k-- == 0) {
					return v;
				}
			}
		}
	}

	/** Word {@code i} of the innermost level and of {@code within} (null: every variant), below {@code limit}. */
	private long candidates(int i, int limit, WalkedVariants within) {
		return below(levels[depth][i] & (within == null ? -1L : within.word(i)), i, limit);
	}

	/** Word {@code i} of a set, without the variants from {@code limit} on. */
	private static long below(long word, int i, int limit) {
		int room = limit - 64 * i;
		return room >= 64 ? word : room <= 0 ? 0 : word & (1L << room) - 1;
	}

	/**
	 * Whether an entry with {@code variants} belongs to the set of {@code level}; level 0 and levels past the innermost
	 * (nothing narrowed them) hold every variant. A level past the innermost is still the array of an earlier
	 * connection: read as narrowed, it made a TLS walk's letter depend on the connection the same thread generated
	 * before, and so the bytes on the thread count (a pool of lengths narrowed to 8 levels, asked of the 3 of the
	 * messages' set, PayloadChoice.keeps).
	 */
	boolean meets(long[] variants, int level) {
		if (level == 0 || level > depth || variants.length == 0) {
			return true;
		}
		long[] bits = levels[level];
		for (int i = 0; i < variants.length && i < WORDS; i++) {
			if ((bits[i] & variants[i]) != 0) {
				return true;
			}
		}
		return false;
	}

	/** Adds the level of an entry drawn at {@code level}: that level's set narrowed to the entry's variants. */
	void narrow(long[] variants, int level) {
		if (variants.length == 0) {
			return;
		}
		int next = Math.min(level + 1, DEPTH);
		long[] from = levels[level];
		long[] to = levels[next];
		for (int i = 0; i < WORDS; i++) {
			long v = i < variants.length ? variants[i] : 0;
			to[i] = level == 0 ? v : from[i] & v;
		}
		depth = next;
	}
}
