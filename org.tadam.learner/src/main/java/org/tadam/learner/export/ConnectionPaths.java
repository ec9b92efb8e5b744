package org.tadam.learner.export;

import java.nio.IntBuffer;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The path of each training connection through the automaton: the edge it took at each of its letters. Connections
 * that took the same edges at the same letters share a path number, so that a payload variant is one path too
 * ({@link PoolVariants}): an SSH session's keystrokes are random bytes no pool keeps, and two sessions of the same
 * pooled entries that typed different commands would otherwise make one variant, whose letters a pinned walk then
 * mixes.
 */
final class ConnectionPaths {
  private ConnectionPaths() {
  }

  /**
   * @param takenBy per edge, in the automaton's order, the training connections that took it, each with the letters
   *     at which it did
   * @param connections how many training connections there are
   * @return per training connection its path's number (numbered in the order of the connections), -1 for one that
   *     took no edge
   */
  static int[] of(Collection<Map<Integer, BitSet>> takenBy, int connections) {
    int[] length = new int[connections];
    for (Map<Integer, BitSet> taken : takenBy) {
      taken.forEach((connection, letters) -> length[connection] = Math.max(length[connection], letters.length()));
    }
    int[][] edges = new int[connections][];
    int e = 0;
    for (Map<Integer, BitSet> taken : takenBy) {
      int edge = e++;
      taken.forEach((connection, letters) -> {
        if (edges[connection] == null) {
          edges[connection] = new int[length[connection]];
          Arrays.fill(edges[connection], -1);
        }
        letters.stream().forEach(letter -> edges[connection][letter] = edge);
      });
    }
    // an IntBuffer's equals and hashCode are those of its contents
    Map<IntBuffer, Integer> numbers = new HashMap<>();
    int[] path = new int[connections];
    for (int c = 0; c < connections; c++) {
      path[c] = edges[c] == null ? -1 : numbers.computeIfAbsent(IntBuffer.wrap(edges[c]), p -> numbers.size());
    }
    return path;
  }
}
