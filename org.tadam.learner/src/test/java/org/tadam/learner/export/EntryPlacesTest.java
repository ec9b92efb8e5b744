package org.tadam.learner.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tadam.model.PayloadClass;
import org.tadam.model.ReplayPayload;
import org.tadam.model.TextPayload;
import org.tadam.model.WeightedBytes;
import org.tadam.model.WeightedText;

class EntryPlacesTest {

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Redirects were sent at letters 3 and 4, their targets at 7 and 9: each entry keeps its own letters. */
  @Test
  void eachEntryKeepsTheLettersItWasSentAt() {
    List<byte[]> payloads = Arrays.asList(b("GET /redirect"), b("GET /index"), b("GET /redirect"), null,
        b("GET /index"));
    List<Integer> positions = List.of(3, 7, 4, 12, 9);
    PayloadPools pools = new PayloadPools();
    for (byte[] p : payloads) {
      if (p != null) {
        pools.add(p, p.length, 1);
      }
    }
    TextPayload text = (TextPayload) pools.toModel(PayloadClass.TEXT);
    EntryPlaces.write(text, PoolEntries.indexOf(text, payloads), positions);
    WeightedText redirect = entry(text, "GET /redirect");
    WeightedText index = entry(text, "GET /index");
    assertEquals(List.of(3, 4), List.of(redirect.getFirstLetter(), redirect.getLastLetter()));
    assertEquals(List.of(7, 9), List.of(index.getFirstLetter(), index.getLastLetter()));
  }

  @Test
  void replayedEntriesAreMatchedByTheirBytes() {
    List<byte[]> payloads = List.of(new byte[] { 1, 2 }, new byte[] { 3 }, new byte[] { 1, 2 });
    PayloadPools pools = new PayloadPools();
    payloads.forEach(p -> pools.add(p, p.length, 1));
    ReplayPayload replay = (ReplayPayload) pools.toModel(PayloadClass.REPLAY);
    EntryPlaces.write(replay, PoolEntries.indexOf(replay, payloads), List.of(0, 2, 5));
    for (WeightedBytes entry : replay.getEntries()) {
      List<Integer> expected = entry.getData().length == 2 ? List.of(0, 5) : List.of(2, 2);
      assertEquals(expected, List.of(entry.getFirstLetter(), entry.getLastLetter()));
    }
  }

  private static WeightedText entry(TextPayload pool, String text) {
    return pool.getEntries().stream().filter(e -> e.getText().equals(text)).findFirst().orElseThrow();
  }
}
