package org.tadam.generator.runtime;

import java.util.Arrays;

/**
 * The payload variants of a model that connections start pinned to: one drawn per connection on the training
 * connections' weights, so that its payloads follow one training combination, a scripted client its script,
 * rather than a mix of the edges' marginal choices; and per edge the variants that took it, which the walk of a
 * pinned connection keeps to (PayloadChoice).
 */
final class VariantPins {
	/** Column v &lt; {@link #variants} pins a connection to variant v; column {@link #variants}: the unpinned ones. */
	final AliasTable choice;
	final int variants;
	/** Per edge the variants whose training connections took it (bit sets), empty: every variant; null: none named. */
	final long[][] edgeVariants;
	/**
	 * Per edge its weight in a pinned walk (null when no edge names variants): its probability over the training
	 * connections of the variants that took it. A variant's connections are assumed to take an edge at the rate of
	 * all the connections that took it, so that within a state an edge of a pinned variant is drawn in proportion to
	 * its count over those connections. An FTP client whose training connections made two transfers takes the loop
	 * back as often as it leaves; on the edge's probability alone, it left nine times in ten, as the clients that
	 * made one transfer did.
	 */
	final double[] pinnedWeight;

	/** Per column the sum of the weights of the columns up to it, over their total: the last one is 1. */
	private final double[] cumulative;

	private VariantPins(AliasTable choice, int[] columns, long[][] edgeVariants, double[] pinnedWeight) {
		this.choice = choice;
		int variants = columns.length - 1;
		cumulative = new double[columns.length];
		double total = 0;
		for (int c = 0; c < columns.length; c++) {
			total += Math.max(0, columns[c]);
			cumulative[c] = total;
		}
		for (int c = 0; c < columns.length; c++) {
			cumulative[c] /= total;
		}
		cumulative[columns.length - 1] = 1;
		this.variants = variants;
		this.edgeVariants = edgeVariants;
		this.pinnedWeight = pinnedWeight;
	}

	/** The pins of {@code weights} and the {@code unpinned} weight; null when they weigh nothing at all. */
	static VariantPins of(int[] weights, int unpinned, long[][] edgeVariants, double[] edgeProbability) {
		int[] columns = Arrays.copyOf(weights, weights.length + 1);
		columns[weights.length] = unpinned;
		long total = 0;
		for (int w : columns) {
			total += Math.max(0, w);
		}
		// weights of nothing (a model the validator would refuse) leave every connection unpinned
		if (total <= 0) {
			return null;
		}
		double[] pinnedWeight = null;
		if (edgeVariants != null) {
			pinnedWeight = new double[edgeVariants.length];
			for (int e = 0; e < edgeVariants.length; e++) {
				long connections = edgeVariants[e].length == 0 ? total : 0;
				for (int w = 0; w < edgeVariants[e].length; w++) {
					for (long bits = edgeVariants[e][w]; bits != 0; bits &= bits - 1) {
						int v = 64 * w + Long.numberOfTrailingZeros(bits);
						connections += v < columns.length ? Math.max(0, columns[v]) : 0;
					}
				}
				pinnedWeight[e] = connections > 0 ? Math.max(0, edgeProbability[e]) / connections : 0;
			}
		}
		return new VariantPins(new AliasTable(columns), columns, edgeVariants, pinnedWeight);
	}

	/**
	 * The column whose share of the weights holds {@code u} in [0, 1) (StratifiedDraw), as {@link #choice} would draw
	 * it.
	 */
	int column(double u) {
		int low = 0;
		int high = cumulative.length - 1;
		while (low < high) {
			int mid = (low + high) >>> 1;
			if (u < cumulative[mid]) {
				high = mid;
			} else {
				low = mid + 1;
			}
		}
		return low;
	}

	/** Per variant the letters of its shortest and longest training connection; null: no bounds. */
	private int[] shortest;
	private int[] longest;

	void lengths(int[] shortest, int[] longest) {
		this.shortest = shortest.clone();
		this.longest = longest.clone();
	}

	/** Whether the model gives {@code variant}'s lengths (the unpinned column has none). */
	boolean hasLengths(int variant) {
		return shortest != null && variant < shortest.length;
	}

	/** Letters of the variant's shortest training connection. */
	int shortest(int variant) {
		return shortest[variant];
	}

	/** Letters of the variant's longest training connection. */
	int longest(int variant) {
		return longest[variant];
	}

	/** Whether the training connections of {@code variant} took edge {@code e} (an edge that names none: all did). */
	boolean takes(int e, int variant) {
		long[] taken = edgeVariants[e];
		return taken.length == 0 || variant >>> 6 < taken.length && (taken[variant >>> 6] >>> variant & 1) != 0;
	}
}
