package org.tadam.learner.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.tadam.model.PayloadClass;
import org.tadam.model.ReplayPayload;
import org.tadam.model.WeightedBytes;

class EntrySegmentsTest {

  private static byte[] bytes(int length, int value) {
    byte[] b = new byte[length];
    Arrays.fill(b, (byte) value);
    return b;
  }

  /**
   * A 3000-byte flight the capture joined from a 1448-byte segment and the ones after it keeps that first segment; a
   * message one segment held keeps none, and so does a payload the capture cut short (its bytes shorter than the
   * wire length).
   */
  @Test
  void aJoinedMessageKeepsItsFirstSegment() {
    byte[] flight = bytes(3000, 1);
    byte[] whole = bytes(90, 2);
    byte[] cut = bytes(100, 3);
    List<byte[]> payloads = Arrays.asList(flight, whole, null, cut, flight);
    List<Integer> wire = List.of(1448, 90, 0, 1448, 1200);
    PayloadPools pools = new PayloadPools();
    payloads.stream().filter(Objects::nonNull).forEach(p -> pools.add(p, p.length, 1));
    ReplayPayload replay = (ReplayPayload) pools.toModel(PayloadClass.REPLAY);
    EntrySegments.write(replay, PoolEntries.indexOf(replay, payloads), payloads, wire);
    assertEquals(1448, entry(replay, flight).getSegment(), "the first occurrence's segment");
    assertEquals(0, entry(replay, whole).getSegment());
    assertEquals(0, entry(replay, cut).getSegment());
  }

  private static WeightedBytes entry(ReplayPayload replay, byte[] data) {
    return replay.getEntries().stream().filter(e -> Arrays.equals(e.getData(), data)).findFirst().orElseThrow();
  }
}
