package org.tadam.learner.automaton;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The per-word table of an edge against a plain map, through growth and clustered keys. */
class WordBitsTableTest {

  @Test
  void agreesWithAMap() {
    WordBitsTable table = new WordBitsTable();
    Map<Integer, double[]> expected = new HashMap<>();
    Random r = new Random(11);
    for (int i = 0; i < 50_000; i++) {
      // dense runs of word ids and scattered large ones
      int w = r.nextBoolean() ? r.nextInt(3000) : r.nextInt(Integer.MAX_VALUE);
      if (expected.containsKey(w)) {
        assertSame(expected.get(w), table.get(w));
      } else {
        assertNull(table.get(w));
        double[] bits = {w};
        table.put(w, bits);
        expected.put(w, bits);
      }
    }
    assertEquals(expected.size(), table.size());
    expected.forEach((w, bits) -> assertSame(bits, table.get(w), "word " + w));
    assertNull(table.get(-1));
  }
}
