package org.tadam.eval.realism;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.tadam.eval.sample.ConnectionStats;

/**
 * What a perfect generator of the training half would score: the distances between the real traffic the generated
 * traffic is compared with and as many connections drawn at random, with replacement, from the first half, the
 * median of {@link #DRAWS} draws. The split-half floor compares two fixed halves; when the capture repeats a few
 * scripts in turn (a scripted loopback capture), its halves hold the same scripts in the same numbers and the floor
 * is near 0, while any sample drawn independently, even of real connections, differs by chance. A distance near
 * this reference is as close as sampling lets a generator come; the floor goal stays as issue 13 set it.
 */
public final class ReplayFloor {
  /** Draws whose median is reported. */
  public static final int DRAWS = 21;

  private ReplayFloor() {
  }

  /**
   * The median distances of metric {@code m} between {@code target} and {@code size} connections drawn from
   * {@code training}, seeded by {@code seed} (the same inputs give the same figures).
   */
  public static MetricDistance of(Metric m, List<ConnectionStats> training, List<ConnectionStats> target, int size,
      long seed) {
    if (training.isEmpty() || size == 0) {
      return new MetricDistance(m, 0, target.size(), Double.NaN, Double.NaN, Double.NaN);
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[][] kinds = new double[3][DRAWS];
    long values = 0;
    long targetValues = 0;
    for (int d = 0; d < DRAWS; d++) {
      List<ConnectionStats> drawn = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        drawn.add(training.get(random.nextInt(training.size())));
      }
      MetricDistance distance = SampleDistances.between(m, drawn, target);
      if (distance.empty()) {
        return distance;
      }
      values = distance.valuesA();
      targetValues = distance.valuesB();
      kinds[0][d] = distance.jsd();
      kinds[1][d] = distance.emd();
      kinds[2][d] = distance.ks();
    }
    return new MetricDistance(m, values, targetValues, median(kinds[0]), median(kinds[1]), median(kinds[2]));
  }

  private static double median(double[] x) {
    double[] sorted = x.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
