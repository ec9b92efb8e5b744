package org.tadam.learner.ops;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import org.tadam.learner.automaton.Edge;
import org.tadam.learner.automaton.IntList;
import org.tadam.learner.automaton.LearnAutomaton;

/**
 * State merging with recursive determinisation: after two states become one, out-edges with the
 * same symbol but different targets force their targets to merge, and parallel edges of different
 * families are merged into one edge. Parallel variants of one family (made by an edge split) stay
 * apart, unlike the reference whose overlap test re-merges them.
 */
public final class Determiniser {
  private Determiniser() {
  }

  /** Merges state y into x (or x into y: the smaller id is kept) and determinises; returns the kept state. */
  public static int merge(LearnAutomaton a, int x, int y) {
    int kept = redirect(a, x, y);
    Deque<Integer> work = new ArrayDeque<>();
    work.push(kept);
    // the first out-edge of each symbol while a state is searched for a clash (−1: none)
    int[] firstOf = new int[a.corpus().alphabet().size()];
    Arrays.fill(firstOf, -1);
    while (!work.isEmpty()) {
      int q = work.pop();
      if (!a.stateAlive(q)) {
        continue;
      }
      int[] clash = findClash(a, q, firstOf);
      if (clash == null) {
        continue;
      }
      Edge e1 = a.edge(clash[0]);
      Edge e2 = a.edge(clash[1]);
      if (e1.target() != e2.target()) {
        int k = redirect(a, e1.target(), e2.target());
        work.push(k);
        if (a.stateAlive(q)) {
          work.push(q);
        }
      } else {
        mergeFamilies(a, q, e1, e2);
        work.push(q);
      }
    }
    return kept;
  }

  private static int redirect(LearnAutomaton a, int x, int y) {
    int kept = Math.min(x, y);
    int gone = Math.max(x, y);
    a.redirectState(gone, kept);
    a.killState(gone);
    return kept;
  }

  /**
   * Two out-edges with one symbol that are not variants of one family into one target; firstOf
   * (all −1) is left as it was found.
   */
  private static int[] findClash(LearnAutomaton a, int q, int[] firstOf) {
    IntList out = a.out(q);
    int[] clash = null;
    int seen = 0;
    for (; seen < out.size() && clash == null; seen++) {
      Edge e = a.edge(out.get(seen));
      int f = firstOf[e.symbol()];
      if (f < 0) {
        firstOf[e.symbol()] = e.id();
      } else {
        Edge o = a.edge(f);
        if (o.target() != e.target() || o.family() != e.family()) {
          clash = new int[] {o.id(), e.id()};
        }
      }
    }
    for (int j = 0; j < seen; j++) {
      firstOf[a.edge(out.get(j)).symbol()] = -1;
    }
    return clash;
  }

  /** Merges every edge of both families (same source, symbol, target) into the lowest-id one. */
  private static void mergeFamilies(LearnAutomaton a, int q, Edge e1, Edge e2) {
    int f1 = e1.family();
    int f2 = e2.family();
    IntList out = a.out(q);
    int keep = -1;
    int[] ids = out.toArray();
    for (int id : ids) {
      Edge e = a.edge(id);
      if (e.symbol() == e1.symbol() && e.target() == e1.target()
          && (e.family() == f1 || e.family() == f2)) {
        if (keep < 0) {
          keep = id;
          a.setFamily(id, Math.min(f1, f2));
        } else {
          a.moveAllOccurrences(e.id(), keep);
          a.killEdge(id);
        }
      }
    }
  }
}
