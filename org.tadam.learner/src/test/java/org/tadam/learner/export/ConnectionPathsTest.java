package org.tadam.learner.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionPathsTest {

  private static BitSet letters(int... at) {
    BitSet set = new BitSet();
    for (int a : at) {
      set.set(a);
    }
    return set;
  }

  /**
   * Connections 0 and 2 took edge 0, edge 1, edge 0; connection 1 took edge 0 then edge 1 twice (the same edges, in
   * another order); connection 3 took none.
   */
  @Test
  void connectionsShareANumberWhenTheyTookTheSameEdgesAtTheSameLetters() {
    Map<Integer, BitSet> edge0 = Map.of(0, letters(0, 2), 1, letters(0), 2, letters(0, 2));
    Map<Integer, BitSet> edge1 = Map.of(0, letters(1), 1, letters(1, 2), 2, letters(1));
    assertArrayEquals(new int[] { 0, 1, 0, -1 }, ConnectionPaths.of(List.of(edge0, edge1), 4));
  }
}
