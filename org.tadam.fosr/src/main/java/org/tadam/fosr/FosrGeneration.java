package org.tadam.fosr;

/**
 * The three generations of Fos-R's automaton JSON (fosr-reference §2.7). They differ in how an edge's values
 * are described (a 2-D Gaussian over linear [IAT, size] in 1 and 2, a gamma or constant IAT law in µs in 3),
 * in how payload pools are typed, and in their metadata.
 */
public enum FosrGeneration {
	/** Fos-R main branch ("legacy"): {@code mu}/{@code cov}, typed pools without weights, {@code noise}, {@code l7protocol}. */
	GEN1(1),
	/** Fos-R next branch (cicids17, cupid): same edges, weighted pools incl. Base64, {@code metadata{service, conn_state}}. */
	GEN2(2),
	/** Latest Fos-R (dedale): {@code iat_distr} constant/gamma in µs, untyped base64 pools, {@code statistics}. */
	GEN3(3);

	/**
	 * What {@code tadam convert} writes unless told otherwise: generation 2 is what the released Fos-R models
	 * use, and it keeps the most of a TADAM model (both value dimensions, their correlation, weighted pools).
	 */
	public static final FosrGeneration DEFAULT = GEN2;

	private final int number;

	FosrGeneration(int number) {
		this.number = number;
	}

	public int number() {
		return number;
	}

	/** The generation with this number; throws {@link IllegalArgumentException} naming the valid ones. */
	public static FosrGeneration of(int number) {
		for (FosrGeneration g : values()) {
			if (g.number == number) {
				return g;
			}
		}
		throw new IllegalArgumentException("unknown Fos-R model generation " + number + " (expected 1, 2 or 3)");
	}

	@Override
	public String toString() {
		return "gen " + number;
	}
}
