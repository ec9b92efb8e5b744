package org.tadam.generator.runtime;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A weighted pool of one edge: either byte strings replayed verbatim (replay and text payloads), or lengths of
 * random payloads. Pools are stored as resources next to the generated classes, in the format of {@link #read}.
 */
public final class PayloadPool {

	static final int MAGIC = 0x5444504C; // "TDPL"
	static final byte LENGTHS = 1;
	static final byte STRINGS = 2;

	private final AliasTable choice;
	private final byte[][] strings;
	private final long[] sums;
	private final int[] lengths;

	private PayloadPool(AliasTable choice, byte[][] strings, int[] lengths) {
		this.choice = choice;
		this.strings = strings;
		this.lengths = lengths;
		if (strings != null) {
			sums = new long[strings.length];
			for (int i = 0; i < strings.length; i++) {
				sums[i] = Checksums.sum(strings[i], 0, strings[i].length);
			}
		} else {
			sums = null;
		}
	}

	public static PayloadPool ofStrings(int[] weights, byte[][] strings) {
		return new PayloadPool(new AliasTable(weights), strings, null);
	}

	public static PayloadPool ofLengths(int[] weights, int[] lengths) {
		return new PayloadPool(new AliasTable(weights), null, lengths);
	}

	boolean isStrings() {
		return strings != null;
	}

	int draw(Rng rng) {
		return choice.sample(rng);
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

	/** The longest entry: byte string or random length. */
	int longest() {
		int longest = 0;
		if (strings != null) {
			for (byte[] s : strings) {
				longest = Math.max(longest, s.length);
			}
		} else {
			for (int l : lengths) {
				longest = Math.max(longest, l);
			}
		}
		return longest;
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
			if (kind == LENGTHS) {
				int[] lengths = new int[n];
				for (int i = 0; i < n; i++) {
					weights[i] = in.readInt();
					lengths[i] = in.readInt();
				}
				pools[p] = ofLengths(weights, lengths);
			} else if (kind == STRINGS) {
				byte[][] strings = new byte[n][];
				for (int i = 0; i < n; i++) {
					weights[i] = in.readInt();
					strings[i] = new byte[in.readInt()];
					in.readFully(strings[i]);
				}
				pools[p] = ofStrings(weights, strings);
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
