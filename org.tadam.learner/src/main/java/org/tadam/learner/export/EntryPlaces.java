package org.tadam.learner.export;

import java.util.List;
import org.tadam.model.PayloadModel;
import org.tadam.model.WeightedBytes;
import org.tadam.model.WeightedText;

/**
 * Writes into each entry of a replayed or text pool the earliest and latest letters at which training connections
 * sent it on the edge. Merged states put several messages of one conversation on one edge (an HTTP client's GET of
 * a redirect and then of its target, on the keep-alive loop); their variants say that one connection sent both, and
 * their places say in which order, so that a generated connection does not ask for the target first, or twice.
 */
final class EntryPlaces {
  private EntryPlaces() {
  }

  /**
   * @param index occurrence by occurrence the entry of the payload sent, -1: none ({@link PoolEntries#indexOf})
   * @param positions the letter of each occurrence (0: a connection's first packet)
   */
  static void write(PayloadModel pool, int[] index, List<Integer> positions) {
    List<?> entries = PoolEntries.of(pool);
    if (entries == null) {
      return;
    }
    int[] first = new int[entries.size()];
    int[] last = new int[entries.size()];
    java.util.Arrays.fill(first, Integer.MAX_VALUE);
    java.util.Arrays.fill(last, -1);
    for (int k = 0; k < index.length; k++) {
      if (index[k] >= 0) {
        first[index[k]] = Math.min(first[index[k]], positions.get(k));
        last[index[k]] = Math.max(last[index[k]], positions.get(k));
      }
    }
    for (int i = 0; i < entries.size(); i++) {
      if (last[i] < 0) {
        continue;
      }
      if (entries.get(i) instanceof WeightedText text) {
        text.setFirstLetter(first[i]);
        text.setLastLetter(last[i]);
      } else {
        WeightedBytes bytes = (WeightedBytes) entries.get(i);
        bytes.setFirstLetter(first[i]);
        bytes.setLastLetter(last[i]);
      }
    }
  }
}
