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

	private VariantPins(AliasTable choice, int variants, long[][] edgeVariants) {
		this.choice = choice;
		this.variants = variants;
		this.edgeVariants = edgeVariants;
	}

	/** The pins of {@code weights} and the {@code unpinned} weight; null when they weigh nothing at all. */
	static VariantPins of(int[] weights, int unpinned, long[][] edgeVariants) {
		int[] columns = Arrays.copyOf(weights, weights.length + 1);
		columns[weights.length] = unpinned;
		long total = 0;
		for (int w : columns) {
			total += Math.max(0, w);
		}
		// weights of nothing (a model the validator would refuse) leave every connection unpinned
		return total > 0 ? new VariantPins(new AliasTable(columns), weights.length, edgeVariants) : null;
	}

	/** Whether the training connections of {@code variant} took edge {@code e} (an edge that names none: all did). */
	boolean takes(int e, int variant) {
		long[] taken = edgeVariants[e];
		return taken.length == 0 || variant >>> 6 < taken.length && (taken[variant >>> 6] >>> variant & 1) != 0;
	}
}
