package org.tadam.eval.realism;

import java.util.Arrays;

/**
 * Shared bins for the Jensen-Shannon divergence of two samples of numbers: equal-frequency bins of
 * the pooled sample. Quantile edges need no choice of scale (durations, byte counts and
 * inter-arrival times span decades) and collapse to one bin per value when a quantity takes few
 * values (packet counts), so two samples of the same discrete law are compared value by value.
 * When the pooled sample has at most as many distinct values as bins, every value gets its own
 * bin: quantile edges would fold a rare value (a second request in 1 % of the connections) into
 * its common neighbour, and the divergence would not see it. Bin i holds the values v with
 * edge[i-1] <= v < edge[i].
 */
public final class QuantileBins {
  private final double[] edges;

  private QuantileBins(double[] edges) {
    this.edges = edges;
  }

  /** At most {@code bins} bins from the pooled values of both samples. */
  public static QuantileBins of(double[] x, double[] y, int bins) {
    if (bins < 1) {
      throw new IllegalArgumentException("at least one bin");
    }
    double[] pooled = new double[x.length + y.length];
    System.arraycopy(x, 0, pooled, 0, x.length);
    System.arraycopy(y, 0, pooled, x.length, y.length);
    Arrays.sort(pooled);
    double[] distinct = Arrays.stream(pooled).distinct().toArray();
    if (distinct.length <= bins) {
      // the smallest value opens the first bin, so nothing falls below it
      return new QuantileBins(distinct.length == 0 ? distinct : Arrays.copyOfRange(distinct, 1, distinct.length));
    }
    double[] edges = new double[Math.max(0, bins - 1)];
    int n = 0;
    for (int k = 1; k < bins; k++) {
      double edge = pooled[(int) Math.min(pooled.length - 1, (long) k * pooled.length / bins)];
      if (n == 0 || edge > edges[n - 1]) {
        edges[n++] = edge;
      }
    }
    return new QuantileBins(Arrays.copyOf(edges, n));
  }

  public int size() {
    return edges.length + 1;
  }

  /** How many values fall in each bin. */
  public long[] counts(double[] values) {
    long[] counts = new long[size()];
    for (double v : values) {
      counts[bin(v)]++;
    }
    return counts;
  }

  int bin(double v) {
    int i = Arrays.binarySearch(edges, v);
    // an exact edge opens the bin above it; otherwise the insertion point is the bin
    return i >= 0 ? i + 1 : -i - 1;
  }
}
