package org.tadam.eval.anomaly.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tadam.eval.anomaly.BenchResult;
import org.tadam.eval.anomaly.RocCurve;

/** The table {@code tadam bench-anomaly} prints: AU-ROC per attack label and detector, the means, then seconds per detector. */
public final class AnomalyTable {
  private AnomalyTable() {
  }

  public static String of(BenchResult r) {
    List<String[]> rows = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("attack", "connections"));
    r.detectors().forEach(d -> header.add(d.name()));
    rows.add(header.toArray(String[]::new));
    r.attacks().forEach((label, curves) -> {
      List<String> row = new ArrayList<>(List.of(label, Long.toString(r.count(label))));
      curves.stream().map(RocCurve::area).map(AnomalyHtml::area).forEach(row::add);
      rows.add(row.toArray(String[]::new));
    });
    List<String> mean = new ArrayList<>(List.of("mean", r.count(r.normalLabel()) + " " + r.normalLabel()));
    for (int d = 0; d < r.detectors().size(); d++) {
      mean.add(AnomalyHtml.area(r.meanArea(d)));
    }
    rows.add(mean.toArray(String[]::new));
    List<String> seconds = new ArrayList<>(List.of("seconds", ""));
    for (double s : r.seconds()) {
      seconds.add(String.format(Locale.ROOT, "%.1f", s));
    }
    rows.add(seconds.toArray(String[]::new));
    int[] width = new int[header.size()];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        sb.append(i == 0 ? "" : "  ").append(String.format(i == 0 ? "%-" + width[i] + "s" : "%" + width[i] + "s", row[i]));
      }
      sb.append(System.lineSeparator());
    }
    if (r.count(r.normalLabel()) == 0 || r.attacks().isEmpty()) {
      sb.append("AU-ROC is undefined: the labelled test connections hold one class only").append(System.lineSeparator());
    }
    return sb.toString();
  }
}
