package org.tadam.eval.anomaly;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tadam.learner.score.AuRoc;

/** The ROC curve's area on inputs whose answer is known, ties counting one half. */
class RocCurveTest {

  @Test
  void knownAreas() {
    assertEquals(1.0, RocCurve.of(new double[] {1, 2, 3}, new double[] {4, 5}).area(), 1e-12);
    assertEquals(0.0, RocCurve.of(new double[] {4, 5}, new double[] {1, 2, 3}).area(), 1e-12);
    // every pair tied: one half
    assertEquals(0.5, RocCurve.of(new double[] {7, 7}, new double[] {7, 7, 7}).area(), 1e-12);
    // normal {1, 3}, attack {2, 3}: pairs (2>1) 1, (2<3) 0, (3>1) 1, (3=3) ½ → 2.5 / 4
    assertEquals(0.625, RocCurve.of(new double[] {1, 3}, new double[] {2, 3}).area(), 1e-12);
  }

  @Test
  void theCurveRunsFromTheOriginToOneOneAndTiesMakeOneDiagonalStep() {
    RocCurve c = RocCurve.of(new double[] {1, 3}, new double[] {2, 3});
    assertArrayEquals(new double[] {0, 0.5, 0.5, 1}, c.falsePositives(), 1e-12);
    assertArrayEquals(new double[] {0, 0.5, 1, 1}, c.truePositives(), 1e-12);
  }

  @Test
  void theAreaIsTheMannWhitneyStatistic() {
    Random r = new Random(3);
    for (int trial = 0; trial < 50; trial++) {
      int n = 1 + r.nextInt(30);
      int a = 1 + r.nextInt(30);
      double[] normal = new double[n];
      double[] attack = new double[a];
      for (int i = 0; i < n; i++) {
        normal[i] = r.nextInt(8);
      }
      for (int i = 0; i < a; i++) {
        attack[i] = r.nextInt(10);
      }
      double[] all = new double[n + a];
      boolean[] positive = new boolean[n + a];
      System.arraycopy(normal, 0, all, 0, n);
      System.arraycopy(attack, 0, all, n, a);
      java.util.Arrays.fill(positive, n, n + a, true);
      assertEquals(AuRoc.of(all, positive), RocCurve.of(normal, attack).area(), 1e-12);
    }
  }

  @Test
  void oneClassOnlyIsUndefined() {
    assertFalse(RocCurve.of(new double[0], new double[] {1}).defined());
    assertFalse(RocCurve.of(new double[] {1}, new double[0]).defined());
  }
}
