package org.tadam.fosr.json;

/** How an edge's values are distributed, in the units of the file's generation. */
public sealed interface FosrLaw {

	/**
	 * Generations 1–2: bivariate normal over linear [IAT, payload size]; IAT in ms for TCP, µs for UDP (as
	 * learned), size in bytes.
	 *
	 * @param cov the full symmetric 2×2 matrix, {@code [[var_iat, cov], [cov, var_size]]}
	 */
	record Gaussian(double[] mu, double[][] cov) implements FosrLaw {
	}

	/** Generation 3: the IAT is always {@code value} µs. */
	record Constant(double value) implements FosrLaw {
	}

	/** Generation 3: IAT = {@code loc + Gamma(shape, scale)} µs (scipy's parametrisation). */
	record Gamma(double shape, double loc, double scale) implements FosrLaw {
		public double mean() {
			return loc + shape * scale;
		}

		public double variance() {
			return shape * scale * scale;
		}
	}
}
