package org.tadam.learner.ops;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
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
    while (!work.isEmpty()) {
      int q = work.pop();
      if (!a.stateAlive(q)) {
        continue;
      }
      int[] clash = findClash(a, q);
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

  /** Two out-edges with one symbol that are not variants of one family into one target. */
  private static int[] findClash(LearnAutomaton a, int q) {
    IntList out = a.out(q);
    Map<Integer, Integer> first = new HashMap<>();
    for (int j = 0; j < out.size(); j++) {
      Edge e = a.edge(out.get(j));
      Integer f = first.putIfAbsent(e.symbol(), e.id());
      if (f != null) {
        Edge o = a.edge(f);
        if (o.target() != e.target() || o.family() != e.family()) {
          return new int[] {o.id(), e.id()};
        }
      }
    }
    return null;
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
          moveAll(a, e, keep);
          a.killEdge(id);
        }
      }
    }
  }

  static void moveAll(LearnAutomaton a, Edge from, int to) {
    a.moveAllOccurrences(from.id(), to);
  }
}
