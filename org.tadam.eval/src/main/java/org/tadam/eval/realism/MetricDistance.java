package org.tadam.eval.realism;

/**
 * One metric's distances between two samples.
 *
 * @param valuesA how many values (numeric) or items (categorical) sample A had; likewise valuesB
 * @param jsd Jensen-Shannon divergence in bits
 * @param emd Wasserstein-1 in the metric's unit; NaN for a categorical metric
 * @param ks Kolmogorov-Smirnov statistic; NaN for a categorical metric
 */
public record MetricDistance(Metric metric, long valuesA, long valuesB, double jsd, double emd, double ks) {

  /** A sample had no value (e.g. no payload in that direction): there is no distance. */
  public boolean empty() {
    return valuesA == 0 || valuesB == 0;
  }

  /** The distance by name: "jsd", "emd" or "ks". */
  public double get(String kind) {
    return switch (kind) {
      case "jsd" -> jsd;
      case "emd" -> emd;
      case "ks" -> ks;
      default -> throw new IllegalArgumentException("no distance named " + kind);
    };
  }
}
