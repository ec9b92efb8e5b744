package org.tadam.learner.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The primitive value-weight table against the sorted map it replaced, through growth, removals
 * (backward shifts in long probe runs), copies and merges.
 */
class ValueCountsTest {

  @Test
  void agreesWithASortedMapThroughAddsAndRemovals() {
    ValueCounts counts = new ValueCounts();
    TreeMap<Long, Long> expected = new TreeMap<>();
    List<Long> present = new ArrayList<>();
    Random r = new Random(5);
    for (int i = 0; i < 200_000; i++) {
      if (!present.isEmpty() && r.nextInt(3) == 0) {
        // take a value off, often its whole weight
        long key = present.get(r.nextInt(present.size()));
        long w = expected.get(key);
        long off = r.nextBoolean() ? w : 1 + r.nextInt((int) w);
        counts.add(key, -off);
        if (w == off) {
          expected.remove(key);
          present.remove(key);
        } else {
          expected.put(key, w - off);
        }
      } else {
        // negative components and keys that share probe runs
        int iat = r.nextInt(40) - 5;
        int size = r.nextInt(2) == 0 ? iat : r.nextInt(1500);
        long key = ValueStats.pack(new int[] {iat, size});
        long w = 1 + r.nextInt(3);
        counts.add(key, w);
        if (expected.merge(key, w, Long::sum) == w) {
          present.add(key);
        }
      }
      if (i % 997 == 0) {
        check(expected, counts);
      }
    }
    check(expected, counts);
    for (long key : new ArrayList<>(expected.keySet())) {
      counts.add(key, -expected.remove(key));
    }
    check(expected, counts);
  }

  @Test
  void copiesAreIndependent() {
    ValueCounts a = new ValueCounts();
    a.add(5, 2);
    a.add(-3, 1);
    ValueCounts b = new ValueCounts(a);
    b.add(5, -2);
    b.add(7, 4);
    assertArrayEquals(new long[] {-3, 5}, a.sortedKeys());
    assertEquals(2, a.get(5));
    assertArrayEquals(new long[] {-3, 7}, b.sortedKeys());
    assertEquals(0, b.get(5));
  }

  @Test
  void aMergeHoldsTheSumOfBothAndChangesLikeAnyTable() {
    Random r = new Random(9);
    ValueCounts a = new ValueCounts();
    ValueCounts b = new ValueCounts();
    TreeMap<Long, Long> expected = new TreeMap<>();
    for (int i = 0; i < 5_000; i++) {
      long key = ValueStats.pack(new int[] {r.nextInt(60) - 10, r.nextInt(300)});
      long w = 1 + r.nextInt(4);
      (r.nextBoolean() ? a : b).add(key, w);
      expected.merge(key, w, Long::sum);
    }
    long[] aKeys = a.sortedKeys().clone();
    ValueCounts sum = ValueCounts.merged(a, b);
    check(expected, sum);
    // its first single change builds its hash table; the parts stay as they were
    long first = expected.firstKey();
    sum.add(first, -expected.remove(first));
    sum.add(-7, 3);
    expected.put(-7L, 3L);
    check(expected, sum);
    assertArrayEquals(aKeys, a.sortedKeys());
    ValueCounts copy = new ValueCounts(ValueCounts.merged(sum, new ValueCounts()));
    check(expected, copy);
  }

  private static void check(TreeMap<Long, Long> expected, ValueCounts counts) {
    assertEquals(expected.size(), counts.size());
    long[] keys = expected.keySet().stream().mapToLong(Long::longValue).toArray();
    assertArrayEquals(keys, counts.sortedKeys());
    long[] weights = expected.values().stream().mapToLong(Long::longValue).toArray();
    assertArrayEquals(weights, counts.sortedWeights());
    for (Map.Entry<Long, Long> e : expected.entrySet()) {
      assertEquals(e.getValue(), counts.get(e.getKey()), "key " + e.getKey());
    }
  }
}
