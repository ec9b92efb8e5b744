package org.tadam.learner.mdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The canonical log* code: positive terms only, c0 = 2.865064, shifted so that 0 is encodable. */
class UniversalCodeTest {
  private static final double LOG2_C0 = Math.log(2.865064) / Math.log(2);

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  @Test
  void smallValuesByHand() {
    assertEquals(LOG2_C0, UniversalCode.bits(0), 1e-12);
    // n = 1: x = 2, log2 2 = 1, log2 1 = 0 stops
    assertEquals(LOG2_C0 + 1, UniversalCode.bits(1), 1e-12);
    // n = 2: x = 3: 1.585 + 0.664, the next term (−0.591) is negative and not added
    assertEquals(LOG2_C0 + log2(3) + log2(log2(3)), UniversalCode.bits(2), 1e-12);
    // n = 15: x = 16: 4 + 2 + 1
    assertEquals(LOG2_C0 + 7, UniversalCode.bits(15), 1e-12);
    // n = 65535: x = 65536: 16 + 4 + 2 + 1
    assertEquals(LOG2_C0 + 23, UniversalCode.bits(65535), 1e-12);
  }

  @Test
  void negativeValuesCostTheConstant() {
    assertEquals(LOG2_C0, UniversalCode.bits(-7), 1e-12);
  }

  @Test
  void growsWithN() {
    double last = UniversalCode.bits(0);
    for (long n = 1; n < 100_000; n += 17) {
      double b = UniversalCode.bits(n);
      assertTrue(b >= last - 1e-12, "n=" + n);
      last = b;
    }
    assertEquals(UniversalCode.bits(5000), UniversalCode.bits(5000L), 0);
  }

  @Test
  void modelCostConstants() {
    // 3 states, 2 edges, alphabet 2: L_N(3) + 2 log2 3 + 4·log2 100 + 0·log2 100 + 2·(2 log2 3 + 1)
    double expected = UniversalCode.bits(3) + 2 * log2(3) + 4 * log2(100) + 2 * (2 * log2(3) + 1);
    assertEquals(expected, ModelCost.bits(3, 2, 2, 0), 1e-12);
  }

  @Test
  void statusCode() {
    assertEquals(0, DataCodes.statusBits(10, 0, 0), 0);
    // π = 3/4: 3 words pay −log2 3/4, 1 pays −log2 1/4
    assertEquals(-3 * log2(0.75) - log2(0.25), DataCodes.statusBits(2, 1, 1), 1e-12);
  }

  @Test
  void transitionCodeUsesAddHalfSmoothing() {
    // counts 3 and 1: p̂ = 3.5/5 and 1.5/5
    assertEquals(-3 * log2(0.7) - log2(0.3), DataCodes.transitionBits(new long[] {3, 1}), 1e-12);
  }
}
