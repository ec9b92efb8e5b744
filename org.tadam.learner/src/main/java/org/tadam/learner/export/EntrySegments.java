package org.tadam.learner.export;

import java.util.List;
import org.tadam.model.PayloadModel;
import org.tadam.model.ReplayPayload;
import org.tadam.model.WeightedBytes;

/**
 * Writes into each entry of a replayed pool that the capture joined from several segments (a TLS server's hello and
 * certificate, whose records its segments cut) the length of the segment that began it: the letter's own segment.
 * The generator sends that much on the letter and the rest on the letters that continued it in training.
 */
final class EntrySegments {
  private EntrySegments() {
  }

  /**
   * @param index occurrence by occurrence the entry of the payload sent, -1: none ({@link PoolEntries#indexOf})
   * @param payloads occurrence by occurrence the payload sent (null: none)
   * @param wire occurrence by occurrence the length of the segment on the wire (-1: not known)
   */
  static void write(PayloadModel pool, int[] index, List<byte[]> payloads, List<Integer> wire) {
    if (!(pool instanceof ReplayPayload replay)) {
      return;
    }
    for (int k = 0; k < index.length; k++) {
      int segment = wire.get(k);
      if (index[k] < 0 || segment <= 0 || segment >= payloads.get(k).length) {
        continue;
      }
      WeightedBytes entry = replay.getEntries().get(index[k]);
      if (entry.getSegment() == 0) {
        entry.setSegment(segment);
      }
    }
  }
}
