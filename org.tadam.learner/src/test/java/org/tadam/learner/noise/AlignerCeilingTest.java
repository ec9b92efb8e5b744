package org.tadam.learner.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Aligning under a ceiling against aligning without one: the same bits and operation counts
 * whenever the alignment costs at most the ceiling, more than the ceiling otherwise; a word's code
 * with an expected cost the same as without; and the repricing of an alignment under new rates
 * the cost of the same operations under them.
 */
class AlignerCeilingTest {
  private static final double[] OFFSETS = {-5, -1e-3, 0, 1e-9, 1e-3, 0.5, 4, 40};

  @Test
  void theAlignmentWithinTheCeilingIsTheOneWithout() {
    int within = 0;
    int above = 0;
    for (int seed = 0; seed < 200; seed++) {
      Random rnd = new Random(seed);
      RandomGraph g = new RandomGraph(rnd, 2 + rnd.nextInt(30), rnd.nextInt(60), 2 + rnd.nextInt(5));
      Set<NoiseKind> kinds = RandomGraph.kinds(rnd);
      Aligner aligner = new Aligner(g, RandomGraph.rates(rnd), kinds);
      for (int w = 0; w < 20; w++) {
        int length = 1 + rnd.nextInt(rnd.nextBoolean() ? 8 : 60);
        int[] symbols = g.word(rnd, length);
        int[][] values = RandomGraph.values(rnd, length);
        double[][] vb = Aligner.valueBits(g, symbols, values);
        double[] letters = Aligner.letterBits(g.alphabetSize(), values);
        Aligner.Result free = aligner.align(symbols, values, vb, letters);
        double base = free.aligned() ? free.bits() : 100 * length;
        for (double offset : OFFSETS) {
          double ceiling = base + offset;
          Aligner.Result capped = aligner.align(symbols, values, vb, letters, ceiling);
          String where = "seed " + seed + " word " + w + " ceiling " + ceiling;
          if (free.bits() <= ceiling) {
            assertEquals(free.bits(), capped.bits(), where);
            assertArrayEquals(free.operations(), capped.operations(), where);
            within++;
          } else {
            assertTrue(capped.bits() > ceiling, where + ": " + capped.bits());
            above++;
          }
        }
        // the scratch space a capped alignment leaves does not change the next free one
        Aligner.Result again = aligner.align(symbols, values, vb, letters);
        assertEquals(free.bits(), again.bits());
        assertArrayEquals(free.operations(), again.operations());
      }
    }
    assertTrue(within > 5000 && above > 3000, within + " within, " + above + " above");
  }

  @Test
  void aWordsCodeDoesNotDependOnTheExpectedCost() {
    for (int seed = 0; seed < 100; seed++) {
      Random rnd = new Random(seed);
      RandomGraph g = new RandomGraph(rnd, 2 + rnd.nextInt(20), rnd.nextInt(40), 2 + rnd.nextInt(5));
      WordCode code = new WordCode(g, RandomGraph.rates(rnd), RandomGraph.kinds(rnd));
      for (int w = 0; w < 20; w++) {
        int length = 1 + rnd.nextInt(30);
        int[] symbols = g.word(rnd, length);
        int[][] values = RandomGraph.values(rnd, length);
        double[][] vb = Aligner.valueBits(g, symbols, values);
        double explicit = WordCode.explicitBits(g.alphabetSize(), values);
        WordCode.Result free = code.unparsed(symbols, values, vb, null, explicit);
        for (double expected : new double[] {0, free.bits() - 1, free.bits(), free.bits() + 2,
            explicit + 1, Double.POSITIVE_INFINITY}) {
          WordCode.Result r = code.unparsed(symbols, values, vb, null, explicit, expected);
          String where = "seed " + seed + " word " + w + " expected " + expected;
          assertEquals(free.bits(), r.bits(), where);
          assertEquals(free.status(), r.status(), where);
          assertArrayEquals(free.operations(), r.operations(), where);
        }
      }
    }
  }

  @Test
  void repricingGivesTheCostOfTheSameOperationsUnderNewRates() {
    int same = 0;
    for (int seed = 0; seed < 200; seed++) {
      Random rnd = new Random(seed);
      RandomGraph g = new RandomGraph(rnd, 2 + rnd.nextInt(20), rnd.nextInt(40), 2 + rnd.nextInt(5));
      Set<NoiseKind> kinds = EnumSet.allOf(NoiseKind.class);
      AlignmentRates before = RandomGraph.rates(rnd);
      AlignmentRates now = nudged(rnd, before);
      double[] shift = NoiseEm.shift(before, now);
      Aligner a = new Aligner(g, before, kinds);
      Aligner b = new Aligner(g, now, kinds);
      for (int w = 0; w < 20; w++) {
        int length = 1 + rnd.nextInt(20);
        int[] symbols = g.word(rnd, length);
        int[][] values = RandomGraph.values(rnd, length);
        Aligner.Result ra = a.align(symbols, values);
        Aligner.Result rb = b.align(symbols, values);
        if (ra.aligned() && java.util.Arrays.equals(ra.operations(), rb.operations())) {
          WordCode.Result last = new WordCode.Result(ra.bits(), WordCode.Status.CORRECTED,
              ra.operations());
          assertEquals(rb.bits(), NoiseEm.repriced(last, shift), 1e-5, "seed " + seed + " word " + w);
          same++;
        }
      }
      WordCode.Result explicit = new WordCode.Result(10, WordCode.Status.UNCORRECTED, new long[5]);
      assertEquals(Double.POSITIVE_INFINITY, NoiseEm.repriced(explicit, shift));
    }
    assertTrue(same > 1000, same + " words kept their operations");
  }

  /** Rates a few per cent away, as from one EM round to the next. */
  private static AlignmentRates nudged(Random rnd, AlignmentRates r) {
    double[] p = {r.transition(), r.missing(), r.spurious(), r.duplicated(), r.swapped()};
    double total = 0;
    for (int i = 0; i < 5; i++) {
      p[i] *= 1 + 0.1 * (rnd.nextDouble() - 0.5);
      total += p[i];
    }
    return new AlignmentRates(p[0] / total, p[1] / total, p[2] / total, p[3] / total,
        p[4] / total);
  }
}
