package org.tadam.learner.mdl;

/**
 * Rissanen's universal code for integers, log*: L(n) = log2 c0 + log2 x + log2 log2 x + … with
 * x = n + 1 (so that 0 is encodable) and only the positive terms summed (Part B item 5; the
 * reference also adds the last, negative term). Negative n cost log2 c0, as in the reference.
 */
public final class UniversalCode {
  public static final double C0 = 2.865064;
  private static final double LOG2_C0 = log2(C0);
  private static final double[] SMALL = new double[4096];

  static {
    for (int n = 0; n < SMALL.length; n++) {
      SMALL[n] = compute(n);
    }
  }

  private UniversalCode() {
  }

  public static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  /** Code length in bits of the integer n. */
  public static double bits(long n) {
    if (n >= 0 && n < SMALL.length) {
      return SMALL[(int) n];
    }
    return compute(n);
  }

  private static double compute(long n) {
    double l = LOG2_C0;
    if (n <= 0) {
      return l;
    }
    double t = log2(n + 1.0);
    while (t > 0) {
      l += t;
      t = log2(t);
    }
    return l;
  }
}
