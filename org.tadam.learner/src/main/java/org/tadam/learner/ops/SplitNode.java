package org.tadam.learner.ops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tadam.learner.automaton.Edge;
import org.tadam.learner.automaton.IntList;
import org.tadam.learner.automaton.LearnAutomaton;
import org.tadam.learner.mdl.UniversalCode;

/**
 * Split a state by incoming context (Part A §1.7 b, "the future depends on how we arrived"): the
 * in-edges (self-loops included) are partitioned greedily to maximise the information the group
 * carries about the next edge, minus an edge-cost penalty; every group but the first gets a copy of
 * the state with copies of the out-edges its words use, a self-loop of group h leading into the
 * state of group h. Value-dependent contexts come from an earlier edge split, whose variants are
 * separate in-edges.
 */
public record SplitNode(int state, int[][] groups) implements Operation {

  @Override
  public void apply(LearnAutomaton a) {
    Map<Integer, Integer> groupOf = new HashMap<>();
    for (int g = 0; g < groups.length; g++) {
      for (int in : groups[g]) {
        groupOf.put(in, g);
      }
    }
    int[] stateOf = new int[groups.length];
    stateOf[0] = state;
    for (int g = 1; g < groups.length; g++) {
      stateOf[g] = a.newState();
    }
    // the letters that follow an entry of group g ≥ 1, collected before anything moves
    List<long[]> entries = new ArrayList<>();
    for (int g = 1; g < groups.length; g++) {
      for (int in : groups[g]) {
        long[] occurrences = occurrencesOf(a.edge(in));
        Arrays.sort(occurrences);
        for (long occ : occurrences) {
          entries.add(new long[] {occ, g});
        }
      }
    }
    for (int g = 1; g < groups.length; g++) {
      for (int in : groups[g]) {
        a.setEnds(in, a.edge(in).source(), stateOf[g]);
      }
    }
    Map<Long, Integer> copies = new HashMap<>();
    Map<Long, Integer> families = new HashMap<>();
    for (long[] entry : entries) {
      int w = Edge.word(entry[0]);
      int k = Edge.position(entry[0]) + 1;
      int g = (int) entry[1];
      Edge next = a.edge(a.edgeAt(w, k));
      Integer loopGroup = groupOf.get(next.id());
      boolean loop = loopGroup != null && next.source() == state;
      int target = loop ? stateOf[loopGroup] : next.target();
      long key = ((long) next.id() << 8) | g;
      Integer copy = copies.get(key);
      if (copy == null) {
        long fkey = ((long) next.family() << 8) | g;
        Integer family = families.get(fkey);
        if (family == null) {
          family = a.newFamily();
          families.put(fkey, family);
        }
        copy = a.newEdge(stateOf[g], target, next.symbol(), family);
        copies.put(key, copy);
      }
      a.moveOccurrence(w, k, copy);
    }
    for (int id : a.out(state).toArray()) {
      if (a.edge(id).occurrenceCount() == 0) {
        a.killEdge(id);
      }
    }
  }

  private static long[] occurrencesOf(Edge e) {
    long[] r = new long[e.occurrenceCount()];
    for (int i = 0; i < r.length; i++) {
      r[i] = e.occurrence(i);
    }
    return r;
  }

  @Override
  public String describe() {
    return "split state " + state + " in " + groups.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SplitNode s && s.state == state && Arrays.deepEquals(s.groups, groups);
  }

  @Override
  public int hashCode() {
    return state * 31 + Arrays.deepHashCode(groups);
  }

  @Override
  public String toString() {
    return describe() + " " + Arrays.deepToString(groups);
  }

  /**
   * Up to two candidates per state with two or more incoming contexts: the reference's greedy
   * partition (information about the next edge minus {@code meanEdgeBits} per new edge), and the
   * most informative two-way partition without that penalty. The penalty is only a heuristic of
   * the proposal; the MDL score decides, so the second proposal lets it judge splits the heuristic
   * would never offer (e.g. a state whose few but decisive contexts come from a self-loop).
   *
   * @param meanEdgeBits L(A)/|E|, the penalty per new edge
   */
  public static List<Operation> candidates(LearnAutomaton a, double meanEdgeBits) {
    List<Operation> ops = new ArrayList<>();
    for (int q = 0; q < a.stateSlots(); q++) {
      if (!a.stateAlive(q) || q == LearnAutomaton.INITIAL || q == LearnAutomaton.END) {
        continue;
      }
      int[][] groups = partition(a, q, meanEdgeBits, Integer.MAX_VALUE);
      if (groups != null) {
        ops.add(new SplitNode(q, groups));
      }
      int[][] two = partition(a, q, 0, 2);
      if (two != null && !Arrays.deepEquals(two, groups)) {
        ops.add(new SplitNode(q, two));
      }
    }
    return ops;
  }

  static int[][] partition(LearnAutomaton a, int q, double meanEdgeBits) {
    return partition(a, q, meanEdgeBits, Integer.MAX_VALUE);
  }

  static int[][] partition(LearnAutomaton a, int q, double meanEdgeBits, int maxGroups) {
    List<Integer> contexts = new ArrayList<>();
    IntList in = a.in(q);
    for (int j = 0; j < in.size(); j++) {
      contexts.add(in.get(j));
    }
    if (contexts.size() < 2) {
      return null;
    }
    int m = contexts.size();
    List<TreeMap<Integer, Long>> next = new ArrayList<>();
    for (int c : contexts) {
      TreeMap<Integer, Long> h = new TreeMap<>();
      Edge e = a.edge(c);
      for (int i = 0; i < e.occurrenceCount(); i++) {
        long occ = e.occurrence(i);
        int w = Edge.word(occ);
        int k = Edge.position(occ) + 1;
        if (k < a.corpus().length(w)) {
          h.merge(a.edgeAt(w, k), a.corpus().weight(w), Long::sum);
        }
      }
      next.add(h);
    }
    int outDegree = a.out(q).size();
    int[] group = new int[m];
    int groupCount = 1;
    double best = 0;
    while (true) {
      int zeroSize = 0;
      for (int g : group) {
        zeroSize += g == 0 ? 1 : 0;
      }
      if (zeroSize <= 1) {
        break;
      }
      int bestT = -1;
      int bestG = -1;
      for (int t = 0; t < m; t++) {
        if (group[t] != 0) {
          continue;
        }
        for (int g = 1; g <= Math.min(groupCount, maxGroups - 1); g++) {
          group[t] = g;
          int count = Math.max(groupCount, g + 1);
          double s = information(group, count, next) - (count - 1) * outDegree * meanEdgeBits;
          if (s > best + 1e-9) {
            best = s;
            bestT = t;
            bestG = g;
          }
          group[t] = 0;
        }
      }
      if (bestT < 0) {
        break;
      }
      group[bestT] = bestG;
      groupCount = Math.max(groupCount, bestG + 1);
    }
    if (groupCount == 1) {
      return null;
    }
    int[][] groups = new int[groupCount][];
    for (int g = 0; g < groupCount; g++) {
      List<Integer> members = new ArrayList<>();
      for (int t = 0; t < m; t++) {
        if (group[t] == g) {
          members.add(contexts.get(t));
        }
      }
      groups[g] = members.stream().mapToInt(Integer::intValue).toArray();
    }
    return groups;
  }

  /** N · I(X; G) in bits: X = the next edge, G = the group of the incoming context. */
  private static double information(int[] group, int groups, List<TreeMap<Integer, Long>> next) {
    double[] pg = new double[groups];
    TreeMap<Integer, Double> px = new TreeMap<>();
    List<TreeMap<Integer, Double>> joint = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      joint.add(new TreeMap<>());
    }
    double n = 0;
    for (int t = 0; t < group.length; t++) {
      for (Map.Entry<Integer, Long> e : next.get(t).entrySet()) {
        double c = e.getValue();
        pg[group[t]] += c;
        px.merge(e.getKey(), c, Double::sum);
        joint.get(group[t]).merge(e.getKey(), c, Double::sum);
        n += c;
      }
    }
    if (n == 0) {
      return 0;
    }
    double info = 0;
    for (int g = 0; g < groups; g++) {
      for (Map.Entry<Integer, Double> e : joint.get(g).entrySet()) {
        double pxy = e.getValue();
        info += pxy * UniversalCode.log2(pxy * n / (pg[g] * px.get(e.getKey())));
      }
    }
    return info;
  }
}
