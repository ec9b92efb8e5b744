package org.tadam.learner.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tadam.learner.automaton.Corpus;
import org.tadam.learner.automaton.LearnAutomaton;
import org.tadam.learner.init.InitialAutomaton;
import org.tadam.learner.noise.NoiseKind;
import org.tadam.learner.ops.Operation;
import org.tadam.learner.truth.TruthAutomaton;

/**
 * Screening ranks candidates by an estimate, but the search must still end only where no
 * candidate lowers the exact cost, and must end no worse than scoring every candidate exactly
 * would on these small corpora.
 */
class ScreeningTest {
  private static final Scorer SCORER = new Scorer(EnumSet.allOf(NoiseKind.class));

  @Test
  void searchWithScreeningEndsAtAnExactLocalOptimum() {
    TruthAutomaton[] truths = {TruthAutomaton.tcpSession(), TruthAutomaton.requestResponse()};
    for (int seed = 0; seed < 2; seed++) {
      Corpus corpus = Fixtures.corpus(Fixtures.samples(truths[seed], 120, 0.05, seed));
      LearnAutomaton screened = run(corpus, 2);
      GreedySearch probe = search(2);
      Scorer.Cost end = SCORER.cost(screened);
      int mark = screened.mark();
      List<Operation> candidates = probe.candidates(screened, end);
      for (Operation op : candidates) {
        op.apply(screened);
        double c = SCORER.cost(screened).total();
        screened.rollback(mark);
        assertTrue(c >= end.total() - 1e-6,
            op.describe() + " still lowers the cost: " + c + " < " + end.total());
      }
      screened.commit();
      double exhaustive = SCORER.cost(run(corpus, 0)).total();
      assertTrue(end.total() <= exhaustive * 1.01,
          "screened search ends at " + end.total() + ", exhaustive at " + exhaustive);
    }
  }

  @Test
  void screeningAnAutomatonAgainstItsOwnCostChangesNothingButTheEmRounds() {
    Corpus corpus = Fixtures.corpus(Fixtures.samples(TruthAutomaton.tcpSession(), 80, 0.1, 3));
    LearnAutomaton a = InitialAutomaton.bigram(corpus);
    a.commit();
    Scorer.Cost exact = SCORER.cost(a);
    Scorer.Cost screen = SCORER.screen(a, exact, () -> false);
    // the same words, each keeping its code; only the rates' re-estimation after the last round
    // may differ, and the exact EM keeps the better round
    assertEquals(exact.unmatched(), screen.unmatched());
    assertEquals(exact.noise().corrected(), screen.noise().corrected());
    assertEquals(exact.noise().uncorrected(), screen.noise().uncorrected());
    assertEquals(exact.total(), screen.total(), 1e-6);
  }

  private static LearnAutomaton run(Corpus corpus, int exactCandidates) {
    LearnAutomaton a = InitialAutomaton.bigram(corpus);
    a.commit();
    search(exactCandidates).run(a);
    return a;
  }

  private static GreedySearch search(int exactCandidates) {
    return new GreedySearch(new SearchOptions(1, Integer.MAX_VALUE, 0.25, true, true, true, true,
        exactCandidates, 0), SCORER, ProgressListener.NONE, () -> false, 42);
  }
}
