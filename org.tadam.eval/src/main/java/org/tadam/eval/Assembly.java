package org.tadam.eval;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tadam.eval.holdout.Halves;
import org.tadam.eval.judge.Judge;
import org.tadam.eval.judge.JudgeVerdicts;
import org.tadam.eval.realism.Metric;
import org.tadam.eval.realism.ReplayFloor;
import org.tadam.eval.realism.SampleDistances;
import org.tadam.eval.sample.ConnectionStats;
import org.tadam.eval.sample.ServiceKey;
import org.tadam.eval.sample.Side;

/** Puts an evaluation together once both sides are read: the judges' runs and every service's figures. */
final class Assembly {
  /** Seed of the replay reference's draws (plus the metric's ordinal): the same captures give the same figures. */
  private static final long REPLAY_SEED = 1;
  private final EvalOptions options;
  private final PrintWriter progress;

  Assembly(EvalOptions options, PrintWriter progress) {
    this.options = options;
    this.progress = progress;
  }

  /**
   * @param realBy the real connections compared, per service
   * @param detected --learn: per service, how capture names its generated connections
   */
  EvalResult result(String mode, Side real, Side generated, Map<ServiceKey, List<ConnectionStats>> realBy,
      Map<ServiceKey, List<ConnectionStats>> genBy, Halves halves, Map<ServiceKey, Map<String, Long>> detected,
      List<Generator> generators, String learner) {
    Map<String, JudgeVerdicts[]> verdicts = new LinkedHashMap<>();
    Map<String, Map<String, String>> status = new LinkedHashMap<>();
    for (Judge j : options.judges()) {
      JudgeVerdicts r = j.judge(real, progress);
      JudgeVerdicts g = j.judge(generated, progress);
      verdicts.put(j.name(), new JudgeVerdicts[] {r, g});
      Map<String, String> s = new LinkedHashMap<>();
      s.put("real", describe(r));
      s.put("generated", describe(g));
      status.put(j.name(), s);
    }
    Map<ConnectionStats, Integer> realIndex = index(real);
    Map<ConnectionStats, Integer> genIndex = index(generated);
    TreeSet<ServiceKey> keys = new TreeSet<>(realBy.keySet());
    keys.addAll(genBy.keySet());
    List<ServiceResult> services = new ArrayList<>();
    Map<String, Integer> onlyReal = new TreeMap<>();
    Map<String, Integer> onlyGenerated = new TreeMap<>();
    for (ServiceKey key : keys) {
      String label = key.label(keys.stream().anyMatch(k -> k.service().equals(key.service()) && !k.equals(key)));
      List<ConnectionStats> r = realBy.getOrDefault(key, List.of());
      List<ConnectionStats> g = genBy.getOrDefault(key, List.of());
      List<ConnectionStats> first = halves.first().getOrDefault(key, List.of());
      List<ConnectionStats> second = halves.second().getOrDefault(key, List.of());
      String tooSmall = tooSmall(first.size(), second.size(), g.size());
      // a service on one side only has nothing to compare, unless --learn left it out for being too small
      boolean learnTooSmall = mode.equals("learn") && !r.isEmpty() && halves.smaller(key) < options.minConnections();
      if ((r.isEmpty() || g.isEmpty()) && !learnTooSmall) {
        (r.isEmpty() ? onlyGenerated : onlyReal).put(label, Math.max(r.size(), g.size()));
        continue;
      }
      List<MetricResult> metrics = new ArrayList<>();
      if (tooSmall == null) {
        progress.println("tadam eval: comparing " + label + " (" + r.size() + " real, " + g.size() + " generated)");
        progress.flush();
        for (Metric m : Metric.values()) {
          metrics.add(new MetricResult(m, SampleDistances.between(m, r, g), SampleDistances.between(m, first, second),
              ReplayFloor.of(m, first, r, g.size(), REPLAY_SEED + m.ordinal())));
        }
      }
      Map<String, Map<String, JudgeFigures>> judges = new LinkedHashMap<>();
      verdicts.forEach((tool, v) -> {
        Map<String, JudgeFigures> f = new LinkedHashMap<>();
        f.put("real", figures(v[0], r, realIndex));
        f.put("generated", figures(v[1], g, genIndex));
        f.put("first half", figures(v[0], first, realIndex));
        f.put("second half", figures(v[0], second, realIndex));
        judges.put(tool, f);
      });
      services.add(new ServiceResult(key, label, r, g, first, second, tooSmall, metrics, judges,
          detected.getOrDefault(key, Map.of())));
    }
    List<String> warnings = new ArrayList<>(real.warnings());
    warnings.addAll(generated.warnings());
    return new EvalResult(mode, real.files(), generated.files(), options, status, services, onlyReal, onlyGenerated,
        generators, learner, warnings);
  }

  private String tooSmall(int first, int second, int generated) {
    int min = options.minConnections();
    if (first < min || second < min) {
      return "too small: the real halves have " + first + " and " + second + " connections (" + min + " each needed)";
    }
    if (generated < min) {
      return "too small: " + generated + " generated connections (" + min + " needed)";
    }
    return null;
  }

  private static String describe(JudgeVerdicts v) {
    return v.status() + ": " + v.detail();
  }

  private static Map<ConnectionStats, Integer> index(Side side) {
    Map<ConnectionStats, Integer> index = new IdentityHashMap<>();
    for (int i = 0; i < side.connections().size(); i++) {
      index.put(side.connections().get(i), i);
    }
    return index;
  }

  private static JudgeFigures figures(JudgeVerdicts v, List<ConnectionStats> subset, Map<ConnectionStats, Integer> index) {
    if (!v.ok()) {
      return new JudgeFigures(v.tool(), v.status(), subset.size(), Map.of(), null);
    }
    List<Integer> indexes = subset.stream().map(index::get).toList();
    Map<String, Long> sums = new LinkedHashMap<>();
    v.kinds().forEach(k -> sums.put(k, v.sum(k, indexes)));
    Map<String, Long> labels = new TreeMap<>();
    indexes.forEach(i -> {
      if (v.labels()[i] != null) {
        labels.merge(v.labels()[i], 1L, Long::sum);
      }
    });
    String top = labels.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
        .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder()))).map(Map.Entry::getKey).orElse(null);
    return new JudgeFigures(v.tool(), "ok", subset.size(), sums, top);
  }
}
