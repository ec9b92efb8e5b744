package org.tadam.learner.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tadam.learner.mdl.DataCodes;
import org.tadam.learner.mdl.UniversalCode;

/**
 * Alignment costs on hand-made noisy words over the chain 0 -a-> 1 -b-> 2 -c-> 3 -$-> 4 whose edges
 * all have probability 1 and values that cost nothing, so that every cost is a sum of operation
 * costs that can be written down.
 */
class AlignerTest {
  private static final int A = 1;
  private static final int B = 2;
  private static final int C = 3;
  private static final int END = 0;
  private static final AlignmentRates RATES = new AlignmentRates(0.8, 0.05, 0.05, 0.05, 0.05);
  private static final double TR = -UniversalCode.log2(0.8);
  private static final double NOISE = -UniversalCode.log2(0.05);

  /** A chain whose transitions and values are free (p̂ = 1, cell mass 1 for value [0]). */
  private static final AlignmentGraph CHAIN = new AlignmentGraph() {
    private final int[] sym = {A, B, C, END};

    @Override
    public int states() {
      return 5;
    }

    @Override
    public int initial() {
      return 0;
    }

    @Override
    public int end() {
      return 4;
    }

    @Override
    public int edges() {
      return 4;
    }

    @Override
    public int source(int edge) {
      return edge;
    }

    @Override
    public int target(int edge) {
      return edge + 1;
    }

    @Override
    public int symbol(int edge) {
      return sym[edge];
    }

    @Override
    public double transitionBits(int edge) {
      return 0;
    }

    @Override
    public double cellMass(int edge, int[] v) {
      // a value code of 0 bits for 0, 5 bits for anything else
      return v[0] == 0 ? 1 : 1.0 / 32;
    }

    @Override
    public double valueFloor() {
      return 1e-3;
    }

    @Override
    public int[] edgesWithSymbol(int symbol) {
      for (int e = 0; e < 4; e++) {
        if (sym[e] == symbol) {
          return new int[] {e};
        }
      }
      return new int[0];
    }

    @Override
    public int alphabetSize() {
      return 4;
    }
  };

  private static Aligner.Result align(Set<NoiseKind> kinds, int... symbols) {
    int[][] values = new int[symbols.length][];
    for (int i = 0; i < values.length; i++) {
      values[i] = new int[] {0};
    }
    return new Aligner(CHAIN, RATES, kinds).align(symbols, values);
  }

  private static final Set<NoiseKind> ALL = EnumSet.allOf(NoiseKind.class);

  @Test
  void cleanWordCostsOnlyTransitions() {
    Aligner.Result r = align(ALL, A, B, C, END);
    assertEquals(4 * TR, r.bits(), 1e-12);
    assertArrayEquals(new long[] {4, 0, 0, 0, 0}, r.operations());
  }

  @Test
  void missingLetterIsADeletionPath() {
    Aligner.Result r = align(ALL, A, C, END);
    assertEquals(3 * TR + NOISE, r.bits(), 1e-12);
    assertArrayEquals(new long[] {3, 1, 0, 0, 0}, r.operations());
  }

  @Test
  void spuriousLetterIsSkippedAndEncodedExplicitly() {
    Aligner.Result r = align(ALL, A, B, B, C, END);
    // a duplicated b is cheaper than a spurious b (no explicit encoding), so switch duplicates off
    Aligner.Result spurious = align(EnumSet.of(NoiseKind.SPURIOUS), A, B, B, C, END);
    double explicit = DataCodes.explicitLetterBits(4, new int[] {0});
    assertEquals(4 * TR + NOISE + explicit, spurious.bits(), 1e-12);
    assertArrayEquals(new long[] {4, 0, 1, 0, 0}, spurious.operations());
    assertEquals(4 * TR + NOISE, r.bits(), 1e-12);
    assertArrayEquals(new long[] {4, 0, 0, 1, 0}, r.operations());
  }

  @Test
  void swappedLettersAreOneTransposition() {
    Aligner.Result r = align(ALL, B, A, C, END);
    assertEquals(2 * TR + NOISE, r.bits(), 1e-12);
    assertArrayEquals(new long[] {2, 0, 0, 0, 1}, r.operations());
  }

  @Test
  void disabledKindsAreNotUsed() {
    assertFalse(align(EnumSet.noneOf(NoiseKind.class), A, C, END).aligned());
    assertFalse(align(EnumSet.of(NoiseKind.MISSING), B, A, C, END).aligned()
        && align(EnumSet.of(NoiseKind.MISSING), B, A, C, END).operations()[Aligner.SWAPPED] > 0);
    Aligner.Result viaMissing = align(EnumSet.of(NoiseKind.MISSING, NoiseKind.SPURIOUS), B, A, C, END);
    assertTrue(viaMissing.aligned());
    assertEquals(0, viaMissing.operations()[Aligner.SWAPPED]);
  }

  @Test
  void valuesAreCharged() {
    Aligner.Result r = new Aligner(CHAIN, RATES, ALL).align(new int[] {A, B, C, END},
        new int[][] {{0}, {7}, {0}, {0}});
    assertEquals(4 * TR + 5, r.bits(), 1e-12);
  }
}
