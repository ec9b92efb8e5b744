package org.tadam.fosr.convert;

/**
 * Moment matching between the value laws of the two worlds. TADAM's {@code decilog} units are
 * {@code D = 10·log10(x)}, so a Gaussian N(m, v) on D is a log-normal on x: with {@code a = ln(10)/10},
 * {@code ln x = a·D ~ N(a·m, a²·v)}. Fos-R uses Gaussians on linear values (generations 1–2) and gamma laws on
 * the IAT in µs (generation 3). Every conversion here keeps the first two moments (mean and variance) of the
 * linear value, which is what a generator's timing and volume statistics depend on first; the shape beyond
 * them (skewness, the gamma's location) is what the conversion report says is lost.
 *
 * <pre>
 * log-normal → linear:  M = exp(a·m + a²·v/2),  V = (exp(a²·v) − 1)·M²
 * linear → log-normal:  v = ln(1 + V/M²)/a²,    m = (ln M − a²·v/2)/a        (needs M &gt; 0)
 * covariance (Stein's lemma, D and S jointly Gaussian):
 *   Cov(x, S)      = a·M·Cov(D, S)               (iat decilog, size linear)
 *   Cov(x, y)      = M_x·M_y·(exp(a²·Cov(D, B)) − 1)   (both decilog)
 * gamma(k, θ, loc): mean = loc + k·θ, variance = k·θ²;  from moments: k = M²/V, θ = V/M, loc = 0
 * </pre>
 */
public final class ValueLaws {

	/** Natural-log factor of one decilog step: {@code ln(10)/10}. */
	public static final double A = Math.log(10) / 10;

	/**
	 * The variance both TADAM's learner and Fos-R write for a value that never varies; a law at or below it is
	 * a constant.
	 */
	public static final double VARIANCE_FLOOR = 1e-6;

	private ValueLaws() {
	}

	/** Mean and variance of a value: the unit of every conversion below. */
	public record Moments(double mean, double variance) {
	}

	/** True when a variance is the floor (up to rounding): the value is a constant. */
	public static boolean isConstant(double variance) {
		return variance <= VARIANCE_FLOOR * (1 + 1e-9);
	}

	/** Linear moments of {@code x = 10^(D/10)} for {@code D ~ N(m, v)}. */
	public static Moments linearFromDecilog(double m, double v) {
		double mean = Math.exp(A * m + A * A * v / 2);
		return new Moments(mean, Math.expm1(A * A * v) * mean * mean);
	}

	/**
	 * Decilog mean and variance of the log-normal with linear mean {@code mean > 0} and variance {@code variance};
	 * the variance is at least the floor so that the result stays a valid TADAM law.
	 */
	public static Moments decilogFromLinear(double mean, double variance) {
		if (!(mean > 0)) {
			throw new IllegalArgumentException("a log-normal needs a positive mean, found " + mean);
		}
		double s2 = Math.log1p(variance / (mean * mean));
		double m = (Math.log(mean) - s2 / 2) / A;
		return new Moments(m, Math.max(VARIANCE_FLOOR, s2 / (A * A)));
	}

	/** {@code Cov(10^(D/10), S)} from {@code Cov(D, S)} and the linear mean of the first: {@code a·M·Cov(D, S)}. */
	public static double covarianceLogLinear(double linearMean, double decilogCovariance) {
		return A * linearMean * decilogCovariance;
	}

	/** Inverse of {@link #covarianceLogLinear}. */
	public static double covarianceLinearLog(double linearMean, double linearCovariance) {
		return linearCovariance / (A * linearMean);
	}

	/** {@code Cov(10^(D/10), 10^(B/10))} from {@code Cov(D, B)} and the two linear means. */
	public static double covarianceLogLog(double meanX, double meanY, double decilogCovariance) {
		return meanX * meanY * Math.expm1(A * A * decilogCovariance);
	}

	/** Inverse of {@link #covarianceLogLog}. */
	public static double covarianceLinearLinearToLog(double meanX, double meanY, double linearCovariance) {
		return Math.log1p(linearCovariance / (meanX * meanY)) / (A * A);
	}

	/** Mean and variance of {@code loc + Gamma(shape, scale)}. */
	public static Moments gamma(double shape, double loc, double scale) {
		return new Moments(loc + shape * scale, shape * scale * scale);
	}

	/** Shape and scale (loc 0) of the gamma law with these moments: {@code k = M²/V, θ = V/M}. */
	public static double[] gammaShapeScale(Moments m) {
		return new double[] { m.mean() * m.mean() / m.variance(), m.variance() / m.mean() };
	}
}
