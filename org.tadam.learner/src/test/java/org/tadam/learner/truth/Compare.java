package org.tadam.learner.truth;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.tadam.model.derived.Symbols;
import org.tadam.model.Automaton;
import org.tadam.model.Edge;
import org.tadam.model.State;

/** Structure and language comparison of a learned model with the automaton that made its data. */
public final class Compare {
  private Compare() {
  }

  /** An untimed automaton: per state, symbol → (target → probability). */
  public record Untimed(int initial, int end, List<Map<String, Map<Integer, Double>>> out) {
  }

  public static Untimed of(TruthAutomaton t) {
    List<Map<String, Map<Integer, Double>>> out = new ArrayList<>();
    for (int q = 0; q < t.states(); q++) {
      out.add(new TreeMap<>());
    }
    for (TruthAutomaton.Edge e : t.edges()) {
      out.get(e.source()).computeIfAbsent(e.symbol(), k -> new TreeMap<>())
          .merge(e.target(), e.probability(), Double::sum);
    }
    return new Untimed(0, t.end(), out);
  }

  public static Untimed of(Automaton m) {
    Map<State, Integer> ids = new HashMap<>();
    for (State s : m.getStates()) {
      ids.put(s, ids.size());
    }
    List<Map<String, Map<Integer, Double>>> out = new ArrayList<>();
    int initial = -1;
    int end = -1;
    for (State s : m.getStates()) {
      out.add(new TreeMap<>());
      if (s.isInitial()) {
        initial = ids.get(s);
      }
      if (s.isEnd()) {
        end = ids.get(s);
      }
    }
    for (Edge e : m.getEdges()) {
      out.get(ids.get(e.getSource())).computeIfAbsent(Symbols.canonicalText(Symbols.toText(e.getSymbol())),
          k -> new TreeMap<>()).merge(ids.get(e.getTarget()), e.getProbability(), Double::sum);
    }
    return new Untimed(initial, end, out);
  }

  /** True when both are deterministic on symbols and equal up to renaming of states. */
  public static boolean isomorphic(Untimed a, Untimed b) {
    if (a.out().size() != b.out().size()) {
      return false;
    }
    Map<Integer, Integer> ab = new HashMap<>();
    Map<Integer, Integer> ba = new HashMap<>();
    List<int[]> work = new ArrayList<>();
    work.add(new int[] {a.initial(), b.initial()});
    ab.put(a.initial(), b.initial());
    ba.put(b.initial(), a.initial());
    while (!work.isEmpty()) {
      int[] p = work.remove(work.size() - 1);
      Map<String, Map<Integer, Double>> oa = a.out().get(p[0]);
      Map<String, Map<Integer, Double>> ob = b.out().get(p[1]);
      if (!oa.keySet().equals(ob.keySet())) {
        return false;
      }
      for (String s : oa.keySet()) {
        if (oa.get(s).size() != 1 || ob.get(s).size() != 1) {
          return false;
        }
        int ta = oa.get(s).keySet().iterator().next();
        int tb = ob.get(s).keySet().iterator().next();
        Integer known = ab.get(ta);
        Integer knownB = ba.get(tb);
        if (known == null && knownB == null) {
          ab.put(ta, tb);
          ba.put(tb, ta);
          work.add(new int[] {ta, tb});
        } else if (known == null || known != tb || knownB != ta) {
          return false;
        }
      }
    }
    return ab.size() == a.out().size();
  }

  /** Distribution of untimed words with at most k packet letters (renormalised). */
  public static Map<List<String>, Double> language(Untimed u, int k) {
    Map<List<String>, Double> words = new HashMap<>();
    walk(u, u.initial(), new ArrayList<>(), 1, k, words);
    double total = words.values().stream().mapToDouble(Double::doubleValue).sum();
    if (total > 0) {
      words.replaceAll((w, p) -> p / total);
    }
    return words;
  }

  private static void walk(Untimed u, int q, List<String> prefix, double p, int k,
      Map<List<String>, Double> words) {
    if (p < 1e-12) {
      return;
    }
    for (Map.Entry<String, Map<Integer, Double>> e : u.out().get(q).entrySet()) {
      for (Map.Entry<Integer, Double> t : e.getValue().entrySet()) {
        if (e.getKey().equals("$")) {
          words.merge(List.copyOf(prefix), p * t.getValue(), Double::sum);
        } else if (prefix.size() < k) {
          prefix.add(e.getKey());
          walk(u, t.getKey(), prefix, p * t.getValue(), k, words);
          prefix.remove(prefix.size() - 1);
        }
      }
    }
  }

  /** Jensen–Shannon divergence in bits (0 = same language, 1 = disjoint). */
  public static double jensenShannon(Map<List<String>, Double> p, Map<List<String>, Double> q) {
    Set<List<String>> all = new HashSet<>(p.keySet());
    all.addAll(q.keySet());
    double js = 0;
    for (List<String> w : all) {
      double a = p.getOrDefault(w, 0.0);
      double b = q.getOrDefault(w, 0.0);
      double m = (a + b) / 2;
      if (a > 0) {
        js += 0.5 * a * Math.log(a / m) / Math.log(2);
      }
      if (b > 0) {
        js += 0.5 * b * Math.log(b / m) / Math.log(2);
      }
    }
    return js;
  }
}
