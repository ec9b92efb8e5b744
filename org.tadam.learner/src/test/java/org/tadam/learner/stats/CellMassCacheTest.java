package org.tadam.learner.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The primitive cell-mass table against a plain map, through growth, overwrites and copies. */
class CellMassCacheTest {

  @Test
  void agreesWithAMapThroughGrowthAndOverwrites() {
    CellMassCache cache = new CellMassCache();
    Map<Long, Double> expected = new HashMap<>();
    Random r = new Random(3);
    for (int i = 0; i < 20_000; i++) {
      // packed [iat, size] keys that collide as Long hash codes (iat XOR size)
      int iat = r.nextInt(64);
      int size = r.nextInt(2) == 0 ? iat : r.nextInt(1500);
      long key = ValueStats.pack(new int[] {iat, size});
      double mass = r.nextDouble();
      cache.put(key, mass);
      expected.put(key, mass);
    }
    assertEquals(expected.size(), cache.size());
    expected.forEach((k, v) -> assertEquals(v, cache.get(k), 0.0, "key " + k));
    assertTrue(Double.isNaN(cache.get(ValueStats.pack(new int[] {100, 7}))));
    assertTrue(Double.isNaN(cache.get(ValueStats.pack(new int[] {-1, -1}))));
  }

  @Test
  void copiesAreIndependent() {
    CellMassCache a = new CellMassCache();
    a.put(5, 0.25);
    CellMassCache b = new CellMassCache(a);
    b.put(5, 0.5);
    b.put(6, 0.75);
    assertEquals(0.25, a.get(5), 0.0);
    assertTrue(Double.isNaN(a.get(6)));
    assertEquals(0.5, b.get(5), 0.0);
    assertEquals(2, b.size());
  }
}
