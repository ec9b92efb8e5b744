package org.tadam.learner.ops;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.tadam.learner.automaton.Edge;
import org.tadam.learner.automaton.LearnAutomaton;

/**
 * Delete a sub-part (Part A §1.7 d): every word through the edge leaves the automaton (its letters
 * are taken off their edges); edges and states left without letters disappear. The words are then
 * charged by the noise alignment or explicitly — how TADAM explains noisy traces away.
 */
public record DeleteSubpart(int edge) implements Operation {

  @Override
  public void apply(LearnAutomaton a) {
    Edge e = a.edge(edge);
    // bit sets, not sorted sets of boxed ids: the same increasing order, and a deletion candidate
    // can take thousands of words off (each candidate of every iteration)
    BitSet words = new BitSet(a.corpus().size());
    for (int i = 0; i < e.occurrenceCount(); i++) {
      words.set(Edge.word(e.occurrence(i)));
    }
    takeOff(a, words);
  }

  /**
   * Takes the words off the automaton: their letters leave their edges, they become unmatched,
   * and the edges and states left without letters disappear.
   */
  static void takeOff(LearnAutomaton a, BitSet words) {
    BitSet touched = new BitSet(a.edgeSlots());
    for (int w = words.nextSetBit(0); w >= 0; w = words.nextSetBit(w + 1)) {
      for (int j = 0; j < a.corpus().length(w); j++) {
        touched.set(a.edgeAt(w, j));
        a.removeOccurrence(w, j);
      }
      a.unmatch(w);
    }
    BitSet states = new BitSet(a.stateSlots());
    for (int id = touched.nextSetBit(0); id >= 0; id = touched.nextSetBit(id + 1)) {
      Edge t = a.edge(id);
      if (t.occurrenceCount() == 0) {
        states.set(t.source());
        states.set(t.target());
        a.killEdge(id);
      }
    }
    for (int q = states.nextSetBit(0); q >= 0; q = states.nextSetBit(q + 1)) {
      if (q != LearnAutomaton.INITIAL && q != LearnAutomaton.END && a.stateAlive(q)
          && a.in(q).size() == 0 && a.out(q).size() == 0) {
        a.killState(q);
      }
    }
  }

  @Override
  public String describe() {
    return "delete " + edge;
  }

  /**
   * Edges used by at most {@code maxFraction} of the words (weighted), except the only edge out of the
   * initial state, edges inside a linear chain (deleting the next edge is the same), and edges
   * every matched word uses (the automaton would lose its last word).
   */
  public static List<Operation> candidates(LearnAutomaton a, double maxFraction) {
    return candidates(a, maxFraction, 0);
  }

  /**
   * As {@link #candidates(LearnAutomaton, double)}, without the edges whose deletion would leave
   * less than {@code minCoverage} of the corpus weight matched (every word through an edge is
   * matched, so the deletion unmatches exactly the edge's words).
   */
  public static List<Operation> candidates(LearnAutomaton a, double maxFraction, double minCoverage) {
    List<Operation> ops = new ArrayList<>();
    long matched = matchedWeight(a);
    long floor = coverageFloor(a, minCoverage);
    for (int id = 0; id < a.edgeSlots(); id++) {
      if (a.edge(id).alive() && allowed(a, id, maxFraction, matched, floor)) {
        ops.add(new DeleteSubpart(id));
      }
    }
    return ops;
  }

  /** The least matched weight a share {@code minCoverage} of the corpus asks for. */
  public static long coverageFloor(LearnAutomaton a, double minCoverage) {
    return (long) Math.ceil(minCoverage * a.corpus().totalWeight() - 1e-9);
  }

  /**
   * Whether deleting edge {@code id} is a candidate (see {@link #candidates}) that keeps at least
   * {@code floor} of the weight matched.
   */
  static boolean allowed(LearnAutomaton a, int id, double maxFraction, long matchedWeight, long floor) {
    Edge e = a.edge(id);
    if (e.source() == LearnAutomaton.INITIAL && a.out(LearnAutomaton.INITIAL).size() == 1) {
      return false;
    }
    if (a.in(e.source()).size() == 1 && a.out(e.source()).size() == 1
        && e.source() != LearnAutomaton.INITIAL) {
      return false;
    }
    // words against words: an edge's count is its letters, and a loop carries many letters per
    // word, so comparing it with the number of words kept every loop from ever being deleted
    long words = wordWeight(a, e);
    return words <= maxFraction * a.corpus().totalWeight() && words < matchedWeight
        && matchedWeight - words >= floor;
  }

  /** Weight of the words the automaton still parses. */
  public static long matchedWeight(LearnAutomaton a) {
    long matched = a.corpus().totalWeight();
    for (int w : a.unmatched()) {
      matched -= a.corpus().weight(w);
    }
    return matched;
  }

  /** The weight of the words through e, each counted once (a bit per corpus word, not a boxed set). */
  private static long wordWeight(LearnAutomaton a, Edge e) {
    BitSet words = new BitSet(a.corpus().size());
    long weight = 0;
    for (int i = 0; i < e.occurrenceCount(); i++) {
      int w = Edge.word(e.occurrence(i));
      if (!words.get(w)) {
        words.set(w);
        weight += a.corpus().weight(w);
      }
    }
    return weight;
  }
}
