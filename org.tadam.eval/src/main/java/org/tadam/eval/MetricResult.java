package org.tadam.eval;

import java.util.List;
import org.tadam.eval.realism.Metric;
import org.tadam.eval.realism.MetricDistance;
import org.tadam.eval.realism.ReplayFloor;
import org.tadam.eval.realism.SampleDistances;

/**
 * One metric of one service: real against generated, the floor (real first half against real
 * second half) it is read against, and the replay reference ({@link ReplayFloor}: connections
 * drawn at random from the first half against the same real traffic).
 */
public record MetricResult(Metric metric, MetricDistance generated, MetricDistance floor, MetricDistance replay) {

  /** The distances this metric has: JSD only for a categorical metric, else JSD, EMD and KS. */
  public List<String> kinds() {
    return metric.categorical() ? List.of("jsd") : List.of("jsd", "emd", "ks");
  }

  /** Whether both comparisons had values to compare. */
  public boolean comparable() {
    return !generated.empty() && !floor.empty();
  }

  /** distance / replay reference of one kind; NaN when either has no value. */
  public double replayRatio(String kind) {
    return generated.empty() || replay.empty() ? Double.NaN : SampleDistances.ratio(generated.get(kind), replay.get(kind));
  }

  /** distance / floor of one kind (see {@link SampleDistances#ratio}); NaN when not comparable. */
  public double ratio(String kind) {
    return comparable() ? SampleDistances.ratio(generated.get(kind), floor.get(kind)) : Double.NaN;
  }
}
