package org.tadam.eval.realism;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tadam.eval.sample.ConnectionStats;

/** Every metric's distances between two sets of connections of one service. */
public final class SampleDistances {
  /** Equal-frequency bins of the Jensen-Shannon divergence of numeric metrics. */
  public static final int BINS = 20;

  private SampleDistances() {
  }

  public static List<MetricDistance> between(List<ConnectionStats> a, List<ConnectionStats> b) {
    List<MetricDistance> out = new ArrayList<>();
    for (Metric m : Metric.values()) {
      out.add(between(m, a, b));
    }
    return out;
  }

  public static MetricDistance between(Metric m, List<ConnectionStats> a, List<ConnectionStats> b) {
    if (m.categorical()) {
      Map<String, Long> p = m.histogram(a);
      Map<String, Long> q = m.histogram(b);
      long na = p.values().stream().mapToLong(Long::longValue).sum();
      long nb = q.values().stream().mapToLong(Long::longValue).sum();
      return new MetricDistance(m, na, nb, Distances.jsd(p, q), Double.NaN, Double.NaN);
    }
    double[] x = m.values(a);
    double[] y = m.values(b);
    if (x.length == 0 || y.length == 0) {
      return new MetricDistance(m, x.length, y.length, Double.NaN, Double.NaN, Double.NaN);
    }
    return new MetricDistance(m, x.length, y.length, Distances.jsd(x, y, BINS), Distances.wasserstein(x, y),
        Distances.ks(x, y));
  }

  /**
   * A distance read against its floor (the same distance between the two halves of the real
   * capture): their ratio; 0 when the distance is 0 (nothing to improve, whatever the floor);
   * infinite when only the floor is 0 (the halves agree exactly, the generated traffic does not).
   */
  public static double ratio(double distance, double floor) {
    if (distance == 0) {
      return 0;
    }
    return floor > 0 ? distance / floor : Double.POSITIVE_INFINITY;
  }
}
