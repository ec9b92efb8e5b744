package org.tadam.learner.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Sums of statistics and the content that identifies their multiset, whatever the path to it. */
class ValueStatsTest {

  @Test
  void aSumHoldsTheValuesOfBothAndLeavesThemAlone() {
    ValueStats a = new ValueStats(2);
    ValueStats b = new ValueStats(2);
    ValueStats oneByOne = new ValueStats(2);
    Random r = new Random(3);
    for (int i = 0; i < 2_000; i++) {
      int[] v = {r.nextInt(50), r.nextInt(1500)};
      long w = 1 + r.nextInt(3);
      (r.nextBoolean() ? a : b).add(v, w);
      oneByOne.add(v, w);
    }
    ValueStats.Content before = a.content();
    ValueStats sum = ValueStats.sum(a, b);
    assertEquals(oneByOne.content(), sum.content());
    assertEquals(values(oneByOne), values(sum));
    assertEquals(oneByOne.distinct(), sum.distinct());
    assertEquals(before, a.content());
    // a sum changes like any statistics once its values are known
    sum.add(new int[] {7, 7}, 2);
    oneByOne.add(new int[] {7, 7}, 2);
    assertEquals(oneByOne.content(), sum.content());
    assertEquals(values(oneByOne), values(sum));
  }

  @Test
  void theContentFollowsTheValuesNotTheirHistory() {
    ValueStats s = new ValueStats(2);
    s.add(new int[] {3, 100}, 2);
    s.add(new int[] {4, 60}, 1);
    ValueStats.Content two = s.content();
    s.add(new int[] {9, 9}, 5);
    assertNotEquals(two, s.content());
    s.remove(new int[] {9, 9}, 5);
    assertEquals(two, s.content());
    // {0, 3, 3} and {1, 1, 4}: the same count, sum and sum of squares; the fingerprints differ
    ValueStats first = new ValueStats(1);
    first.add(new int[] {0}, 1);
    first.add(new int[] {3}, 2);
    ValueStats second = new ValueStats(1);
    second.add(new int[] {1}, 2);
    second.add(new int[] {4}, 1);
    assertEquals(first.count(), second.count());
    assertEquals(first.sum(0), second.sum(0));
    assertEquals(first.sumProduct(0, 0), second.sumProduct(0, 0));
    assertNotEquals(first.content(), second.content());
  }

  private static List<String> values(ValueStats s) {
    List<String> out = new ArrayList<>();
    s.forEach((v, w) -> out.add(v[0] + "," + v[1] + "x" + w));
    return out;
  }
}
