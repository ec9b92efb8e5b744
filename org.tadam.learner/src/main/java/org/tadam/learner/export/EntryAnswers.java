package org.tadam.learner.export;

import java.util.List;
import java.util.Objects;
import org.tadam.model.PayloadModel;
import org.tadam.model.WeightedBytes;
import org.tadam.model.WeightedText;

/**
 * Writes into each entry of a replayed or text pool the token of the other side's message it answered
 * ({@code after "query"}): the token of the last payload letter from the other side before it, when every training
 * connection that sent the entry sent it after the same token. Merged states put the answers to several requests in
 * one pool (a MySQL server's result set for a query and its field list for a field-list request); drawn by variant and
 * letter alone, a field list came after a query, which tshark reads as malformed (issue 13). Written only where the
 * pool's entries answer different tokens, so that a pool whose every entry answers the same request stays as it was.
 */
final class EntryAnswers {
  private EntryAnswers() {
  }

  /**
   * @param index occurrence by occurrence the entry of the payload sent, -1: none ({@link PoolEntries#indexOf})
   * @param peers the token of the other side's last payload letter before each occurrence, null: none or no token
   */
  static void write(PayloadModel pool, int[] index, List<String> peers) {
    List<?> entries = PoolEntries.of(pool);
    if (entries == null) {
      return;
    }
    String[] answered = new String[entries.size()];
    boolean[] mixed = new boolean[entries.size()];
    for (int k = 0; k < index.length; k++) {
      int i = index[k];
      if (i < 0) {
        continue;
      }
      String peer = peers.get(k);
      if (peer == null || mixed[i] || answered[i] != null && !answered[i].equals(peer)) {
        mixed[i] = true;
        answered[i] = null;
      } else {
        answered[i] = peer;
      }
    }
    if (java.util.Arrays.stream(answered).filter(Objects::nonNull).distinct().count() < 2) {
      return;
    }
    for (int i = 0; i < entries.size(); i++) {
      if (answered[i] == null) {
        continue;
      }
      if (entries.get(i) instanceof WeightedText text) {
        text.setAnswers(answered[i]);
      } else {
        ((WeightedBytes) entries.get(i)).setAnswers(answered[i]);
      }
    }
  }
}
