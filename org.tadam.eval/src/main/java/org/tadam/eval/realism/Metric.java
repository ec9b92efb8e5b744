package org.tadam.eval.realism;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.tadam.eval.sample.ConnectionStats;

/**
 * What is compared per service. Numeric metrics have one value per connection (duration, packets
 * and payload bytes per direction) or one per packet, pooled over the connections (inter-arrival
 * times, payload sizes per direction); they get all three distances. Categorical metrics (symbol
 * n-grams, conn_state) are histograms and get the Jensen-Shannon divergence only.
 */
public enum Metric {
  DURATION("duration", "s", c -> new double[] {c.durationSeconds()}, null),
  PACKETS_ORIG("packets >", "packets", c -> new double[] {c.packetsOrig()}, null),
  PACKETS_RESP("packets <", "packets", c -> new double[] {c.packetsResp()}, null),
  BYTES_ORIG("payload bytes >", "bytes", c -> new double[] {c.bytesOrig()}, null),
  BYTES_RESP("payload bytes <", "bytes", c -> new double[] {c.bytesResp()}, null),
  IAT("inter-arrival time", "s", ConnectionStats::iats, null),
  PAYLOAD_ORIG("payload size >", "bytes", ConnectionStats::payloadOrig, null),
  PAYLOAD_RESP("payload size <", "bytes", ConnectionStats::payloadResp, null),
  UNIGRAMS("symbol 1-grams", null, null, c -> NGrams.of(c.symbols(), 1)),
  BIGRAMS("symbol 2-grams", null, null, c -> NGrams.of(c.symbols(), 2)),
  TRIGRAMS("symbol 3-grams", null, null, c -> NGrams.of(c.symbols(), 3)),
  CONN_STATE("conn_state", null, null, c -> List.of(c.connState()));

  private final String label;
  private final String unit;
  private final Function<ConnectionStats, double[]> numbers;
  private final Function<ConnectionStats, List<String>> categories;

  Metric(String label, String unit, Function<ConnectionStats, double[]> numbers,
      Function<ConnectionStats, List<String>> categories) {
    this.label = label;
    this.unit = unit;
    this.numbers = numbers;
    this.categories = categories;
  }

  /** How the report names it: "payload size >" (initiator's packets), "<" the responder's. */
  public String label() {
    return label;
  }

  /** Unit of a numeric metric's values; null for a categorical one. */
  public String unit() {
    return unit;
  }

  public boolean categorical() {
    return numbers == null;
  }

  /** The JSON key: the enum name in lower case. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The values of a numeric metric over the connections, in their order. */
  public double[] values(List<ConnectionStats> connections) {
    return connections.stream().flatMapToDouble(c -> Arrays.stream(numbers.apply(c))).toArray();
  }

  /** The histogram of a categorical metric over the connections, sorted by category. */
  public Map<String, Long> histogram(List<ConnectionStats> connections) {
    Map<String, Long> counts = new TreeMap<>();
    for (ConnectionStats c : connections) {
      for (String k : categories.apply(c)) {
        counts.merge(k, 1L, Long::sum);
      }
    }
    return counts;
  }
}
