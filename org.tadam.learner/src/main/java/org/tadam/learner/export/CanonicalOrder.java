package org.tadam.learner.export;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import org.tadam.learner.automaton.Edge;
import org.tadam.learner.automaton.IntList;
import org.tadam.learner.automaton.LearnAutomaton;

/**
 * The order in which a learned automaton is written, independent of internal ids: states in
 * breadth-first order from the initial state (out-edges visited by symbol, then mean), the end
 * state last; edges by source, symbol, target and mean. Same automaton ⇒ same text.
 */
final class CanonicalOrder {
  private CanonicalOrder() {
  }

  /** BFS numbering from the initial state, the end state last; fills the edges in output order. */
  static int[] numberStates(LearnAutomaton a, List<Edge> ordered) {
    int[] number = new int[a.stateSlots()];
    Arrays.fill(number, -1);
    Deque<Integer> queue = new ArrayDeque<>();
    int next = 0;
    number[LearnAutomaton.INITIAL] = next++;
    queue.add(LearnAutomaton.INITIAL);
    List<String> alphabet = a.corpus().alphabet();
    List<Integer> visited = new ArrayList<>();
    while (!queue.isEmpty()) {
      int q = queue.poll();
      visited.add(q);
      for (Edge e : sortedOut(a, q, alphabet)) {
        int t = e.target();
        if (number[t] < 0 && t != LearnAutomaton.END) {
          number[t] = next++;
          queue.add(t);
        }
      }
    }
    number[LearnAutomaton.END] = next++;
    for (int q = 0; q < a.stateSlots(); q++) {
      if (a.stateAlive(q) && number[q] < 0) {
        // unreachable states cannot occur (every state carries words from the initial state)
        number[q] = next++;
        visited.add(q);
      }
    }
    visited.sort(Comparator.comparingInt(q -> number[q]));
    for (int q : visited) {
      List<Edge> out = sortedOut(a, q, alphabet);
      out.sort(Comparator.<Edge, String>comparing(e -> alphabet.get(e.symbol()))
          .thenComparingInt(e -> number[e.target()])
          .thenComparingDouble(e -> e.gaussian().mean()[0])
          .thenComparingDouble(e -> e.gaussian().mean()[e.gaussian().dimension() - 1])
          .thenComparingLong(e -> -e.count()));
      ordered.addAll(out);
    }
    return number;
  }

  private static List<Edge> sortedOut(LearnAutomaton a, int q, List<String> alphabet) {
    List<Edge> out = new ArrayList<>();
    IntList ids = a.out(q);
    for (int j = 0; j < ids.size(); j++) {
      out.add(a.edge(ids.get(j)));
    }
    out.sort(Comparator.<Edge, String>comparing(e -> alphabet.get(e.symbol()))
        .thenComparingDouble(e -> e.gaussian().mean()[0])
        .thenComparingDouble(e -> e.gaussian().mean()[e.gaussian().dimension() - 1])
        .thenComparingLong(e -> -e.count()));
    return out;
  }

}
