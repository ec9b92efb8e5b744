package org.tadam.eval.realism;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

/** The three distances on inputs whose answer is known. */
class DistancesTest {

  @Test
  void jsdOfIdenticalIsZeroAndOfDisjointIsOneBit() {
    assertEquals(0, Distances.jsd(new long[] {3, 5, 0, 2}, new long[] {6, 10, 0, 4}), 0);
    assertEquals(1, Distances.jsd(new long[] {4, 0, 1}, new long[] {0, 7, 0}), 1e-12);
    assertEquals(0, Distances.jsd(Map.of("SF", 10L, "S0", 2L), Map.of("SF", 5L, "S0", 1L)), 0);
    assertEquals(1, Distances.jsd(Map.of("SF", 10L), Map.of("REJ", 3L)), 1e-12);
  }

  @Test
  void jsdOfAKnownPair() {
    // P = (1, 0), Q = (1/2, 1/2), M = (3/4, 1/4): JSD = (log2(4/3) + (log2(2/3) + log2(2)) / 2) / 2
    double expected = (log2(4.0 / 3) + (log2(2.0 / 3) + 1) / 2) / 2;
    assertEquals(expected, Distances.jsd(new long[] {2, 0}, new long[] {1, 1}), 1e-12);
    assertEquals(expected, Distances.jsd(new long[] {1, 1}, new long[] {2, 0}), 1e-12);
  }

  @Test
  void jsdOfNumbersUsesSharedBins() {
    double[] x = new Random(1).doubles(500).toArray();
    assertEquals(0, Distances.jsd(x, x.clone(), 20), 0);
    double[] shifted = Arrays.stream(x).map(v -> v + 10).toArray();
    assertEquals(1, Distances.jsd(x, shifted, 20), 1e-12);
  }

  @Test
  void wassersteinOfAShiftIsTheShift() {
    double[] x = new Random(2).doubles(1000).map(v -> v * 50).toArray();
    double[] y = Arrays.stream(x).map(v -> v + 5).toArray();
    assertEquals(5, Distances.wasserstein(x, y), 1e-9);
    assertEquals(3, Distances.wasserstein(new double[] {0}, new double[] {3}), 0);
    assertEquals(0, Distances.wasserstein(x, x.clone()), 0);
  }

  @Test
  void wassersteinOfEqualSizesIsTheMeanGapOfTheSortedSamples() {
    Random r = new Random(3);
    double[] x = r.doubles(400).map(v -> Math.floor(v * 20)).toArray();
    double[] y = r.doubles(400).map(v -> Math.floor(v * v * 20)).toArray();
    double[] a = x.clone();
    double[] b = y.clone();
    Arrays.sort(a);
    Arrays.sort(b);
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += Math.abs(a[i] - b[i]);
    }
    assertEquals(sum / a.length, Distances.wasserstein(x, y), 1e-9);
  }

  @Test
  void ksAgreesWithCommonsMathTiesIncluded() {
    Random r = new Random(4);
    for (int round = 0; round < 20; round++) {
      double[] x = r.doubles(50 + r.nextInt(200)).map(v -> Math.floor(v * 8)).toArray();
      double[] y = r.doubles(50 + r.nextInt(200)).map(v -> Math.floor(v * v * 8)).toArray();
      assertEquals(new KolmogorovSmirnovTest().kolmogorovSmirnovStatistic(x, y), Distances.ks(x, y), 1e-12);
    }
    assertEquals(1, Distances.ks(new double[] {1, 2, 3}, new double[] {4, 5, 6}), 0);
    assertEquals(0, Distances.ks(new double[] {1, 2, 2}, new double[] {2, 1, 2}), 0);
  }

  @Test
  void emptySamplesHaveNoDistance() {
    assertThrows(IllegalArgumentException.class, () -> Distances.ks(new double[0], new double[] {1}));
    assertEquals(0, Distances.jsd(new long[] {0, 0}, new long[] {1, 2}), 0);
  }

  @Test
  void quantileBinsCollapseOntoFewValues() {
    double[] x = {5, 5, 6, 6, 6, 7};
    double[] y = {5, 6, 7, 7, 7, 7};
    QuantileBins bins = QuantileBins.of(x, y, 20);
    long[] cx = bins.counts(x);
    long[] cy = bins.counts(y);
    assertEquals(6, Arrays.stream(cx).sum());
    // few distinct values: one bin per value
    assertEquals(3, bins.size());
    assertArrayEquals(new long[] {2, 3, 1}, cx);
    assertArrayEquals(new long[] {1, 1, 4}, cy);
  }

  @Test
  void aRareValueCountsInTheDivergence() {
    double[] ones = new double[100];
    Arrays.fill(ones, 1);
    double[] rare = ones.clone();
    rare[0] = 2;
    assertTrue(Distances.jsd(ones, rare, 20) > 0);
    // many distinct values: equal-frequency bins, at most the number asked for
    double[] wide = new Random(5).doubles(1000).toArray();
    assertEquals(20, QuantileBins.of(wide, wide, 20).size());
  }

  @Test
  void ratioReadsADistanceAgainstItsFloor() {
    assertEquals(2.5, SampleDistances.ratio(0.5, 0.2), 1e-12);
    assertEquals(0, SampleDistances.ratio(0, 0), 0);
    assertEquals(0, SampleDistances.ratio(0, 0.3), 0);
    assertTrue(Double.isInfinite(SampleDistances.ratio(0.1, 0)));
  }

  private static double log2(double v) {
    return Math.log(v) / Math.log(2);
  }
}
