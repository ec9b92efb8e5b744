package org.tadam.learner.automaton;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tadam.learner.ops.Operation;
import org.tadam.learner.ops.SplitEdge;
import org.tadam.learner.search.Fixtures;
import org.tadam.learner.truth.TruthAutomaton;

/**
 * The list of unparsed words an automaton keeps between changes ({@link LearnAutomaton#unmatched})
 * against the words whose letters are on no edge, through operations tried and rolled back or
 * applied, and in replicas; a list handed out earlier does not change with the automaton.
 */
class UnmatchedListTest {

  @Test
  void keptListIsTheWordsOffTheAutomaton() {
    TruthAutomaton[] truths = {TruthAutomaton.tcpSession(), TruthAutomaton.requestResponse()};
    for (int seed = 0; seed < 4; seed++) {
      LearnAutomaton a = Fixtures.committedBigram(truths[seed % 2], 60, 0.15, seed);
      Random random = new Random(seed);
      SplitEdge.Proposals proposals = new SplitEdge.Proposals(42);
      check(a);
      for (int step = 0; step < 12; step++) {
        List<Operation> ops = Fixtures.allCandidates(a, proposals);
        if (ops.isEmpty()) {
          break;
        }
        List<Integer> before = a.unmatched();
        List<Integer> copy = new ArrayList<>(before);
        int mark = a.mark();
        for (int k = 0; k < 3; k++) {
          ops.get(random.nextInt(ops.size())).apply(a);
          check(a);
          a.rollback(mark);
          check(a);
          assertEquals(copy, a.unmatched());
        }
        a.commit();
        ops.get(random.nextInt(ops.size())).apply(a);
        check(a);
        check(new LearnAutomaton(a));
        assertEquals(copy, before, "a list handed out changed");
      }
    }
  }

  private static void check(LearnAutomaton a) {
    List<Integer> off = new ArrayList<>();
    for (int w = 0; w < a.corpus().size(); w++) {
      if (a.edgeAt(w, 0) < 0) {
        off.add(w);
      }
      assertEquals(a.edgeAt(w, 0) >= 0, a.matched(w), "word " + w);
    }
    assertEquals(off, a.unmatched());
  }
}
