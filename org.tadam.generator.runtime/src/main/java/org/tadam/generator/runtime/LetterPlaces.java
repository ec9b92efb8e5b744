package org.tadam.generator.runtime;

/**
 * Where in a connection each edge of a model may be taken: the letters (0: a connection's first packet) at which
 * training connections took it, and, for a walk pinned to a payload variant, those at which that variant's
 * connections did. Merged states let a walk take an edge where no connection did, or its variant's letters in any
 * order (AutomatonModel.letterPositions and variantPlaces say why).
 */
final class LetterPlaces {
	/** Per edge the earliest and latest letters training connections took it at (-1: no bound); null: no bounds. */
	final int[] first;
	final int[] last;
	/**
	 * Per edge, runs of four: first variant, last variant, first letter, last letter (a variant may have several);
	 * null: no edge has any.
	 */
	final int[][] variantPlaces;

	LetterPlaces(int[] first, int[] last, int[][] variantPlaces) {
		this.first = first;
		this.last = last;
		this.variantPlaces = variantPlaces;
	}

	/** Whether edge {@code e} may be letter {@code k} of any walk. */
	boolean inPlace(int e, int k) {
		return first == null || (first[e] < 0 || k >= first[e]) && (last[e] < 0 || k <= last[e]);
	}

	/** How many letters {@code k} lies before or after the letters at which edge {@code e} was taken; 0: in place. */
	int distance(int e, int k) {
		if (first == null) {
			return 0;
		}
		return first[e] >= 0 && k < first[e] ? first[e] - k : last[e] >= 0 && k > last[e] ? k - last[e] : 0;
	}

	/**
	 * Whether edge {@code e} may be letter {@code k} of a walk pinned to {@code variant} (-1: none): within one of the
	 * runs of letters the edge names for the variant, else, when it names none, within the edge's own.
	 */
	boolean inPlace(int e, int variant, int k) {
		if (variant >= 0 && variantPlaces != null) {
			int[] places = variantPlaces[e];
			boolean named = false;
			for (int i = 0; i < places.length; i += 4) {
				if (variant >= places[i] && variant <= places[i + 1]) {
					if (k >= places[i + 2] && k <= places[i + 3]) {
						return true;
					}
					named = true;
				}
			}
			if (named) {
				return false;
			}
		}
		return inPlace(e, k);
	}
}
