package org.tadam.learner.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tadam.learner.automaton.Corpus;
import org.tadam.learner.automaton.LearnAutomaton;
import org.tadam.learner.init.InitialAutomaton;
import org.tadam.learner.noise.NoiseKind;
import org.tadam.learner.ops.Operation;
import org.tadam.learner.ops.SplitEdge;
import org.tadam.learner.truth.TruthAutomaton;

/**
 * Property: after any sequence of operations, applied for good or tried and rolled back, the
 * incrementally maintained cost equals a full recomputation from the words' paths (to 1e-9 bits),
 * and a rollback restores the cost exactly; with Part B's value floor and with a much lower one.
 */
class IncrementalScoringTest {
  private static final Scorer PART_B = new Scorer(EnumSet.allOf(NoiseKind.class));
  private static final Scorer LOW_FLOOR = new Scorer(EnumSet.allOf(NoiseKind.class), 1e-9);

  @Test
  void randomOperationSequencesKeepIncrementalEqualToFull() {
    TruthAutomaton[] truths = {TruthAutomaton.tcpSession(), TruthAutomaton.requestResponse(),
        TruthAutomaton.udpQuery()};
    for (int seed = 0; seed < 6; seed++) {
      TruthAutomaton t = truths[seed % truths.length];
      Scorer scorer = seed < 3 ? PART_B : LOW_FLOOR;
      Corpus corpus = Fixtures.corpus(Fixtures.samples(t, 60, 0.05, seed));
      LearnAutomaton a = seed % 2 == 0 ? InitialAutomaton.bigram(corpus)
          : InitialAutomaton.prefixTree(corpus);
      a.commit();
      Random random = new Random(seed);
      SplitEdge.Proposals proposals = new SplitEdge.Proposals(42);
      check(scorer, a);
      for (int step = 0; step < 12; step++) {
        List<Operation> ops = Fixtures.allCandidates(a, proposals);
        if (ops.isEmpty()) {
          break;
        }
        double before = scorer.cost(a).total();
        // try a few candidates and roll them back
        for (int k = 0; k < 3; k++) {
          Operation tried = ops.get(random.nextInt(ops.size()));
          int mark = a.mark();
          tried.apply(a);
          check(scorer, a);
          a.rollback(mark);
          a.commit();
          assertEquals(before, scorer.cost(a).total(), 1e-9, "rollback of " + tried.describe());
          check(scorer, a);
        }
        Operation op = ops.get(random.nextInt(ops.size()));
        op.apply(a);
        check(scorer, a);
      }
    }
  }

  private static void check(Scorer scorer, LearnAutomaton a) {
    double incremental = scorer.cost(a).total();
    double full = scorer.fullCost(a).total();
    assertEquals(full, incremental, 1e-9);
    // a replica scores the same
    assertEquals(incremental, scorer.cost(new LearnAutomaton(a)).total(), 1e-9);
  }
}
