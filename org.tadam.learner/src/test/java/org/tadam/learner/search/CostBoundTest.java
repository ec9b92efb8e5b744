package org.tadam.learner.search;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tadam.learner.automaton.Corpus;
import org.tadam.learner.automaton.LearnAutomaton;
import org.tadam.learner.mdl.DataCodes;
import org.tadam.learner.noise.Aligner;
import org.tadam.learner.noise.AlignmentRates;
import org.tadam.learner.noise.WordCode;
import org.tadam.learner.noise.NoiseKind;
import org.tadam.learner.ops.Operation;
import org.tadam.learner.ops.SplitEdge;
import org.tadam.learner.truth.TruthAutomaton;

/**
 * The lower bound by which the search skips exact costs never exceeds the exact cost, on noisy
 * corpora after random operations (deletions leave many words unparsed), for several noise-kind
 * sets; and costBelow gives the exact cost whenever it is below the limit.
 */
class CostBoundTest {

  @Test
  void boundNeverExceedsTheExactCost() {
    List<Set<NoiseKind>> kindSets = List.of(EnumSet.allOf(NoiseKind.class),
        EnumSet.of(NoiseKind.MISSING, NoiseKind.SWAPPED), EnumSet.noneOf(NoiseKind.class));
    TruthAutomaton[] truths = {TruthAutomaton.tcpSession(), TruthAutomaton.requestResponse(),
        TruthAutomaton.udpQuery()};
    int unparsed = 0;
    for (int seed = 0; seed < 6; seed++) {
      Scorer scorer = new Scorer(kindSets.get(seed % kindSets.size()));
      LearnAutomaton a = Fixtures.committedBigram(truths[seed % 3], 60, 0.15, seed);
      Random random = new Random(seed);
      SplitEdge.Proposals proposals = new SplitEdge.Proposals(42);
      for (int step = 0; step < 10; step++) {
        List<Operation> ops = Fixtures.allCandidates(a, proposals);
        if (ops.isEmpty()) {
          break;
        }
        ops.get(random.nextInt(ops.size())).apply(a);
        double exact = scorer.cost(a).total();
        double bound = scorer.lowerBound(a);
        assertTrue(bound <= exact, "seed " + seed + " step " + step + ": " + bound + " > " + exact);
        assertNotNull(scorer.costBelow(a, exact + 1e-6, () -> false));
        assertNull(scorer.costBelow(a, bound - 1, () -> false));
        unparsed += a.unmatched().size();
        checkWords(a, scorer.kinds());
      }
    }
    assertTrue(unparsed > 100, "too few unparsed words to test the bound: " + unparsed);
  }

  /**
   * Each unparsed word's bound against its code under the extreme rates the EM can reach (one noise
   * kind at the 1/4 its floor allows, where that kind costs exactly the 2 bits the bound assumes).
   */
  private static void checkWords(LearnAutomaton a, Set<NoiseKind> kinds) {
    Corpus c = a.corpus();
    AutomatonView view = new AutomatonView(a, DataCodes.MATCHED_FLOOR);
    double tiny = 1e-9;
    double rest = 0.75 - 3 * tiny;
    List<AlignmentRates> extremes = List.of(new AlignmentRates(0.75, 0.25, tiny, tiny, tiny),
        new AlignmentRates(0.75, tiny, 0.25, tiny, tiny),
        new AlignmentRates(0.75, tiny, tiny, 0.25, tiny),
        new AlignmentRates(rest, tiny, tiny, tiny, 0.25));
    for (int w : a.unmatched()) {
      double[] letters = Aligner.letterBits(c.alphabet().size(), c.values(w));
      double explicit = WordCode.explicitBits(c.alphabet().size(), c.values(w));
      double bound = UnparsedBound.word(c.symbols(w), view.valueBits(c, w), view,
          kinds.contains(NoiseKind.DUPLICATED), letters, explicit);
      for (AlignmentRates r : extremes) {
        double code = new WordCode(view, r, kinds).of(c.symbols(w), c.values(w)).bits();
        assertTrue(bound <= code, "word " + w + " under " + r + ": " + bound + " > " + code);
      }
    }
  }
}
