package org.tadam.learner.init;

import java.util.HashMap;
import java.util.Map;
import org.tadam.learner.automaton.Corpus;
import org.tadam.learner.automaton.LearnAutomaton;

/** The starting automata of the search (Part A §1.4). */
public final class InitialAutomaton {
  private InitialAutomaton() {
  }

  /**
   * The symbol-bigram automaton ("STATE_SYMBOL", the default, what Fos-R uses): the state after a
   * letter is determined by its symbol alone, so edges are the observed symbol bigrams; {@code $}
   * leads into the single end state.
   */
  public static LearnAutomaton bigram(Corpus corpus) {
    LearnAutomaton a = new LearnAutomaton(corpus);
    int[] stateOf = new int[corpus.alphabet().size()];
    stateOf[Corpus.END_SYMBOL] = LearnAutomaton.END;
    for (int s = 1; s < stateOf.length; s++) {
      stateOf[s] = a.newState();
    }
    Map<Long, Integer> edges = new HashMap<>();
    for (int w = 0; w < corpus.size(); w++) {
      int q = LearnAutomaton.INITIAL;
      for (int i = 0; i < corpus.length(w); i++) {
        int s = corpus.symbol(w, i);
        int t = stateOf[s];
        q = step(a, edges, w, i, q, t, s);
      }
    }
    return a;
  }

  /** The prefix-tree acceptor: one state per distinct symbol prefix; {@code $} into the end state. */
  public static LearnAutomaton prefixTree(Corpus corpus) {
    LearnAutomaton a = new LearnAutomaton(corpus);
    Map<Long, Integer> edges = new HashMap<>();
    Map<Long, Integer> child = new HashMap<>();
    for (int w = 0; w < corpus.size(); w++) {
      int q = LearnAutomaton.INITIAL;
      for (int i = 0; i < corpus.length(w); i++) {
        int s = corpus.symbol(w, i);
        int t;
        if (s == Corpus.END_SYMBOL) {
          t = LearnAutomaton.END;
        } else {
          long key = ((long) q << 32) | s;
          Integer c = child.get(key);
          if (c == null) {
            c = a.newState();
            child.put(key, c);
          }
          t = c;
        }
        q = step(a, edges, w, i, q, t, s);
      }
    }
    return a;
  }

  private static int step(LearnAutomaton a, Map<Long, Integer> edges, int w, int i, int q, int t,
      int s) {
    long key = ((long) q << 32) | s;
    Integer e = edges.get(key);
    if (e == null) {
      e = a.newEdge(q, t, s, a.newFamily());
      edges.put(key, e);
    }
    a.addOccurrence(w, i, e);
    return t;
  }
}
