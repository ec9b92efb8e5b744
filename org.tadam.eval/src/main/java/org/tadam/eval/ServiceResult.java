package org.tadam.eval;

import java.util.List;
import java.util.Map;
import org.tadam.eval.sample.ConnectionStats;
import org.tadam.eval.sample.ServiceKey;

/**
 * Everything measured for one service.
 *
 * @param real the real connections compared (the whole capture, or its second half with --learn)
 * @param generated the generated connections of the service
 * @param firstHalf the real capture's first half of this service (by connection start); with
 *     {@code secondHalf} the floor
 * @param tooSmall why no distance is given (a half or the generated sample has fewer connections
 *     than the minimum), else null
 * @param metrics every metric's distances with their floor; empty when too small
 * @param judges per tool: figures for "real", "generated", "first half", "second half"
 * @param detectedAs --learn: how capture's service detection names the generated connections
 *     (they are counted under the service of the model that made them); else empty
 */
public record ServiceResult(ServiceKey key, String label, List<ConnectionStats> real, List<ConnectionStats> generated,
    List<ConnectionStats> firstHalf, List<ConnectionStats> secondHalf, String tooSmall, List<MetricResult> metrics,
    Map<String, Map<String, JudgeFigures>> judges, Map<String, Long> detectedAs) {

  /** The worst distance/floor ratio over every metric and kind, or null when there is none. */
  public Worst worst() {
    Worst worst = null;
    for (MetricResult m : metrics) {
      for (String kind : m.kinds()) {
        double r = m.ratio(kind);
        if (!Double.isNaN(r) && (worst == null || r > worst.ratio())) {
          worst = new Worst(m, kind, r);
        }
      }
    }
    return worst;
  }

  /** The metric and distance with the largest ratio to its floor. */
  public record Worst(MetricResult metric, String kind, double ratio) {
    public String name() {
      return metric.metric().label() + " " + kind.toUpperCase(java.util.Locale.ROOT);
    }
  }
}
