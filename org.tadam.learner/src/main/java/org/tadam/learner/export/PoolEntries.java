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
 * The entries of a replayed or text pool and which entry each training payload is: the one matching the export's
 * variants ({@link PoolVariants}) and places ({@link EntryPlaces}) both rely on. Text is compared as the pool stores
 * it (UTF-8), bytes as they are.
 */
final class PoolEntries {
  private PoolEntries() {
  }

  /** The entries (WeightedText or WeightedBytes) of a text or replay pool; null for any other pool. */
  static List<?> of(PayloadModel pool) {
    return pool instanceof ReplayPayload replay ? replay.getEntries()
        : pool instanceof TextPayload text ? text.getEntries() : null;
  }

  /** What identifies an entry: its text, or its bytes. */
  static Object content(Object entry) {
    return entry instanceof WeightedBytes b ? ByteBuffer.wrap(b.getData() == null ? new byte[0] : b.getData())
        : ((WeightedText) entry).getText();
  }

  /**
   * Per payload (occurrence by occurrence, null: none sent) the index of its entry in {@code pool}, -1 when the pool
   * kept none for it (a rare payload past the pool's size), or for every payload when the pool has no entries.
   */
  static int[] indexOf(PayloadModel pool, List<byte[]> payloads) {
    int[] index = new int[payloads.size()];
    java.util.Arrays.fill(index, -1);
    List<?> entries = of(pool);
    if (entries == null) {
      return index;
    }
    Map<Object, Integer> byContent = new HashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      byContent.put(content(entries.get(i)), i);
    }
    for (int k = 0; k < index.length; k++) {
      byte[] data = payloads.get(k);
      if (data != null) {
        Integer entry = byContent.get(pool instanceof ReplayPayload ? ByteBuffer.wrap(data)
            : new String(data, StandardCharsets.UTF_8));
        index[k] = entry == null ? -1 : entry;
      }
    }
    return index;
  }
}
