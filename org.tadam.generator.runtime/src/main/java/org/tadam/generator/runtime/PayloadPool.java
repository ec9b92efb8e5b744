package org.tadam.generator.runtime;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.IntPredicate;

/**
 * A weighted pool of one edge: either byte strings replayed verbatim (replay and text payloads), or lengths of
 * random payloads. Pools are stored as resources next to the generated classes, in the format of {@link #read}.
 */
public final class PayloadPool {

	static final int MAGIC = 0x5444504C; // "TDPL"
	static final byte LENGTHS = 1;
	static final byte STRINGS = 2;
	/** Byte strings with their payload variants (bit sets, see {@link PayloadVariantSet}). */
	static final byte STRINGS_WITH_VARIANTS = 3;
	/** Random lengths with a header and length field ({@link #frame}). */
	static final byte LENGTHS_WITH_FRAMING = 4;
	/** Random lengths with their payload variants, then without and with framing. */
	static final byte LENGTHS_WITH_VARIANTS = 5;
	static final byte LENGTHS_WITH_FRAMING_AND_VARIANTS = 6;
	/** Byte strings with their variants (possibly empty sets) and letter bounds ({@link #inPlace}). */
	static final byte STRINGS_WITH_PLACES = 7;
	/** As {@link #STRINGS_WITH_PLACES}, then per entry its first segment ({@link #segment}). */
	static final byte STRINGS_WITH_SEGMENTS = 8;

	private final AliasTable choice;
	private final byte[][] strings;
	private final long[] sums;
	/** Per string: what it says of an HTTP body ({@link HttpHead#parse}). */
	private final HttpHead[] httpHeads;
	private final int[] lengths;
	private final int[] weights;
	/** Per entry its variants; null when the pool has none. */
	private final long[][] variants;
	/**
	 * Per entry the earliest and latest letters at which training connections sent it (-1: no bound), first and last
	 * in turn; null when the pool has none.
	 */
	private int[] places;
	/** Per entry the first segment of bytes joined from several segments, 0: one segment; null when none is. */
	private int[] segments;
	/** Leading bytes of random payloads; null: none. */
	private byte[] header;
	private int lengthOffset = -1;
	private int lengthWidth;
	private int lengthPlus;

	private PayloadPool(int[] weights, byte[][] strings, int[] lengths, long[][] variants) {
		this.choice = new AliasTable(weights);
		this.weights = weights.clone();
		this.strings = strings;
		this.lengths = lengths;
		this.variants = variants;
		if (strings != null) {
			sums = new long[strings.length];
			httpHeads = new HttpHead[strings.length];
			for (int i = 0; i < strings.length; i++) {
				sums[i] = Checksums.sum(strings[i], 0, strings[i].length);
				httpHeads[i] = HttpHead.parse(strings[i]);
			}
		} else {
			sums = null;
			httpHeads = null;
		}
	}

	/** What entry {@code index} says of its HTTP body ({@link HttpHead#parse}). */
	HttpHead httpHead(int index) {
		return httpHeads == null ? HttpHead.NONE : httpHeads[index];
	}

	/** Some entry starts an HTTP/1.x message. */
	boolean hasHttpHeads() {
		for (int i = 0; httpHeads != null && i < httpHeads.length; i++) {
			if (httpHeads[i].owed() != HttpHead.NOT_HEAD) {
				return true;
			}
		}
		return false;
	}

	public static PayloadPool ofStrings(int[] weights, byte[][] strings) {
		return new PayloadPool(weights, strings, null, null);
	}

	/** @param variants per entry its variant bit set (bit v of word v / 64), as {@code BitSet.toLongArray} gives */
	public static PayloadPool ofStrings(int[] weights, byte[][] strings, long[][] variants) {
		return new PayloadPool(weights, strings, null, variants);
	}

	/**
	 * Byte strings with their variants (null: none) and letter bounds, first and last per entry in turn (-1: no
	 * bound): a connection draws an entry where training connections sent it while one of its variants is there.
	 */
	public static PayloadPool ofStrings(int[] weights, byte[][] strings, long[][] variants, int[] places) {
		if (places != null && places.length != 2 * strings.length) {
			throw new IllegalArgumentException("two letter bounds per entry");
		}
		PayloadPool pool = new PayloadPool(weights, strings, null, variants);
		pool.places = places == null ? null : places.clone();
		return pool;
	}

	/**
	 * {@link #ofStrings(int[], byte[][], long[][], int[])} whose entries may be messages joined from several segments:
	 * per entry the length of its first segment, 0 when one segment holds it (null: none is joined).
	 */
	public static PayloadPool ofStrings(int[] weights, byte[][] strings, long[][] variants, int[] places, int[] segments) {
		PayloadPool pool = ofStrings(weights, strings, variants, places);
		if (segments != null) {
			if (segments.length != strings.length) {
				throw new IllegalArgumentException("one first segment per entry");
			}
			for (int i = 0; i < segments.length; i++) {
				if (segments[i] < 0 || segments[i] > 0 && segments[i] >= strings[i].length) {
					throw new IllegalArgumentException("entry " + i + ": first segment " + segments[i] + " of "
							+ strings[i].length + " bytes");
				}
			}
			pool.segments = segments.clone();
		}
		return pool;
	}

	/**
	 * The first segment of entry {@code index} when its bytes were joined from several segments (MessageCarry), else
	 * 0.
	 */
	int segment(int index) {
		return segments == null ? 0 : segments[index];
	}

	public static PayloadPool ofLengths(int[] weights, int[] lengths) {
		return new PayloadPool(weights, null, lengths, null);
	}

	/**
	 * Random lengths with their variants (null: none; see {@link #ofStrings(int[], byte[][], long[][])}), whose
	 * payloads start with {@code header} (null: not framed), then a big-endian length field (offset -1: none).
	 */
	public static PayloadPool ofLengths(int[] weights, int[] lengths, long[][] variants, byte[] header, int lengthOffset,
			int lengthWidth, int lengthPlus) {
		PayloadPool pool = new PayloadPool(weights, null, lengths, variants);
		if (header == null) {
			return pool;
		}
		pool.header = header.clone();
		pool.lengthOffset = lengthOffset;
		pool.lengthWidth = lengthWidth;
		pool.lengthPlus = lengthPlus;
		return pool;
	}

	/** Whether random payloads of this pool carry a header ({@link #frame}). */
	boolean framed() {
		return header != null;
	}

	/** The bytes at the start of a payload that {@link #frame} may write. */
	int frameLength() {
		return Math.max(header.length, lengthOffset >= 0 ? lengthOffset + lengthWidth : 0);
	}

	/**
	 * Writes the header and the length field over the first bytes of a random payload of {@code length} bytes; a
	 * payload too short for them keeps what fits of the header only.
	 */
	void frame(byte[] payload, int length) {
		System.arraycopy(header, 0, payload, 0, Math.min(header.length, length));
		if (lengthOffset >= 0 && lengthOffset + lengthWidth <= length) {
			long value = Math.max(0, length - (long) lengthPlus);
			for (int i = lengthWidth - 1; i >= 0; i--) {
				payload[lengthOffset + i] = (byte) value;
				value >>>= 8;
			}
		}
	}

	boolean hasVariants() {
		return variants != null;
	}

	long[] variants(int index) {
		return variants[index];
	}

	/**
	 * An entry in the set of {@code level} (entries without variants are in every set), drawn with the entries'
	 * weights renormalised over those; among them, those in place at {@code letter} when some is ({@link #inPlace});
	 * -1 when there is none. Draws nothing from {@code rng} then.
	 */
	int drawCompatible(Rng rng, PayloadVariantSet current, int level, int letter) {
		return drawCompatible(rng, current, level, letter, -1);
	}

	/**
	 * {@link #drawCompatible(Rng, PayloadVariantSet, int, int)} among the entries that answered token {@code answer}
	 * ({@link #answers}); -1: any entry.
	 */
	int drawCompatible(Rng rng, PayloadVariantSet current, int level, int letter, int answer) {
		return drawPlaced(rng, letter, i -> current.meets(variants[i], level) && answers(i, answer));
	}

	/**
	 * {@link #drawCompatible(Rng, PayloadVariantSet, int, int, int)} among the entries of the variants whose training
	 * connections took every letter of the walk so far and that {@code suits} accepts.
	 */
	int drawWalked(Rng rng, WalkedVariants walked, int letter, int answer, IntPredicate suits) {
		return drawPlaced(rng, letter, i -> walked.meets(variants[i], suits) && answers(i, answer));
	}

	/** {@link #drawCompatible(Rng, PayloadVariantSet, int, int)} at no particular letter. */
	int drawCompatible(Rng rng, PayloadVariantSet current, int level) {
		return drawCompatible(rng, current, level, -1);
	}

	/** Per entry the token of the other side's message it answered in training, -1: none; null: none named. */
	private int[] answers;

	/** Sets the tokens the entries answered (see {@link #answers}); one per entry. */
	void answers(int[] answered) {
		if (answered.length != weights.length) {
			throw new IllegalArgumentException("one answered token per entry");
		}
		answers = answered;
	}

	/** Whether some entry of positive weight answered token {@code token} (-1: never). */
	boolean answering(int token) {
		if (answers == null || token < 0) {
			return false;
		}
		for (int i = 0; i < weights.length; i++) {
			if (weights[i] > 0 && answers[i] == token) {
				return true;
			}
		}
		return false;
	}

	/** Whether entry {@code i} answered token {@code answer}; every entry does for -1. */
	private boolean answers(int i, int answer) {
		return answer < 0 || answers[i] == answer;
	}

	/**
	 * An entry that {@code accepts} takes ({@link #drawWhere}), among those in place at {@code letter} when some is
	 * (-1: at any letter).
	 */
	private int drawPlaced(Rng rng, int letter, IntPredicate accepts) {
		int placed = places == null || letter < 0 ? -1 : drawWhere(rng, i -> inPlace(i, letter) && accepts.test(i));
		return placed >= 0 ? placed : drawWhere(rng, accepts);
	}

	/**
	 * An entry of positive weight that {@code accepts} takes, drawn with the weights renormalised over those; -1 when
	 * there is none, and then nothing is drawn from {@code rng}.
	 */
	private int drawWhere(Rng rng, IntPredicate accepts) {
		// the accepted entries are listed in one pass, not asked again while choosing: with pools of up to 256
		// short messages, the predicates (variant sets, places) took most of a learned NTP model's generation
		int[] accepted = ACCEPTED.get();
		if (accepted.length < weights.length) {
			accepted = new int[weights.length];
			ACCEPTED.set(accepted);
		}
		int n = 0;
		long total = 0;
		for (int i = 0; i < weights.length; i++) {
			if (weights[i] > 0 && accepts.test(i)) {
				accepted[n++] = i;
				total += weights[i];
			}
		}
		if (total == 0) {
			return -1;
		}
		double u = rng.nextDouble() * total;
		int chosen = -1;
		for (int k = 0; k < n; k++) {
			chosen = accepted[k];
			u -= weights[chosen];
			if (u < 0) {
				break;
			}
		}
		return chosen;
	}

	/** Per thread, the entries a draw accepts (pools are shared by the threads). */
	private static final ThreadLocal<int[]> ACCEPTED = ThreadLocal.withInitial(() -> new int[256]);

	/** Whether entry {@code i} was sent by training connections at letter {@code letter} (0: the first). */
	boolean inPlace(int i, int letter) {
		if (places == null) {
			return true;
		}
		int first = places[2 * i];
		int last = places[2 * i + 1];
		return (first < 0 || letter >= first) && (last < 0 || letter <= last);
	}

	/** Whether some entry of positive weight is in the set of {@code level}. */
	boolean meets(PayloadVariantSet current, int level) {
		for (int i = 0; i < weights.length; i++) {
			if (weights[i] > 0 && current.meets(variants[i], level)) {
				return true;
			}
		}
		return false;
	}

	boolean isStrings() {
		return strings != null;
	}

	int draw(Rng rng) {
		return choice.sample(rng);
	}

	/**
	 * An entry drawn with the weights, among those in place at {@code letter} when some is (an HTTP client's request
	 * for a redirect's target is sent after the redirect, never first).
	 */
	int draw(Rng rng, int letter) {
		int placed = places == null || letter < 0 ? -1 : drawWhere(rng, i -> inPlace(i, letter));
		return placed >= 0 ? placed : choice.sample(rng);
	}

	/** {@link #draw(Rng, int)} among the entries that answered token {@code answer} (-1: any entry). */
	int draw(Rng rng, int letter, int answer) {
		if (answer < 0) {
			return draw(rng, letter);
		}
		return drawPlaced(rng, letter, i -> answers[i] == answer);
	}

	byte[] string(int index) {
		return strings[index];
	}

	long sum(int index) {
		return sums[index];
	}

	int length(int index) {
		return lengths[index];
	}

	/** The longest segment an entry sends: a byte string (the first segment of joined ones) or a random length. */
	int longest() {
		int longest = 0;
		if (strings != null) {
			for (int i = 0; i < strings.length; i++) {
				longest = Math.max(longest, segment(i) > 0 ? segment(i) : strings[i].length);
			}
		} else {
			for (int l : lengths) {
				longest = Math.max(longest, l);
			}
		}
		return longest;
	}

	private static long[] readVariants(DataInputStream in) throws IOException {
		long[] words = new long[in.readInt()];
		for (int k = 0; k < words.length; k++) {
			words[k] = in.readLong();
		}
		return words;
	}

	/** Reads the pools of one automaton: magic, count, then per pool its kind, size and weighted entries. */
	public static PayloadPool[] read(InputStream stream) throws IOException {
		DataInputStream in = new DataInputStream(stream);
		if (in.readInt() != MAGIC) {
			throw new IOException("not a payload pool resource");
		}
		PayloadPool[] pools = new PayloadPool[in.readInt()];
		for (int p = 0; p < pools.length; p++) {
			byte kind = in.readByte();
			int n = in.readInt();
			int[] weights = new int[n];
			if (kind == LENGTHS || kind == LENGTHS_WITH_FRAMING || kind == LENGTHS_WITH_VARIANTS
					|| kind == LENGTHS_WITH_FRAMING_AND_VARIANTS) {
				int[] lengths = new int[n];
				long[][] variants = kind == LENGTHS || kind == LENGTHS_WITH_FRAMING ? null : new long[n][];
				for (int i = 0; i < n; i++) {
					weights[i] = in.readInt();
					lengths[i] = in.readInt();
					if (variants != null) {
						variants[i] = readVariants(in);
					}
				}
				if (kind == LENGTHS || kind == LENGTHS_WITH_VARIANTS) {
					pools[p] = ofLengths(weights, lengths, variants, null, -1, 0, 0);
				} else {
					byte[] header = new byte[in.readInt()];
					in.readFully(header);
					pools[p] = ofLengths(weights, lengths, variants, header, in.readInt(), in.readInt(), in.readInt());
				}
			} else if (kind == STRINGS || kind == STRINGS_WITH_VARIANTS || kind == STRINGS_WITH_PLACES
					|| kind == STRINGS_WITH_SEGMENTS) {
				byte[][] strings = new byte[n][];
				long[][] variants = kind == STRINGS ? null : new long[n][];
				int[] places = kind == STRINGS_WITH_PLACES || kind == STRINGS_WITH_SEGMENTS ? new int[2 * n] : null;
				int[] segments = kind == STRINGS_WITH_SEGMENTS ? new int[n] : null;
				boolean named = kind == STRINGS_WITH_VARIANTS;
				for (int i = 0; i < n; i++) {
					weights[i] = in.readInt();
					strings[i] = new byte[in.readInt()];
					in.readFully(strings[i]);
					if (variants != null) {
						variants[i] = readVariants(in);
						named |= variants[i].length > 0;
					}
					if (places != null) {
						places[2 * i] = in.readInt();
						places[2 * i + 1] = in.readInt();
					}
					if (segments != null) {
						segments[i] = in.readInt();
					}
				}
				// a pool with places names its variants as empty sets when it has none
				boolean bounded = places != null && java.util.Arrays.stream(places).anyMatch(b -> b >= 0);
				pools[p] = ofStrings(weights, strings, named ? variants : null, bounded ? places : null, segments);
			} else {
				throw new IOException("unknown pool kind " + kind);
			}
		}
		return pools;
	}

	/** Loads the pools stored as a resource of a generated class. */
	public static PayloadPool[] load(Class<?> owner, String resource) {
		try (InputStream in = owner.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("missing resource " + resource + " next to " + owner.getName());
			}
			return read(in);
		} catch (IOException e) {
			throw new IllegalStateException("cannot read " + resource + ": " + e.getMessage(), e);
		}
	}
}
