package org.tadam.eval.anomaly.report;

import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.tadam.eval.anomaly.BenchResult;
import org.tadam.eval.anomaly.RocCurve;
import org.tadam.eval.anomaly.labels.LabelRow;

/** {@code report.html}: one self-contained page (ROC plots embedded as PNG), no times, so it is reproducible. */
public final class AnomalyHtml {
  /** Unmatched rows and unlabelled connections listed one by one, at most this many of each. */
  private static final int LISTED = 50;

  private AnomalyHtml() {
  }

  public static String of(BenchResult r) {
    StringBuilder h = new StringBuilder(1 << 16);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>TADAM anomaly benchmark</title>\n<style>")
        .append("body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}table{border-collapse:collapse;margin:1em 0}")
        .append("td,th{border:1px solid #ccc;padding:3px 8px}td.n{text-align:right}.best{font-weight:bold}")
        .append("img{margin:4px}.small{color:#666;font-size:90%}</style></head><body>\n");
    h.append("<h1>Anomaly detection: normal against each attack type</h1>\n<p>Training: ").append(esc(String.join(", ", r.train())))
        .append("<br>Test: ").append(esc(r.test())).append("<br>Labels: ").append(esc(r.labels())).append("</p>\n");
    areas(h, r);
    h.append("<h2>ROC curves</h2>\n<div>");
    List<String> names = r.detectors().stream().map(BenchResult.Detector::name).toList();
    r.attacks().forEach((label, curves) -> {
      if (curves.stream().anyMatch(RocCurve::defined)) {
        h.append("<img alt=\"ROC ").append(esc(label)).append("\" src=\"data:image/png;base64,")
            .append(Base64.getEncoder().encodeToString(RocCharts.png(label, names, curves))).append("\">");
      }
    });
    h.append("</div>\n<h2>Detectors</h2>\n<ul>");
    r.detectors().forEach(d -> h.append("<li><b>").append(esc(d.name())).append("</b>: ").append(esc(d.description())).append("</li>"));
    h.append("</ul>\n<p class=\"small\">Every detector learns one model per training group and scores each test connection with the "
        + "model of its group, in bits per letter (the end letter included); a connection of a service with fewer than the minimum "
        + "of training connections, or never seen, is scored by its protocol's pooled model; one of a protocol without any "
        + "training connection is spelled out letter by letter by every detector alike.</p>\n");
    groups(h, r);
    reasons(h, r);
    matching(h, r);
    return h.append("</body></html>\n").toString();
  }

  private static void areas(StringBuilder h, BenchResult r) {
    h.append("<h2>AU-ROC per attack type</h2>\n<table><tr><th>attack</th><th>connections</th>");
    r.detectors().forEach(d -> h.append("<th>").append(esc(d.name())).append("</th>"));
    h.append("</tr>\n");
    r.attacks().forEach((label, curves) -> {
      double best = curves.stream().mapToDouble(RocCurve::area).filter(a -> !Double.isNaN(a)).max().orElse(Double.NaN);
      h.append("<tr><td>").append(esc(label)).append("</td><td class=\"n\">").append(r.count(label)).append("</td>");
      for (RocCurve c : curves) {
        h.append(c.area() == best ? "<td class=\"n best\">" : "<td class=\"n\">").append(area(c.area())).append("</td>");
      }
      h.append("</tr>\n");
    });
    h.append("<tr><td><b>mean</b></td><td class=\"n\">").append(r.count(r.normalLabel())).append(" normal</td>");
    for (int d = 0; d < r.detectors().size(); d++) {
      h.append("<td class=\"n\"><b>").append(area(r.meanArea(d))).append("</b></td>");
    }
    h.append("</tr></table>\n");
    if (r.count(r.normalLabel()) == 0 || r.attacks().isEmpty()) {
      h.append("<p><b>AU-ROC is undefined: the labelled test connections hold one class only.</b></p>\n");
    }
  }

  private static void groups(StringBuilder h, BenchResult r) {
    h.append("<h2>Training groups</h2>\n<table><tr><th>group</th><th>protocol</th><th>service</th><th>connections</th></tr>\n");
    r.groups().forEach(g -> h.append("<tr><td>").append(esc(g.name())).append("</td><td>").append(g.protocol()).append("</td><td>")
        .append(esc(g.service())).append("</td><td class=\"n\">").append(g.connections()).append("</td></tr>\n"));
    h.append("</table>\n");
  }

  /** What charged the connections under the first detector (TADAM), per label. */
  private static void reasons(StringBuilder h, BenchResult r) {
    Map<String, Map<String, Long>> perLabel = new TreeMap<>();
    for (BenchResult.ScoredConnection c : r.connections()) {
      perLabel.computeIfAbsent(c.label() == null ? "(unlabelled)" : c.label(), k -> new TreeMap<>()).merge(c.reasons()[0], 1L, Long::sum);
    }
    h.append("<h2>Why ").append(esc(r.detectors().get(0).name())).append(" scored as it did</h2>\n<table><tr><th>label</th><th>reason: connections</th></tr>\n");
    perLabel.forEach((label, counts) -> h.append("<tr><td>").append(esc(label)).append("</td><td>").append(esc(counts.toString()))
        .append("</td></tr>\n"));
    h.append("</table>\n");
  }

  private static void matching(StringBuilder h, BenchResult r) {
    h.append("<h2>Label matching</h2>\n<p>").append(r.connections().size()).append(" test connections, ")
        .append(r.connections().size() - r.unlabeled().size()).append(" matched a label row (protocol, both endpoints in either "
            + "direction, first packet within 1 µs); ").append(r.unlabeled().size()).append(" matched none and are left out of "
            + "the AU-ROC; ").append(r.unmatchedRows().size()).append(" label rows matched no connection.</p>\n");
    if (!r.unmatchedRows().isEmpty()) {
      h.append("<p>Rows without a connection").append(r.unmatchedRows().size() > LISTED ? " (first " + LISTED + ")" : "")
          .append(":</p><ul class=\"small\">");
      for (LabelRow row : r.unmatchedRows().subList(0, Math.min(LISTED, r.unmatchedRows().size()))) {
        h.append("<li>line ").append(row.line()).append(": ").append(esc(row.describe())).append(" ").append(esc(row.label())).append("</li>");
      }
      h.append("</ul>\n");
    }
    List<BenchResult.ScoredConnection> unlabeled = r.unlabeled();
    if (!unlabeled.isEmpty()) {
      h.append("<p>Connections without a row").append(unlabeled.size() > LISTED ? " (first " + LISTED + ")" : "").append(":</p><ul class=\"small\">");
      for (BenchResult.ScoredConnection c : unlabeled.subList(0, Math.min(LISTED, unlabeled.size()))) {
        h.append("<li>#").append(c.index()).append(" ").append(c.protocol()).append(" ").append(esc(c.connection())).append("</li>");
      }
      h.append("</ul>\n");
    }
  }

  static String area(double a) {
    return Double.isNaN(a) ? "undefined" : String.format(Locale.ROOT, "%.3f", a);
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
