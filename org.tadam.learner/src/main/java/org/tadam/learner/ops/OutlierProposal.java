package org.tadam.learner.ops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tadam.learner.stats.ValueStats;

/**
 * How an edge's values would split when a few letters lie far from all the others: the second
 * proposal of the edge split, for what the Gaussian-mixture EM cannot fit (a component of one or
 * two letters has a singular covariance, so EM fails and proposes nothing). One noisy letter that
 * happens to parse along a legitimate path — a spurious packet with a random size on an edge whose
 * sizes are all 0 — otherwise widens the edge's law for good and costs every letter on it bits;
 * split off, it can be deleted as a sub-part and charged to the noise model. The MDL score decides
 * both steps.
 *
 * <p>A value is an outlier when, in some dimension, it lies more than {@link #ROBUST_SDS} robust
 * standard deviations (1.4826 × the weighted median absolute deviation, at least
 * {@link #MIN_SCALE}) from the weighted median; outliers may weigh at most
 * {@link #MAX_FRACTION} of the edge, or one letter on an edge of fewer than 20.
 */
public final class OutlierProposal {
  public static final double ROBUST_SDS = 8;
  public static final double MIN_SCALE = 0.5;
  public static final double MAX_FRACTION = 0.05;

  private OutlierProposal() {
  }

  /**
   * Group of each distinct value (in {@link ValueStats#forEach} order): 0 for the bulk, 1 for the
   * outliers; null when there are none or too many.
   */
  public static int[] assign(ValueStats stats) {
    List<int[]> values = new ArrayList<>();
    List<Long> weights = new ArrayList<>();
    stats.collect(values, weights);
    int n = values.size();
    boolean[] outlier = new boolean[n];
    for (int d = 0; d < stats.dimension(); d++) {
      double[] x = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = values.get(i)[d];
      }
      double median = weightedMedian(x, weights);
      double[] deviation = new double[n];
      for (int i = 0; i < n; i++) {
        deviation[i] = Math.abs(x[i] - median);
      }
      double scale = Math.max(MIN_SCALE, 1.4826 * weightedMedian(deviation, weights));
      for (int i = 0; i < n; i++) {
        outlier[i] |= deviation[i] > ROBUST_SDS * scale;
      }
    }
    long out = 0;
    int[] group = new int[n];
    for (int i = 0; i < n; i++) {
      if (outlier[i]) {
        group[i] = 1;
        out += weights.get(i);
      }
    }
    boolean few = out > 0 && out <= Math.max(1, MAX_FRACTION * stats.count());
    return few && out < stats.count() ? group : null;
  }

  private static double weightedMedian(double[] x, List<Long> weights) {
    Integer[] order = new Integer[x.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b]));
    long total = 0;
    for (long w : weights) {
      total += w;
    }
    long seen = 0;
    for (int i : order) {
      seen += weights.get(i);
      if (2 * seen >= total) {
        return x[i];
      }
    }
    return x[order[order.length - 1]];
  }
}
