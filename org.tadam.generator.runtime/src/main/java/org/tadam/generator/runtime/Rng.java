package org.tadam.generator.runtime;

/**
 * xoshiro256** seeded through SplitMix64: small, fast and identical on every JVM, so that a seed names the same
 * bytes everywhere. Seeded once per connection, never shared between threads.
 */
public final class Rng {

	private long s0;
	private long s1;
	private long s2;
	private long s3;

	public Rng(long seed) {
		seed(seed);
	}

	/** Restarts the stream from {@code seed}, as a new instance would (one instance serves many connections). */
	public void seed(long seed) {
		long x = seed;
		s0 = splitMix(x += 0x9E3779B97F4A7C15L);
		s1 = splitMix(x += 0x9E3779B97F4A7C15L);
		s2 = splitMix(x += 0x9E3779B97F4A7C15L);
		s3 = splitMix(x + 0x9E3779B97F4A7C15L);
	}

	/** The seed of stream {@code index} of a run: distinct indices give independent-looking streams. */
	public static long mix(long seed, long index) {
		return splitMix(seed ^ splitMix(index + 0x632BE59BD9B4E019L));
	}

	static long splitMix(long z) {
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	public long nextLong() {
		long result = Long.rotateLeft(s1 * 5, 7) * 9;
		long t = s1 << 17;
		s2 ^= s0;
		s3 ^= s1;
		s1 ^= s2;
		s0 ^= s3;
		s2 ^= t;
		s3 = Long.rotateLeft(s3, 45);
		return result;
	}

	public int nextInt() {
		return (int) (nextLong() >>> 32);
	}

	/** Uniform in [0, bound), bound > 0 (Lemire's multiply-shift; the tiny bias is irrelevant here). */
	public int nextInt(int bound) {
		return (int) (((nextLong() >>> 32) * bound) >>> 32);
	}

	/** Uniform in [0, 1). */
	public double nextDouble() {
		return (nextLong() >>> 11) * 0x1.0p-53;
	}

	/**
	 * Standard normal deviate by inversion: a table of 4096 quantiles with linear interpolation in the body, the
	 * exact inverse in the two outer cells. One random number per deviate, no rejection loop, and the table is
	 * computed with StrictMath, so deviates are the same on every platform.
	 */
	public double nextGaussian() {
		long bits = nextLong();
		int cell = (int) (bits >>> (64 - NORMAL_BITS));
		double fraction = (bits & ((1L << (64 - NORMAL_BITS)) - 1)) * 0x1.0p-52;
		if (cell == 0 || cell == NORMAL_CELLS - 1) {
			double u = (cell + fraction) / NORMAL_CELLS;
			return inverseNormal(Math.max(u, 0x1.0p-60));
		}
		double low = NORMAL_QUANTILES[cell];
		return low + fraction * (NORMAL_QUANTILES[cell + 1] - low);
	}

	private static final int NORMAL_BITS = 12;
	private static final int NORMAL_CELLS = 1 << NORMAL_BITS;
	private static final double[] NORMAL_QUANTILES = new double[NORMAL_CELLS + 1];

	static {
		for (int i = 1; i < NORMAL_CELLS; i++) {
			NORMAL_QUANTILES[i] = inverseNormal((double) i / NORMAL_CELLS);
		}
	}

	/** Acklam's rational approximation of the normal quantile function (relative error below 1.2e-9). */
	static double inverseNormal(double p) {
		final double[] a = { -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
				-3.066479806614716e+01, 2.506628277459239e+00 };
		final double[] b = { -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
				-1.328068155288572e+01 };
		final double[] c = { -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
				4.374664141464968e+00, 2.938163982698783e+00 };
		final double[] d = { 7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00 };
		double low = 0.02425;
		if (p < low || p > 1 - low) {
			double q = StrictMath.sqrt(-2 * StrictMath.log(p < low ? p : 1 - p));
			double x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
					/ ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
			return p < low ? x : -x;
		}
		double q = p - 0.5;
		double r = q * q;
		return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
				/ (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
	}

	/** Exponential deviate of the given mean. */
	public double nextExponential(double mean) {
		return -mean * Math.log(1 - nextDouble());
	}
}
