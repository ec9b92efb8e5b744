package org.tadam.model.derived;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.tadam.model.TadamFactory;
import org.tadam.model.VariantRange;

/**
 * Payload variants of pool entries. A variant is one combination of pool entries seen together in a training
 * connection (an MQTT v5 CONNECT with its v5 CONNACK, an SSH key exchange offer with its matching key share); an
 * entry lists the variants it belongs to as ranges. The generator draws each entry among those that share a
 * variant with the entries drawn before in the same connection, so one connection never mixes two variants.
 */
public final class PayloadVariants {
	/** Largest variant number: the generator keeps a bit set of this size per pool entry. */
	public static final int MAX = 4095;

	private PayloadVariants() {
	}

	/** The variants of a list of ranges; ranges outside [0, {@link #MAX}] are clipped (the validator reports them). */
	public static BitSet of(List<VariantRange> ranges) {
		BitSet set = new BitSet();
		for (VariantRange r : ranges) {
			int first = Math.max(0, r.getFirst());
			int last = Math.min(MAX, r.getLast() < 0 ? r.getFirst() : r.getLast());
			if (first <= last) {
				set.set(first, last + 1);
			}
		}
		return set;
	}

	/**
	 * The ranges of the variants that {@code places} names (per variant the first and last letter of each of its runs
	 * of letters, {@code {3, 3, 9, 17}}; null: not named), each run of consecutive variants with the same letters as
	 * one range {@code first to last at F to L} per run of letters.
	 */
	public static List<VariantRange> placedRanges(int[][] places) {
		List<VariantRange> out = new ArrayList<>();
		for (int v = 0; v < places.length; v++) {
			if (places[v] == null) {
				continue;
			}
			int end = v + 1;
			while (end < places.length && java.util.Arrays.equals(places[end], places[v])) {
				end++;
			}
			for (int run = 0; run + 1 < places[v].length; run += 2) {
				VariantRange r = TadamFactory.eINSTANCE.createVariantRange();
				r.setFirst(v);
				if (end - 1 > v) {
					r.setLast(end - 1);
				}
				r.setFirstLetter(places[v][run]);
				r.setLastLetter(places[v][run + 1]);
				out.add(r);
			}
			v = end - 1;
		}
		return out;
	}

	/** The shortest list of ranges of a set: runs of consecutive numbers become {@code first to last}. */
	public static List<VariantRange> ranges(BitSet set) {
		List<VariantRange> out = new ArrayList<>();
		for (int first = set.nextSetBit(0); first >= 0; first = set.nextSetBit(first)) {
			int end = set.nextClearBit(first);
			VariantRange r = TadamFactory.eINSTANCE.createVariantRange();
			r.setFirst(first);
			if (end - 1 > first) {
				r.setLast(end - 1);
			}
			out.add(r);
			first = end;
		}
		return out;
	}
}
