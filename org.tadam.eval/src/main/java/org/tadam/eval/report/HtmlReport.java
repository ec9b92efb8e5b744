package org.tadam.eval.report;

import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tadam.eval.EvalResult;
import org.tadam.eval.Goals;
import org.tadam.eval.MetricResult;
import org.tadam.eval.ServiceResult;
import org.tadam.eval.realism.Metric;

/**
 * report.html: one self-contained page (charts embedded as PNG data, no script, no outside
 * resource): the per-service summary, then per service the distances with their floor and ratio,
 * the outside judges, the conn_state histogram, the n-grams that differ most, and the charts.
 */
public final class HtmlReport {
  private HtmlReport() {
  }

  public static String of(EvalResult r) {
    Html h = new Html();
    h.raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>tadam eval</title><style>")
        .raw("body{font-family:sans-serif;margin:1.5em;color:#222}table{border-collapse:collapse;margin:.5em 0 1em}")
        .raw("td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}th{background:#f3f3f3}")
        .raw("td.l,th.l{text-align:left}.bad{background:#fde0dc}.good{background:#e4f5e4}.na{color:#888}")
        .raw("img{margin:2px;border:1px solid #eee}code{background:#f6f6f6}</style></head><body>\n");
    h.raw("<h1>tadam eval: realism of generated traffic</h1>\n");
    Sections.header(h, r);
    Sections.summary(h, r);
    for (ServiceResult s : r.services()) {
      if (s.tooSmall() != null) {
        continue;
      }
      h.raw("<h2 id=\"").text(anchor(s)).raw("\">").text(s.label()).raw("</h2>\n");
      Sections.judges(h, s);
      metrics(h, s);
      Sections.connStates(h, s);
      Sections.ngrams(h, s);
      charts(h, s);
    }
    Sections.footer(h, r);
    h.raw("</body></html>\n");
    return h.toString();
  }

  static String anchor(ServiceResult s) {
    return "s-" + s.label().replaceAll("[^A-Za-z0-9]", "-");
  }

  private static void metrics(Html h, ServiceResult s) {
    h.raw("<h3>Distances (real vs generated) and their floor (real first half vs second half)</h3>\n")
        .raw("<p>replay: the median distance of as many connections drawn at random from the first half, what sampling ")
        .raw("alone costs a perfect generator of the training half.</p>\n<table><tr>")
        .raw("<th class=\"l\">metric</th><th>values real / gen</th>");
    for (String k : List.of("JSD (bits)", "EMD", "KS")) {
      h.raw("<th>").text(k).raw("</th><th>floor</th><th>ratio</th><th>replay</th>");
    }
    h.raw("</tr>\n");
    for (MetricResult m : s.metrics()) {
      h.raw("<tr><td class=\"l\">").text(m.metric().label() + (m.metric().unit() == null ? "" : " (" + m.metric().unit() + ")"))
          .raw("</td><td>").text(m.generated().valuesA() + " / " + m.generated().valuesB()).raw("</td>");
      for (String kind : List.of("jsd", "emd", "ks")) {
        if (!m.kinds().contains(kind)) {
          h.raw("<td class=\"na\" colspan=\"4\">categorical</td>");
        } else if (!m.comparable()) {
          h.raw("<td class=\"na\" colspan=\"4\">no values on one side</td>");
        } else {
          double ratio = m.ratio(kind);
          h.raw("<td>").text(num(m.generated().get(kind))).raw("</td><td>").text(num(m.floor().get(kind)))
              .raw("</td><td class=\"").raw(ratio <= Goals.FLOOR_FACTOR ? "good" : "bad").raw("\">")
              .text(Goals.ratioText(ratio)).raw("</td><td>").text(num(m.replay().get(kind))).raw("</td>");
        }
      }
      h.raw("</tr>\n");
    }
    h.raw("</table>\n");
  }

  private static void charts(Html h, ServiceResult s) {
    h.raw("<h3>Distributions</h3>\n<div>");
    for (Metric m : Metric.values()) {
      if (m.categorical()) {
        continue;
      }
      double[] real = m.values(s.real());
      double[] gen = m.values(s.generated());
      if (real.length > 0 && gen.length > 0) {
        image(h, Charts.cdf(s.label() + ": " + m.label(), m.unit(), real, gen), m.label());
      }
    }
    image(h, Charts.bars(s.label() + ": conn_state", Metric.CONN_STATE.histogram(s.real()),
        Metric.CONN_STATE.histogram(s.generated()), 13), "conn_state");
    image(h, Charts.bars(s.label() + ": symbols", Metric.UNIGRAMS.histogram(s.real()),
        Metric.UNIGRAMS.histogram(s.generated()), 15), "symbol 1-grams");
    h.raw("</div>\n");
  }

  private static void image(Html h, byte[] png, String alt) {
    h.raw("<img alt=\"").text(alt).raw("\" src=\"data:image/png;base64,").raw(Base64.getEncoder().encodeToString(png))
        .raw("\">");
  }

  static String num(double v) {
    if (Double.isNaN(v)) {
      return "-";
    }
    if (v == 0) {
      return "0";
    }
    double a = Math.abs(v);
    return String.format(Locale.ROOT, a >= 1000 || a < 0.001 ? "%.3g" : a >= 10 ? "%.1f" : "%.4f", v);
  }

  static String paths(List<Path> files) {
    return String.join(" ", files.stream().map(Path::toString).toList());
  }

  static String counts(Map<String, ? extends Number> m) {
    StringBuilder sb = new StringBuilder();
    m.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
    return sb.toString();
  }
}
