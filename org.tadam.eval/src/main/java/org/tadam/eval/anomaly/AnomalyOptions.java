package org.tadam.eval.anomaly;

import java.util.List;
import org.tadam.capture.IngestOptions;
import org.tadam.eval.anomaly.detect.Detector;

/**
 * How {@code tadam bench-anomaly} reads, groups and scores.
 *
 * @param ingest how both captures become connections and words (as {@code tadam learn} reads them)
 * @param minConnections a service with fewer training connections joins its protocol's pool
 * @param normalLabel the label of normal connections; every other label is an attack type
 * @param detectors in the order of the report's columns
 */
public record AnomalyOptions(IngestOptions ingest, int minConnections, String normalLabel, List<Detector> detectors) {
  public static final int DEFAULT_MIN_CONNECTIONS = 10;
  public static final String DEFAULT_NORMAL_LABEL = "normal";

  public AnomalyOptions {
    if (minConnections < 1) {
      throw new IllegalArgumentException("--min-connections must be at least 1, not " + minConnections);
    }
    if (detectors.isEmpty()) {
      throw new IllegalArgumentException("no detector to run");
    }
    detectors = List.copyOf(detectors);
  }
}
