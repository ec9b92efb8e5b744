package org.tadam.learner.export;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tadam.model.PayloadModel;
import org.tadam.model.ReplayPayload;
import org.tadam.model.TextPayload;
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
   * @param payloads occurrence by occurrence the payload sent (null: none)
   * @param positions the letter of each occurrence (0: a connection's first packet)
   */
  static void write(PayloadModel pool, List<byte[]> payloads, List<Integer> positions) {
    Map<Object, int[]> places = new HashMap<>();
    for (int k = 0; k < payloads.size(); k++) {
      byte[] data = payloads.get(k);
      if (data == null) {
        continue;
      }
      Object content = pool instanceof TextPayload ? new String(data, StandardCharsets.UTF_8) : ByteBuffer.wrap(data);
      int position = positions.get(k);
      int[] place = places.computeIfAbsent(content, c -> new int[] { position, position });
      place[0] = Math.min(place[0], position);
      place[1] = Math.max(place[1], position);
    }
    if (pool instanceof TextPayload text) {
      for (WeightedText entry : text.getEntries()) {
        int[] place = places.get(entry.getText());
        if (place != null) {
          entry.setFirstLetter(place[0]);
          entry.setLastLetter(place[1]);
        }
      }
    } else if (pool instanceof ReplayPayload replay) {
      for (WeightedBytes entry : replay.getEntries()) {
        int[] place = entry.getData() == null ? null : places.get(ByteBuffer.wrap(entry.getData()));
        if (place != null) {
          entry.setFirstLetter(place[0]);
          entry.setLastLetter(place[1]);
        }
      }
    }
  }
}
