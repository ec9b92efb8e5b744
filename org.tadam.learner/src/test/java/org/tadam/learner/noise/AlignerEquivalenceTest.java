package org.tadam.learner.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The aligner, which visits only the finite cells of a column and skips dominated sources of the
 * deletion closure, against {@link ReferenceAligner}, the dense programme over all states it
 * replaced: the same bits (bit for bit) and the same operation counts on random graphs, words,
 * rates and noise kinds, with many exact ties.
 */
class AlignerEquivalenceTest {
  @Test
  void sameBitsAndOperationsAsTheDenseProgramme() {
    int aligned = 0;
    int pruned = 0;
    for (int seed = 0; seed < 300; seed++) {
      Random rnd = new Random(seed);
      RandomGraph g = new RandomGraph(rnd, 2 + rnd.nextInt(30), rnd.nextInt(60), 2 + rnd.nextInt(5));
      Set<NoiseKind> kinds = RandomGraph.kinds(rnd);
      AlignmentRates rates = rates(rnd);
      Aligner fast = new Aligner(g, rates, kinds);
      ReferenceAligner dense = new ReferenceAligner(g, rates, kinds);
      for (int w = 0; w < 20; w++) {
        int length = 1 + rnd.nextInt(rnd.nextBoolean() ? 8 : 80);
        int[] symbols = g.word(rnd, length);
        int[][] values = RandomGraph.values(rnd, length);
        ReferenceAligner.Result expected = dense.align(symbols, values);
        Aligner.Result actual = fast.align(symbols, values);
        String where = "seed " + seed + " word " + w;
        assertEquals(expected.bits(), actual.bits(), where);
        assertArrayEquals(expected.operations(), actual.operations(), where);
        if (actual.aligned()) {
          aligned++;
          if (length > 40) {
            pruned++;
          }
        }
      }
    }
    // the cases compared are not all trivial: many words align, long ones included
    assertTrue(aligned > 2000 && pruned > 500, aligned + " aligned, " + pruned + " long");
  }

  /** Powers of two (round codes, so ties) or arbitrary rates (rounding). */
  private static AlignmentRates rates(Random rnd) {
    if (rnd.nextBoolean()) {
      double noise = 1.0 / (8 << rnd.nextInt(3));
      return new AlignmentRates(1 - 4 * noise, noise, noise, noise, noise);
    }
    return RandomGraph.rates(rnd);
  }
}
