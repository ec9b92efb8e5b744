package org.tadam.eval.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.Map;
import org.tadam.eval.EvalResult;
import org.tadam.eval.Generator;
import org.tadam.eval.Goals;
import org.tadam.eval.JudgeFigures;
import org.tadam.eval.MetricResult;
import org.tadam.eval.ServiceResult;
import org.tadam.eval.realism.Metric;
import org.tadam.eval.realism.SampleDistances;

/**
 * summary.json: every figure of the report, in a fixed order, numbers to six significant digits,
 * no clock time, so that the same inputs give the same bytes. A ratio whose floor is 0 while its
 * distance is not is {@code null} with {@code "floorZero": true}; a distance that could not be
 * computed (no value on one side) is {@code null}.
 */
public final class SummaryJson {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
      .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  private SummaryJson() {
  }

  public static String of(EvalResult r) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("tool", "tadam eval");
    root.put("mode", r.mode());
    paths(root.putArray("real"), r.realFiles());
    paths(root.putArray("generated"), r.generatedFiles());
    ObjectNode options = root.putObject("options");
    options.put("minConnections", r.options().minConnections());
    options.put("bins", SampleDistances.BINS);
    if (r.mode().equals("learn")) {
      options.put("seed", r.options().seed());
      root.put("learner", r.learner());
    }
    ObjectNode judges = root.putObject("judges");
    r.judges().forEach((tool, sides) -> {
      ObjectNode j = judges.putObject(tool);
      sides.forEach(j::put);
    });
    ArrayNode services = root.putArray("services");
    for (ServiceResult s : r.services()) {
      services.add(service(s));
    }
    counts(root.putObject("onlyReal"), r.onlyReal());
    counts(root.putObject("onlyGenerated"), r.onlyGenerated());
    if (r.mode().equals("learn")) {
      ArrayNode gens = root.putArray("generators");
      for (Generator g : r.generators()) {
        ObjectNode n = gens.addObject();
        n.put("service", g.key().service());
        n.put("protocol", g.key().protocol());
        n.put("model", g.model() == null ? null : g.model().toString());
        n.put("jar", g.jar() == null ? null : g.jar().toString());
        n.put("problem", g.problem());
      }
    }
    ArrayNode warnings = root.putArray("warnings");
    r.warnings().forEach(warnings::add);
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree that cannot be written", e);
    }
  }

  private static ObjectNode service(ServiceResult s) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("service", s.key().service());
    n.put("protocol", s.key().protocol());
    n.put("label", s.label());
    ObjectNode c = n.putObject("connections");
    c.put("real", s.real().size());
    c.put("generated", s.generated().size());
    c.put("firstHalf", s.firstHalf().size());
    c.put("secondHalf", s.secondHalf().size());
    n.put("tooSmall", s.tooSmall());
    ObjectNode metrics = n.putObject("metrics");
    for (MetricResult m : s.metrics()) {
      ObjectNode mn = metrics.putObject(m.metric().key());
      mn.put("label", m.metric().label());
      if (m.metric().unit() != null) {
        mn.put("unit", m.metric().unit());
      }
      ObjectNode values = mn.putObject("values");
      values.put("real", m.generated().valuesA());
      values.put("generated", m.generated().valuesB());
      values.put("firstHalf", m.floor().valuesA());
      values.put("secondHalf", m.floor().valuesB());
      for (String kind : m.kinds()) {
        distance(mn.putObject(kind), m, kind);
      }
    }
    ServiceResult.Worst worst = s.worst();
    if (worst != null) {
      ObjectNode w = n.putObject("worst");
      w.put("metric", worst.metric().metric().key());
      w.put("distance", worst.kind());
      ratio(w, worst.ratio());
    }
    ObjectNode states = n.putObject("connState");
    counts(states.putObject("real"), Metric.CONN_STATE.histogram(s.real()));
    counts(states.putObject("generated"), Metric.CONN_STATE.histogram(s.generated()));
    ObjectNode judges = n.putObject("judges");
    s.judges().forEach((tool, sides) -> {
      ObjectNode t = judges.putObject(tool);
      sides.forEach((side, f) -> judge(t.putObject(side), f));
    });
    if (!s.detectedAs().isEmpty()) {
      counts(n.putObject("detectedAs"), s.detectedAs());
    }
    ArrayNode goals = n.putArray("goals");
    for (Goals.Goal g : Goals.of(s)) {
      ObjectNode gn = goals.addObject();
      gn.put("goal", g.name());
      if (g.met() == null) {
        gn.putNull("met");
      } else {
        gn.put("met", g.met());
      }
      gn.put("detail", g.detail());
    }
    return n;
  }

  private static void distance(ObjectNode n, MetricResult m, String kind) {
    number(n, "generated", m.generated().empty() ? Double.NaN : m.generated().get(kind));
    number(n, "floor", m.floor().empty() ? Double.NaN : m.floor().get(kind));
    ratio(n, m.ratio(kind));
    number(n, "replay", m.replay().empty() ? Double.NaN : m.replay().get(kind));
    number(n, "replayRatio", m.replayRatio(kind));
  }

  private static void ratio(ObjectNode n, double ratio) {
    number(n, "ratio", ratio);
    if (Double.isInfinite(ratio)) {
      n.put("floorZero", true);
    }
  }

  private static void judge(ObjectNode n, JudgeFigures f) {
    n.put("status", f.status());
    n.put("connections", f.connections());
    if (!f.ok()) {
      return;
    }
    f.sums().forEach(n::put);
    if (f.sums().containsKey("malformed")) {
      number(n, "malformedPer1000", f.per1000("malformed"));
      number(n, "expertPer1000", f.per1000("errors", "warnings"));
    }
    if (f.sums().containsKey("content")) {
      number(n, "contentRate", f.rate("content"));
      n.put("topProtocol", f.topLabel());
    }
  }

  /** Six significant digits; null for NaN and infinity (JSON has no such numbers). */
  static void number(ObjectNode n, String field, double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      n.putNull(field);
    } else {
      n.put(field, new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros());
    }
  }

  private static void counts(ObjectNode n, Map<String, ? extends Number> counts) {
    counts.forEach((k, v) -> n.put(k, v.longValue()));
  }

  private static void paths(ArrayNode a, java.util.List<Path> files) {
    files.forEach(p -> a.add(p.toString()));
  }
}
