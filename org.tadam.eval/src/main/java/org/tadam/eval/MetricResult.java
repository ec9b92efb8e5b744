package org.tadam.eval;

import java.util.List;
import org.tadam.eval.realism.Metric;
import org.tadam.eval.realism.MetricDistance;
import org.tadam.eval.realism.SampleDistances;

/**
 * One metric of one service: real against generated, and the floor (real first half against real
 * second half) it is read against.
 */
public record MetricResult(Metric metric, MetricDistance generated, MetricDistance floor) {

  /** The distances this metric has: JSD only for a categorical metric, else JSD, EMD and KS. */
  public List<String> kinds() {
    return metric.categorical() ? List.of("jsd") : List.of("jsd", "emd", "ks");
  }

  /** Whether both comparisons had values to compare. */
  public boolean comparable() {
    return !generated.empty() && !floor.empty();
  }

  /** distance / floor of one kind (see {@link SampleDistances#ratio}); NaN when not comparable. */
  public double ratio(String kind) {
    return comparable() ? SampleDistances.ratio(generated.get(kind), floor.get(kind)) : Double.NaN;
  }
}
