package org.tadam.learner.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tadam.learner.automaton.Corpus;
import org.tadam.learner.automaton.LearnAutomaton;
import org.tadam.learner.init.InitialAutomaton;
import org.tadam.learner.noise.NoiseKind;
import org.tadam.learner.truth.TruthAutomaton;

/**
 * The search takes the same operations, at the same costs to the bit, however many workers score
 * the candidates: the exact scoring of a batch skips a candidate once another worker found a cost
 * it provably cannot reach, and which worker finds it first must not matter.
 */
class SearchThreadsTest {
  private static final Scorer SCORER = new Scorer(EnumSet.allOf(NoiseKind.class));

  @Test
  void oneAndThreeWorkersApplyTheSameOperations() {
    Corpus corpus = Fixtures.corpus(Fixtures.samples(TruthAutomaton.tcpSession(), 120, 0.05, 7));
    List<String> one = steps(corpus, 1);
    List<String> three = steps(corpus, 3);
    assertTrue(one.size() > 3, "too few operations to compare: " + one);
    assertEquals(one, three);
  }

  private static List<String> steps(Corpus corpus, int threads) {
    LearnAutomaton a = InitialAutomaton.bigram(corpus);
    a.commit();
    List<String> steps = new ArrayList<>();
    new GreedySearch(new SearchOptions(threads, Integer.MAX_VALUE, 0.25, true, true, true, true, 8, 0),
        SCORER, (i, bits, op, n) -> steps.add(i + " " + op + " " + Double.doubleToLongBits(bits) + " " + n),
        () -> false, 42).run(a);
    return steps;
  }
}
