package org.tadam.eval.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.tadam.eval.EvalResult;
import org.tadam.eval.Generator;
import org.tadam.eval.Goals;
import org.tadam.eval.JudgeFigures;
import org.tadam.eval.ServiceResult;
import org.tadam.eval.realism.Metric;
import org.tadam.eval.realism.SampleDistances;

/** The report's parts other than the distance table and the charts. */
final class Sections {
  private static final List<String> SIDES = List.of("real", "generated", "first half", "second half");

  private Sections() {
  }

  static void header(Html h, EvalResult r) {
    h.raw("<p>Real: <code>").text(HtmlReport.paths(r.realFiles())).raw("</code><br>Generated: <code>")
        .text(HtmlReport.paths(r.generatedFiles())).raw("</code></p>\n<p>");
    if (r.mode().equals("learn")) {
      h.text("Holdout protocol (--learn): models learned on the first half of each service of the real capture ("
          + r.learner() + "), each generator run with --seed " + r.options().seed()
          + " for as many connections as the second half has; \"real\" is the second half.");
    } else {
      h.text("\"real\" is the whole real capture.");
    }
    h.text(" The floor of every distance is the same distance between the real capture's first and second half of "
        + "the service (by connection start); ratio = distance / floor, and the goal is a ratio of at most 2. "
        + "JSD in bits on " + SampleDistances.BINS + " shared equal-frequency bins (numeric metrics) or on the "
        + "categories; EMD (Wasserstein-1) in the metric's unit; KS the two-sample Kolmogorov-Smirnov statistic. "
        + "A service with fewer than " + r.options().minConnections()
        + " connections in a half is reported as too small. \">\" is the initiator's direction, \"<\" the responder's.");
    h.raw("</p>\n<table><tr><th class=\"l\">judge</th><th class=\"l\">real</th><th class=\"l\">generated</th></tr>\n");
    r.judges().forEach((tool, sides) -> h.raw("<tr><td class=\"l\">").text(tool).raw("</td><td class=\"l\">")
        .text(sides.get("real")).raw("</td><td class=\"l\">").text(sides.get("generated")).raw("</td></tr>\n"));
    h.raw("</table>\n");
  }

  static void summary(Html h, EvalResult r) {
    h.raw("<h2>Summary</h2>\n<table><tr><th class=\"l\">service</th><th>real</th><th>generated</th>")
        .raw("<th class=\"l\">worst distance / floor</th><th>malformed /1000 gen (real)</th>")
        .raw("<th>expert err+warn /1000 gen (real)</th><th>nDPI by content gen (real)</th><th>goals met</th></tr>\n");
    List<String> small = new ArrayList<>();
    for (ServiceResult s : r.services()) {
      if (s.tooSmall() != null) {
        small.add(s.label() + " (" + s.real().size() + " real, " + s.generated().size() + " generated)");
        continue;
      }
      ServiceResult.Worst w = s.worst();
      List<Goals.Goal> goals = Goals.of(s);
      long met = goals.stream().filter(g -> Boolean.TRUE.equals(g.met())).count();
      long checked = goals.stream().filter(g -> g.met() != null).count();
      h.raw("<tr><td class=\"l\"><a href=\"#").text(HtmlReport.anchor(s)).raw("\">").text(s.label()).raw("</a></td><td>")
          .text(Integer.toString(s.real().size())).raw("</td><td>").text(Integer.toString(s.generated().size()))
          .raw("</td><td class=\"l ").raw(w == null || w.ratio() <= Goals.FLOOR_FACTOR ? "good" : "bad").raw("\">")
          .text(w == null ? "-" : Goals.ratioText(w.ratio()) + " (" + w.name() + ")").raw("</td><td>")
          .text(tshark(s, "malformed")).raw("</td><td>").text(tshark(s, "errors", "warnings")).raw("</td><td>")
          .text(ndpi(s)).raw("</td><td>").text(met + " / " + checked).raw("</td></tr>\n");
    }
    h.raw("</table>\n");
    if (!small.isEmpty()) {
      h.raw("<p>Too small to compare (fewer than ").text(Integer.toString(r.options().minConnections()))
          .raw(" connections in a half or generated): ").text(String.join(", ", small)).raw("</p>\n");
    }
    if (!r.onlyReal().isEmpty()) {
      h.raw("<p>Only in the real capture: ").text(HtmlReport.counts(r.onlyReal())).raw("</p>\n");
    }
    if (!r.onlyGenerated().isEmpty()) {
      h.raw("<p>Only in the generated capture: ").text(HtmlReport.counts(r.onlyGenerated())).raw("</p>\n");
    }
  }

  /** "gen (real)" per 1000 connections, or the tool's status. */
  static String tshark(ServiceResult s, String... kinds) {
    Map<String, JudgeFigures> t = s.judges().get("tshark");
    if (t == null) {
      return "not asked";
    }
    if (!t.get("generated").ok() || !t.get("real").ok()) {
      return "tshark " + (t.get("generated").ok() ? t.get("real").status() : t.get("generated").status());
    }
    return String.format(Locale.ROOT, "%.1f (%.1f)", t.get("generated").per1000(kinds), t.get("real").per1000(kinds));
  }

  static String ndpi(ServiceResult s) {
    Map<String, JudgeFigures> n = s.judges().get("nDPI");
    if (n == null) {
      return "not asked";
    }
    if (!n.get("generated").ok() || !n.get("real").ok()) {
      return "nDPI " + (n.get("generated").ok() ? n.get("real").status() : n.get("generated").status());
    }
    return String.format(Locale.ROOT, "%.1f %% (%.1f %%)", 100 * n.get("generated").rate("content"),
        100 * n.get("real").rate("content"));
  }

  static void judges(Html h, ServiceResult s) {
    h.raw("<h3>Outside judges</h3>\n<table><tr><th class=\"l\">figure</th>");
    SIDES.forEach(side -> h.raw("<th>").text(side).raw("</th>"));
    h.raw("</tr>\n");
    s.judges().forEach((tool, sides) -> {
      if (tool.equals("tshark")) {
        row(h, "tshark malformed frames /1000", sides, f -> HtmlReport.num(f.per1000("malformed")));
        row(h, "tshark expert errors /1000", sides, f -> HtmlReport.num(f.per1000("errors")));
        row(h, "tshark expert warnings /1000", sides, f -> HtmlReport.num(f.per1000("warnings")));
      } else {
        row(h, tool + " detected by content", sides, f -> String.format(Locale.ROOT, "%.1f %%", 100 * f.rate("content")));
        row(h, tool + " protocol named most", sides, f -> f.topLabel() == null ? "-" : f.topLabel());
      }
    });
    if (!s.detectedAs().isEmpty()) {
      h.raw("<tr><td class=\"l\">capture's service detection</td><td></td><td class=\"l\" colspan=\"3\">")
          .text(HtmlReport.counts(s.detectedAs())).raw("</td></tr>\n");
    }
    h.raw("</table>\n<p>Goals: ");
    for (Goals.Goal g : Goals.of(s)) {
      h.raw("<span class=\"").raw(g.met() == null ? "na" : g.met() ? "good" : "bad").raw("\">")
          .text(g.name() + ": " + (g.met() == null ? "not checked" : g.met() ? "met" : "missed") + " (" + g.detail() + ")")
          .raw("</span>; ");
    }
    h.raw("</p>\n");
  }

  private static void row(Html h, String name, Map<String, JudgeFigures> sides,
      java.util.function.Function<JudgeFigures, String> value) {
    h.raw("<tr><td class=\"l\">").text(name).raw("</td>");
    for (String side : SIDES) {
      JudgeFigures f = sides.get(side);
      h.raw("<td>").text(f.ok() ? value.apply(f) : f.status()).raw("</td>");
    }
    h.raw("</tr>\n");
  }

  static void connStates(Html h, ServiceResult s) {
    Map<String, Long> real = Metric.CONN_STATE.histogram(s.real());
    Map<String, Long> gen = Metric.CONN_STATE.histogram(s.generated());
    h.raw("<h3>Zeek conn_state</h3>\n<table><tr><th class=\"l\"></th>");
    List<String> states = org.tadam.eval.realism.ZeekConnState.NAMES.stream()
        .filter(k -> real.containsKey(k) || gen.containsKey(k)).toList();
    states.forEach(k -> h.raw("<th>").text(k).raw("</th>"));
    h.raw("</tr>\n<tr><td class=\"l\">real</td>");
    states.forEach(k -> h.raw("<td>").text(Long.toString(real.getOrDefault(k, 0L))).raw("</td>"));
    h.raw("</tr>\n<tr><td class=\"l\">generated</td>");
    states.forEach(k -> h.raw("<td>").text(Long.toString(gen.getOrDefault(k, 0L))).raw("</td>"));
    h.raw("</tr>\n</table>\n");
  }

  /** Per n, the n-grams whose shares differ most between real and generated. */
  static void ngrams(Html h, ServiceResult s) {
    h.raw("<h3>Symbol n-grams that differ most (share of all n-grams)</h3>\n<table><tr><th class=\"l\">n-gram</th>")
        .raw("<th>real</th><th>generated</th></tr>\n");
    for (Metric m : List.of(Metric.UNIGRAMS, Metric.BIGRAMS, Metric.TRIGRAMS)) {
      Map<String, Long> real = m.histogram(s.real());
      Map<String, Long> gen = m.histogram(s.generated());
      double nr = Math.max(1, real.values().stream().mapToLong(Long::longValue).sum());
      double ng = Math.max(1, gen.values().stream().mapToLong(Long::longValue).sum());
      TreeSet<String> all = new TreeSet<>(real.keySet());
      all.addAll(gen.keySet());
      List<String> keys = new ArrayList<>(all);
      keys.sort(Comparator.comparingDouble((String k) -> -Math.abs(real.getOrDefault(k, 0L) / nr
          - gen.getOrDefault(k, 0L) / ng)).thenComparing(Comparator.naturalOrder()));
      for (String k : keys.subList(0, Math.min(6, keys.size()))) {
        h.raw("<tr><td class=\"l\"><code>").text(k).raw("</code></td><td>")
            .text(String.format(Locale.ROOT, "%.2f %%", 100 * real.getOrDefault(k, 0L) / nr)).raw("</td><td>")
            .text(String.format(Locale.ROOT, "%.2f %%", 100 * gen.getOrDefault(k, 0L) / ng)).raw("</td></tr>\n");
      }
    }
    h.raw("</table>\n");
  }

  static void footer(Html h, EvalResult r) {
    if (!r.generators().isEmpty()) {
      h.raw("<h2>Generators</h2>\n<table><tr><th class=\"l\">service</th><th class=\"l\">model</th>")
          .raw("<th class=\"l\">jar</th></tr>\n");
      for (Generator g : r.generators()) {
        h.raw("<tr><td class=\"l\">").text(g.key().service() + "/" + g.key().protocol()).raw("</td><td class=\"l\">")
            .text(g.model() == null ? "-" : g.model().toString()).raw("</td><td class=\"l\">")
            .text(g.problem() != null ? g.problem() : g.jar().toString()).raw("</td></tr>\n");
      }
      h.raw("</table>\n");
    }
    if (!r.warnings().isEmpty()) {
      h.raw("<h2>Warnings</h2>\n<ul>");
      r.warnings().forEach(w -> h.raw("<li>").text(w).raw("</li>"));
      h.raw("</ul>\n");
    }
  }
}
