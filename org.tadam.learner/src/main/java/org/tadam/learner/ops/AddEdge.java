package org.tadam.learner.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tadam.learner.automaton.Corpus;
import org.tadam.learner.automaton.Edge;
import org.tadam.learner.automaton.LearnAutomaton;

/**
 * Add an edge back (the inverse of {@link DeleteSubpart}): a new edge {@code source → target}
 * spelling {@code symbol}, and every unparsed word that the automaton then parses goes back on its
 * path. A deletion is judged against the automaton of its moment; after later merges and splits,
 * words it left to the noise model (an optional ACK that a session sends or not) may be cheaper
 * as structure again, and no other operation can create an edge.
 */
public record AddEdge(int source, int symbol, int target) implements Operation {

  @Override
  public void apply(LearnAutomaton a) {
    a.newEdge(source, target, symbol, a.newFamily());
    Corpus c = a.corpus();
    // a snapshot: putting a word back changes the set, not the list
    for (int w : a.unmatched()) {
      int[] path = path(a, c, w);
      if (path != null) {
        for (int i = 0; i < path.length; i++) {
          a.addOccurrence(w, i, path[i]);
        }
        a.match(w);
      }
    }
  }

  @Override
  public String describe() {
    return "add " + source + " -" + symbol + "-> " + target;
  }

  /**
   * The edges spelling word w from the initial to the end state, or null. Among parallel edges of
   * one symbol (split-edge variants) the letter goes to the one whose law gives its value the most
   * mass, as a split distributes them.
   */
  static int[] path(LearnAutomaton a, Corpus c, int w) {
    int n = c.length(w);
    int[] path = new int[n];
    int q = LearnAutomaton.INITIAL;
    for (int i = 0; i < n; i++) {
      int e = step(a, q, c.symbol(w, i), c.value(w, i));
      if (e < 0) {
        return null;
      }
      path[i] = e;
      q = a.edge(e).target();
    }
    return q == LearnAutomaton.END ? path : null;
  }

  private static int step(LearnAutomaton a, int q, int symbol, int[] value) {
    var out = a.out(q);
    // a lone edge with the symbol is the step whatever its mass: no mass is computed for it (after
    // each word put back on its path, the next mass asked of the edges it took is a new Gaussian's)
    int only = -1;
    for (int j = 0; j < out.size(); j++) {
      if (a.edge(out.get(j)).symbol() == symbol) {
        if (only >= 0) {
          only = -2;
          break;
        }
        only = out.get(j);
      }
    }
    if (only != -2) {
      return only;
    }
    int best = -1;
    double bestMass = -1;
    for (int j = 0; j < out.size(); j++) {
      Edge e = a.edge(out.get(j));
      if (e.symbol() != symbol) {
        continue;
      }
      double mass = e.occurrenceCount() == 0 ? 0 : e.cellMass(value);
      if (best < 0 || mass > bestMass || mass == bestMass && e.id() < best) {
        best = e.id();
        bestMass = mass;
      }
    }
    return best;
  }

  /**
   * For each unparsed word, the first letter the automaton cannot spell and every state from which
   * the rest of the word parses to the end: each such (state, symbol, target) is a candidate, and
   * the {@code max} that would put back the most words (by weight) are proposed.
   */
  public static List<Operation> candidates(LearnAutomaton a, int max) {
    Corpus c = a.corpus();
    Map<AddEdge, Long> gain = new TreeMap<>((x, y) -> x.source != y.source
        ? Integer.compare(x.source, y.source) : x.symbol != y.symbol
        ? Integer.compare(x.symbol, y.symbol) : Integer.compare(x.target, y.target));
    for (int w : a.unmatched()) {
      int n = c.length(w);
      int q = LearnAutomaton.INITIAL;
      int i = 0;
      for (; i < n; i++) {
        int e = step(a, q, c.symbol(w, i), c.value(w, i));
        if (e < 0) {
          break;
        }
        q = a.edge(e).target();
      }
      if (i == n) {
        continue;
      }
      for (int t = 0; t < a.stateSlots(); t++) {
        if (a.stateAlive(t) && suffixParses(a, c, w, i + 1, t)) {
          gain.merge(new AddEdge(q, c.symbol(w, i), t), c.weight(w), Long::sum);
        }
      }
    }
    List<Map.Entry<AddEdge, Long>> ranked = new ArrayList<>(gain.entrySet());
    // most words first; the map's order breaks ties, so the list does not depend on hashing
    ranked.sort((x, y) -> Long.compare(y.getValue(), x.getValue()));
    List<Operation> ops = new ArrayList<>();
    for (int k = 0; k < Math.min(max, ranked.size()); k++) {
      ops.add(ranked.get(k).getKey());
    }
    return ops;
  }

  private static boolean suffixParses(LearnAutomaton a, Corpus c, int w, int from, int state) {
    int q = state;
    for (int i = from; i < c.length(w); i++) {
      int e = step(a, q, c.symbol(w, i), c.value(w, i));
      if (e < 0) {
        return false;
      }
      q = a.edge(e).target();
    }
    return q == LearnAutomaton.END;
  }
}
