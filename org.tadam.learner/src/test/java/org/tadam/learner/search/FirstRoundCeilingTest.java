package org.tadam.learner.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tadam.learner.automaton.LearnAutomaton;
import org.tadam.learner.noise.NoiseEm;
import org.tadam.learner.noise.NoiseKind;
import org.tadam.learner.noise.WordCode;
import org.tadam.learner.ops.Operation;
import org.tadam.learner.ops.SplitEdge;
import org.tadam.learner.truth.TruthAutomaton;

/**
 * The first EM round aligned under a ceiling from the first-round costs of the automaton before a
 * candidate ({@link Scorer#firstRoundByWord}) gives the cost without one, every word's code and
 * operation counts included, for those costs, for costs a little or much too low, and for random
 * ones.
 */
class FirstRoundCeilingTest {

  @Test
  void theCeilingOfTheFirstRoundChangesNoCost() {
    List<Set<NoiseKind>> kindSets = List.of(EnumSet.allOf(NoiseKind.class),
        EnumSet.of(NoiseKind.MISSING, NoiseKind.SPURIOUS));
    TruthAutomaton[] truths = {TruthAutomaton.tcpSession(), TruthAutomaton.requestResponse()};
    int guided = 0;
    for (int seed = 0; seed < 6; seed++) {
      Scorer scorer = new Scorer(kindSets.get(seed % kindSets.size()));
      LearnAutomaton a = Fixtures.committedBigram(truths[seed % 2], 60, 0.15, seed);
      Random random = new Random(seed);
      SplitEdge.Proposals proposals = new SplitEdge.Proposals(42);
      for (int step = 0; step < 8; step++) {
        List<Operation> ops = Fixtures.allCandidates(a, proposals);
        if (ops.isEmpty()) {
          break;
        }
        double[] first = Scorer.firstRoundByWord(scorer.cost(a), a.corpus().size());
        double[][] guesses = {first, shifted(first, -1e-3), shifted(first, -3),
            noise(first, random), new double[a.corpus().size()]};
        int mark = a.mark();
        for (int k = 0; k < 4; k++) {
          ops.get(random.nextInt(ops.size())).apply(a);
          Scorer.Cost exact = scorer.cost(a);
          for (double[] g : guesses) {
            same(exact, scorer.costBelow(a, Double.POSITIVE_INFINITY, g, () -> false),
                "seed " + seed + " step " + step);
          }
          guided += a.unmatched().size();
          a.rollback(mark);
        }
        a.commit();
        ops.get(random.nextInt(ops.size())).apply(a);
      }
    }
    assertTrue(guided > 200, "too few unparsed words: " + guided);
  }

  private static double[] shifted(double[] bits, double by) {
    double[] s = bits.clone();
    for (int i = 0; i < s.length; i++) {
      s[i] += by;
    }
    return s;
  }

  private static double[] noise(double[] bits, Random random) {
    double[] s = bits.clone();
    for (int i = 0; i < s.length; i++) {
      s[i] = s[i] < Double.POSITIVE_INFINITY ? s[i] * (0.5 + random.nextDouble())
          : 200 * random.nextDouble();
    }
    return s;
  }

  private static void same(Scorer.Cost exact, Scorer.Cost c, String where) {
    assertEquals(exact.modelBits(), c.modelBits(), where);
    assertEquals(exact.dataBits(), c.dataBits(), where);
    assertEquals(exact.unmatched(), c.unmatched(), where);
    NoiseEm.Outcome x = exact.noise();
    NoiseEm.Outcome y = c.noise();
    assertEquals(x.rates(), y.rates(), where);
    assertEquals(x.corrected(), y.corrected(), where);
    assertEquals(x.uncorrected(), y.uncorrected(), where);
    assertArrayEquals(x.firstRound(), y.firstRound(), where);
    for (int i = 0; i < x.words().length; i++) {
      WordCode.Result p = x.words()[i];
      WordCode.Result q = y.words()[i];
      assertEquals(p.bits(), q.bits(), where + " word " + i);
      assertEquals(p.status(), q.status(), where + " word " + i);
      assertArrayEquals(p.operations(), q.operations(), where + " word " + i);
    }
    assertTrue(Arrays.stream(x.firstRound()).allMatch(b -> b >= 0), where);
  }
}
