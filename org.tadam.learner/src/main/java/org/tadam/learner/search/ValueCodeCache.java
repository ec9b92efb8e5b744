package org.tadam.learner.search;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tadam.learner.stats.ValueStats;

/**
 * The value and parameter codes of edges by the content of their statistics
 * ({@link ValueStats#content}), across candidates and iterations: every iteration re-scores
 * thousands of candidates, and most of them merge the same edges as in the iteration before, whose
 * codes (a unit-cell mass per distinct value) would otherwise be computed anew. The codes are a
 * function of the content (and of the scorer's floor, fixed per scorer), so a kept code is the
 * code that would be computed. Two generations bound the memory: when the current one is full it
 * becomes the previous one, and a code found there is carried over.
 */
final class ValueCodeCache {
  /** Codes a generation holds (about 200 bytes each); one SSH iteration adds some 10 000. */
  private static final int GENERATION = 1 << 17;

  record Codes(double valueBits, double parameterBits) {
  }

  private volatile Map<ValueStats.Content, Codes> current = new ConcurrentHashMap<>();
  private volatile Map<ValueStats.Content, Codes> previous = Map.of();

  /** The codes of this content, or null. */
  Codes get(ValueStats.Content content) {
    Codes c = current.get(content);
    if (c == null) {
      c = previous.get(content);
      if (c != null) {
        put(content, c);
      }
    }
    return c;
  }

  void put(ValueStats.Content content, Codes codes) {
    Map<ValueStats.Content, Codes> map = current;
    if (map.size() >= GENERATION) {
      synchronized (this) {
        if (current == map) {
          previous = map;
          current = new ConcurrentHashMap<>();
        }
        map = current;
      }
    }
    map.put(content, codes);
  }
}
