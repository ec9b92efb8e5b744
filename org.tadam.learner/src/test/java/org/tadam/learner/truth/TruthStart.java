package org.tadam.learner.truth;

import java.util.HashMap;
import java.util.Map;
import java.util.function.IntPredicate;
import org.tadam.learner.automaton.Corpus;
import org.tadam.learner.automaton.LearnAutomaton;

/**
 * The structure of a {@link TruthAutomaton} as a learner automaton over a corpus: one state per
 * truth state, one edge per truth edge (one Gaussian each), the chosen words put on their path if
 * the truth parses them, and every other word left unmatched for the noise model. Searching from it
 * tells whether a learned automaton that differs from the truth is cheaper (the objective prefers
 * it) or dearer (the search missed the truth). Which words to put on the path is a choice: only
 * those the noise injector left alone (a noisy word that happens to parse puts foreign values on
 * the truth's laws), or all it parses (a noisy word left out pays the noise code); the benchmark
 * tries both.
 */
public final class TruthStart {
  private TruthStart() {
  }

  /** @param onPath whether a corpus word (index) goes on the truth's path when it parses */
  public static LearnAutomaton of(TruthAutomaton t, Corpus corpus, IntPredicate onPath) {
    LearnAutomaton a = new LearnAutomaton(corpus);
    int[] state = new int[t.states()];
    state[0] = LearnAutomaton.INITIAL;
    state[t.end()] = LearnAutomaton.END;
    for (int q = 1; q < t.end(); q++) {
      state[q] = a.newState();
    }
    Map<Long, Integer> edges = new HashMap<>();
    for (TruthAutomaton.Edge e : t.edges()) {
      int symbol = e.symbol().equals(Corpus.END) ? Corpus.END_SYMBOL : corpus.symbolId(e.symbol());
      if (symbol < 0) {
        continue;
      }
      int id = a.newEdge(state[e.source()], state[e.target()], symbol, a.newFamily());
      edges.put(((long) state[e.source()] << 32) | symbol, id);
    }
    for (int w = 0; w < corpus.size(); w++) {
      int[] path = new int[corpus.length(w)];
      int q = LearnAutomaton.INITIAL;
      boolean parsed = onPath.test(w);
      for (int i = 0; i < path.length && parsed; i++) {
        Integer e = edges.get(((long) q << 32) | corpus.symbol(w, i));
        parsed = e != null;
        if (parsed) {
          path[i] = e;
          q = a.edge(e).target();
        }
      }
      if (parsed && q == LearnAutomaton.END) {
        for (int i = 0; i < path.length; i++) {
          a.addOccurrence(w, i, path[i]);
        }
      } else {
        a.unmatch(w);
      }
    }
    for (int id = 0; id < a.edgeSlots(); id++) {
      if (a.edge(id).alive() && a.edge(id).count() == 0) {
        a.killEdge(id);
      }
    }
    return a;
  }
}
