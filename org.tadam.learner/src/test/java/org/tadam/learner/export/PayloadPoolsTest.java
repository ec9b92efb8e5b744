package org.tadam.learner.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tadam.model.PayloadClass;
import org.tadam.model.RandomPayload;
import org.tadam.model.ReplayPayload;
import org.tadam.model.TextPayload;

/** Which pool the payloads of a random letter get: lengths of filler, or the messages themselves. */
class PayloadPoolsTest {

  /**
   * A retained MQTT PUBLISH as a broker sends it: type 0x31, remaining length, topic "lab/retained", message
   * "r" and a number. Those of 20 bytes pass the capture's χ² test of randomness.
   */
  private static byte[] retained(int n) {
    byte[] body = ("\0\014lab/retainedr" + n).getBytes(StandardCharsets.US_ASCII);
    byte[] p = new byte[body.length + 2];
    p[0] = 0x31;
    p[1] = (byte) body.length;
    System.arraycopy(body, 0, p, 2, body.length);
    return p;
  }

  /** The first {@code n} of r5, r11, r17...: 18, 19 and then 20 bytes long; or as many random payloads. */
  private static PayloadPools pool(int n, boolean cipher) {
    Random r = new Random(3);
    PayloadPools pools = new PayloadPools();
    for (int i = 0; i < n; i++) {
      byte[] p = retained(5 + 6 * i);
      if (cipher) {
        r.nextBytes(p);
      }
      pools.add(p, p.length, 1);
    }
    return pools;
  }

  @Test
  void structuredRandomPayloadsAreReplayed() {
    ReplayPayload replay = assertInstanceOf(ReplayPayload.class, pool(24, false).toModel(PayloadClass.RANDOM));
    assertEquals(24, replay.getEntries().size(), "messages this short are all kept");
    assertArrayEquals(retained(5), replay.getEntries().get(0).getData());
  }

  /**
   * A pool keeps {@link PayloadPools#POOL_SIZE} messages, or as many more as {@link PayloadPools#POOL_BYTES} holds of
   * their median length, up to {@link PayloadPools#MAX_POOL_SIZE}: twice that many DNS queries of 40 and 41 bytes keep
   * the most, as many messages of 4000 and 4001 bytes keep the least, and whatever is kept stands for all of them.
   */
  @Test
  void shortMessagesKeepMoreOfThem() {
    int n = 2 * PayloadPools.MAX_POOL_SIZE;
    for (int length : new int[] {40, 4000}) {
      PayloadPools pools = new PayloadPools();
      for (int i = 0; i < n; i++) {
        byte[] p = new byte[length + i % 2];
        p[0] = (byte) (i >> 8);
        p[1] = (byte) i;
        pools.add(p, length, 1);
      }
      ReplayPayload replay = assertInstanceOf(ReplayPayload.class, pools.toModel(PayloadClass.REPLAY));
      assertEquals(length == 40 ? PayloadPools.MAX_POOL_SIZE : PayloadPools.POOL_SIZE, replay.getEntries().size());
      assertEquals(n, replay.getEntries().stream().mapToInt(e -> e.getWeight()).sum());
    }
  }

  /**
   * 26 mail bodies, each sent once and told apart by their dates: 18 of 4010 bytes, then 8 of 4012. The 8 kept stand
   * for the bodies of their length: drawn on their weights, about 18 in 26 are of 4010 bytes, not 8 in 8 as the first
   * 8 by content were.
   */
  @Test
  void textPoolsKeepHowOftenEachLengthWasSent() {
    PayloadPools pools = new PayloadPools();
    for (int i = 0; i < 26; i++) {
      String date = String.format("Date: %02d Nov 2026", i);
      String body = date + ".".repeat((i < 18 ? 4010 : 4012) - date.length());
      pools.add(body.getBytes(StandardCharsets.US_ASCII), body.length(), 1);
    }
    TextPayload text = assertInstanceOf(TextPayload.class, pools.toModel(PayloadClass.TEXT));
    assertEquals(PayloadPools.POOL_SIZE, text.getEntries().size());
    int[] weightByLength = new int[4013];
    text.getEntries().forEach(e -> weightByLength[e.getText().length()] += e.getWeight());
    assertEquals(26, weightByLength[4010] + weightByLength[4012]);
    assertTrue(Math.abs(weightByLength[4010] - 18) <= 1, "4010 bytes: " + weightByLength[4010] + " of 26, 18 sent");
    assertTrue(Math.abs(weightByLength[4012] - 8) <= 1, "4012 bytes: " + weightByLength[4012] + " of 26, 8 sent");
  }

  /**
   * Ten DNS answers, one of them cut by the capture's snap length: the pool keeps the nine whole ones; an edge whose
   * every answer was cut keeps what the capture has.
   */
  @Test
  void aMessageTheCaptureCutIsKeptOnlyWhenNoneIsWhole() {
    PayloadPools pools = new PayloadPools();
    for (int i = 0; i < 10; i++) {
      byte[] answer = new byte[i == 0 ? 56 : 232];
      answer[0] = (byte) i;
      pools.add(answer, 232, 1, i == 0);
    }
    ReplayPayload replay = assertInstanceOf(ReplayPayload.class, pools.toModel(PayloadClass.REPLAY));
    assertEquals(9, replay.getEntries().size());
    assertTrue(replay.getEntries().stream().allMatch(e -> e.getData().length == 232));
    PayloadPools cut = new PayloadPools();
    cut.add(new byte[56], 232, 1, true);
    ReplayPayload kept = assertInstanceOf(ReplayPayload.class, cut.toModel(PayloadClass.REPLAY));
    assertEquals(1, kept.getEntries().size());
  }

  @Test
  void ciphertextKeepsItsLengthsOnly() {
    RandomPayload random = assertInstanceOf(RandomPayload.class, pool(24, true).toModel(PayloadClass.RANDOM));
    assertEquals(19, random.getLengths().get(0).getLength());
  }

  @Test
  void recordsAndFewPayloadsStayRandom() {
    assertInstanceOf(RandomPayload.class, pool(24, false).toModel(PayloadClass.RANDOM, true, true),
        "record headers are left to the record framing");
    assertInstanceOf(RandomPayload.class, pool(RandomFraming.MIN_STRUCTURE_SAMPLES - 1, false)
        .toModel(PayloadClass.RANDOM), "too few payloads to tell structure from chance");
  }

  /** One PUBLISH cannot show structure on its own; the other random payloads of its direction can. */
  @Test
  void aFewPayloadsAreMessagesWhenTheirDirectionsAre() {
    ReplayPayload replay = assertInstanceOf(ReplayPayload.class,
        pool(1, false).toModel(PayloadClass.RANDOM, false, true));
    assertArrayEquals(retained(5), replay.getEntries().get(0).getData());
    assertInstanceOf(RandomPayload.class, pool(RandomFraming.MIN_STRUCTURE_SAMPLES, true)
        .toModel(PayloadClass.RANDOM, false, true), "a pool that tells on its own is heard");
  }
}
