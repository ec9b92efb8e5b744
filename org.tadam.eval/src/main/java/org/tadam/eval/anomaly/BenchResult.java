package org.tadam.eval.anomaly;

import java.util.List;
import java.util.Map;
import org.tadam.eval.anomaly.labels.LabelRow;

/**
 * Everything {@code tadam bench-anomaly} measured, for the report, the JSON summary and the table.
 *
 * @param groups the training groups (every detector learned one model per group)
 * @param connections every test connection with its label (null: no row matched it) and scores
 * @param unmatchedRows label rows that matched no test connection
 * @param attacks per attack label (sorted), the ROC curve of each detector (index as {@code detectors})
 * @param seconds per detector, the seconds spent learning and scoring (left out of the files:
 *     they are not reproducible)
 */
public record BenchResult(List<String> train, String test, String labels, List<Group> groups, List<Detector> detectors,
    List<ScoredConnection> connections, List<LabelRow> unmatchedRows, Map<String, List<RocCurve>> attacks,
    String normalLabel, double[] seconds) {

  /** A training group as the report lists it. */
  public record Group(String name, String protocol, String service, int connections) {
  }

  /** A detector as the report describes it. */
  public record Detector(String name, String description) {
  }

  /**
   * @param group the training group that scored it, null when none did
   * @param scores per detector, bits per letter
   * @param reasons per detector, which code charged it
   */
  public record ScoredConnection(int index, String connection, String protocol, String service, String label,
      String group, double[] scores, String[] reasons) {
  }

  /** Connections no label row matched. */
  public List<ScoredConnection> unlabeled() {
    return connections.stream().filter(c -> c.label() == null).toList();
  }

  /** How many test connections carry each label, normal included. */
  public long count(String label) {
    return connections.stream().filter(c -> label.equals(c.label())).count();
  }

  /** A detector's mean AU-ROC over the attack labels whose AU-ROC is defined; NaN when none is. */
  public double meanArea(int detector) {
    return attacks.values().stream().mapToDouble(curves -> curves.get(detector).area()).filter(a -> !Double.isNaN(a))
        .average().orElse(Double.NaN);
  }
}
