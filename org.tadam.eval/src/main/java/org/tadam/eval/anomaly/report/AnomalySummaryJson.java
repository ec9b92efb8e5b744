package org.tadam.eval.anomaly.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tadam.eval.anomaly.BenchResult;
import org.tadam.eval.anomaly.labels.LabelRow;

/**
 * {@code summary.json}: inputs, detectors, groups, label matching and the AU-ROC of every detector
 * per attack label (null where undefined: one class only). Keys in a fixed order and no times, so
 * that the same inputs give the same bytes.
 */
public final class AnomalySummaryJson {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private AnomalySummaryJson() {
  }

  public static String of(BenchResult r) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("command", "tadam bench-anomaly");
    root.put("train", r.train());
    root.put("test", r.test());
    root.put("labels", r.labels());
    root.put("normalLabel", r.normalLabel());
    root.put("detectors", r.detectors().stream().map(d -> Map.of("name", d.name(), "description", d.description()))
        .map(TreeMap::new).toList());
    List<Map<String, Object>> groups = new ArrayList<>();
    for (BenchResult.Group g : r.groups()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", g.name());
      m.put("protocol", g.protocol());
      m.put("service", g.service());
      m.put("connections", g.connections());
      groups.add(m);
    }
    root.put("groups", groups);
    root.put("connections", connections(r));
    Map<String, Object> areas = new LinkedHashMap<>();
    r.attacks().forEach((label, curves) -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("connections", r.count(label));
      for (int d = 0; d < curves.size(); d++) {
        m.put(r.detectors().get(d).name(), number(curves.get(d).area()));
      }
      areas.put(label, m);
    });
    root.put("auroc", areas);
    Map<String, Object> means = new LinkedHashMap<>();
    for (int d = 0; d < r.detectors().size(); d++) {
      means.put(r.detectors().get(d).name(), number(r.meanArea(d)));
    }
    root.put("meanAuroc", means);
    root.put("reasons", reasons(r));
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> connections(BenchResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("test", r.connections().size());
    m.put("unlabelled", r.unlabeled().size());
    Map<String, Long> perLabel = new TreeMap<>();
    r.connections().stream().filter(c -> c.label() != null).forEach(c -> perLabel.merge(c.label(), 1L, Long::sum));
    m.put("perLabel", perLabel);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (LabelRow row : r.unmatchedRows()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("line", row.line());
      x.put("row", row.describe());
      x.put("label", row.label());
      rows.add(x);
    }
    m.put("unmatchedRows", rows);
    m.put("unlabelledConnections", r.unlabeled().stream().map(c -> {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("index", c.index());
      x.put("connection", c.protocol() + " " + c.connection());
      return x;
    }).toList());
    return m;
  }

  /** Per detector, per label, how many connections each code charged. */
  private static Map<String, Object> reasons(BenchResult r) {
    Map<String, Object> all = new LinkedHashMap<>();
    for (int d = 0; d < r.detectors().size(); d++) {
      Map<String, Map<String, Long>> perLabel = new TreeMap<>();
      for (BenchResult.ScoredConnection c : r.connections()) {
        String label = c.label() == null ? "(unlabelled)" : c.label();
        perLabel.computeIfAbsent(label, k -> new TreeMap<>()).merge(c.reasons()[d], 1L, Long::sum);
      }
      all.put(r.detectors().get(d).name(), perLabel);
    }
    return all;
  }

  private static Double number(double x) {
    return Double.isNaN(x) ? null : Math.round(x * 1e6) / 1e6;
  }
}
