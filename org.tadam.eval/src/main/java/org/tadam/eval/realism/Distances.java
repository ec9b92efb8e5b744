package org.tadam.eval.realism;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeSet;

/**
 * The three distances between two samples. Jensen-Shannon divergence in bits (0 for equal
 * distributions, 1 for disjoint ones) on counts over shared categories or bins; the first
 * Wasserstein distance (earth mover's distance) and the two-sample Kolmogorov-Smirnov statistic
 * on the raw values, both from one merged pass over the sorted samples.
 */
public final class Distances {
  private Distances() {
  }

  /** JSD (bits) of two count vectors over the same bins; 0 when either is empty. */
  public static double jsd(long[] p, long[] q) {
    if (p.length != q.length) {
      throw new IllegalArgumentException("count vectors of different lengths");
    }
    double np = Arrays.stream(p).sum();
    double nq = Arrays.stream(q).sum();
    if (np == 0 || nq == 0) {
      return 0;
    }
    // JSD = H(M) - (H(P) + H(Q)) / 2, summed term by term so that equal vectors give exactly 0
    double sum = 0;
    for (int i = 0; i < p.length; i++) {
      double a = p[i] / np;
      double b = q[i] / nq;
      double m = (a + b) / 2;
      if (a > 0) {
        sum += a * log2(a / m);
      }
      if (b > 0) {
        sum += b * log2(b / m);
      }
    }
    return Math.max(0, Math.min(1, sum / 2));
  }

  /** JSD (bits) of two categorical histograms (the union of their keys is the support). */
  public static double jsd(Map<String, Long> p, Map<String, Long> q) {
    TreeSet<String> keys = new TreeSet<>(p.keySet());
    keys.addAll(q.keySet());
    long[] a = new long[keys.size()];
    long[] b = new long[keys.size()];
    int i = 0;
    for (String k : keys) {
      a[i] = p.getOrDefault(k, 0L);
      b[i++] = q.getOrDefault(k, 0L);
    }
    return jsd(a, b);
  }

  /** JSD (bits) of two samples of numbers on shared equal-frequency bins ({@link QuantileBins}). */
  public static double jsd(double[] x, double[] y, int bins) {
    QuantileBins shared = QuantileBins.of(x, y, bins);
    return jsd(shared.counts(x), shared.counts(y));
  }

  /** Wasserstein-1 distance: the area between the two empirical CDFs, in the values' unit. */
  public static double wasserstein(double[] x, double[] y) {
    return merged(x, y)[0];
  }

  /** Two-sample Kolmogorov-Smirnov statistic: the largest gap between the empirical CDFs. */
  public static double ks(double[] x, double[] y) {
    return merged(x, y)[1];
  }

  /** {W1, KS} of two non-empty samples, from one walk over both sorted samples. */
  static double[] merged(double[] x, double[] y) {
    if (x.length == 0 || y.length == 0) {
      throw new IllegalArgumentException("a distance needs two non-empty samples");
    }
    double[] a = x.clone();
    double[] b = y.clone();
    Arrays.sort(a);
    Arrays.sort(b);
    int i = 0;
    int j = 0;
    double area = 0;
    double sup = 0;
    double previous = Math.min(a[0], b[0]);
    while (i < a.length || j < b.length) {
      double z = j >= b.length || i < a.length && a[i] <= b[j] ? a[i] : b[j];
      // between the previous jump and z both CDFs are flat: add that strip's area
      double gap = Math.abs((double) i / a.length - (double) j / b.length);
      area += gap * (z - previous);
      // ties move both CDFs together before the gap is measured
      while (i < a.length && a[i] == z) {
        i++;
      }
      while (j < b.length && b[j] == z) {
        j++;
      }
      sup = Math.max(sup, Math.abs((double) i / a.length - (double) j / b.length));
      previous = z;
    }
    return new double[] {area, sup};
  }

  private static double log2(double v) {
    return Math.log(v) / Math.log(2);
  }
}
