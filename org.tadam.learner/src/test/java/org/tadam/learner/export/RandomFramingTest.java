package org.tadam.learner.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tadam.model.RandomPayload;
import org.tadam.model.TadamFactory;

class RandomFramingTest {

  private static byte[] random(Random r, int length) {
    byte[] b = new byte[length];
    r.nextBytes(b);
    return b;
  }

  /** A TLS record: type, version 3.3, length of what follows. */
  private static byte[] record(Random r, int type, int length) {
    byte[] b = random(r, length);
    b[0] = (byte) type;
    b[1] = 3;
    b[2] = 3;
    b[3] = (byte) ((length - 5) >> 8);
    b[4] = (byte) (length - 5);
    return b;
  }

  private static RandomPayload learn(RandomFraming framing) {
    RandomPayload pool = TadamFactory.eINSTANCE.createRandomPayload();
    framing.applyTo(pool);
    return pool;
  }

  /** {@code n} TLS application data records of random lengths, as one pool of a direction that learns its field. */
  private static void addDataRecords(DirectionFramings framings, Random r, int n, int spread, boolean backward) {
    RandomFraming common = new RandomFraming();
    for (int i = 0; i < n; i++) {
      int length = 30 + r.nextInt(spread);
      common.add(record(r, 0x17, length), length, 1);
    }
    RandomPayload commonPool = TadamFactory.eINSTANCE.createRandomPayload();
    assertTrue(common.applyTo(commonPool));
    framings.add(commonPool, common, backward);
  }

  @Test
  void tlsRecordsGiveTheirHeaderAndLengthField() {
    Random r = new Random(1);
    RandomFraming framing = new RandomFraming();
    for (int i = 0; i < 40; i++) {
      int length = 30 + r.nextInt(3000);
      // one segment in five holds an alert or a second record: the field gives the first record's length only
      byte[] payload = i % 5 == 0 ? record(r, 0x15, length + 40) : record(r, 0x17, length);
      framing.add(payload, i % 5 == 0 ? length + 80 : length, 1);
    }
    RandomPayload pool = learn(framing);
    assertArrayEquals(new byte[] { 0x17, 3, 3 }, pool.getHeader());
    assertEquals(3, pool.getLengthOffset());
    assertEquals(2, pool.getLengthWidth());
    assertEquals(5, pool.getLengthPlus());
  }

  @Test
  void randomBytesHaveNoFraming() {
    Random r = new Random(2);
    RandomFraming framing = new RandomFraming();
    for (int i = 0; i < 200; i++) {
      int length = 20 + r.nextInt(1000);
      framing.add(random(r, length), length, 1);
    }
    RandomPayload pool = learn(framing);
    assertNull(pool.getHeader());
    assertEquals(-1, pool.getLengthOffset());
    assertFalse(framing.structured());
  }

  @Test
  void noFramingInFrontOfStructuredBytes() {
    Random r = new Random(5);
    RandomFraming framing = new RandomFraming();
    for (int i = 0; i < 30; i++) {
      // an MQTT PUBLISH: type, remaining length, then a topic length of 11: not ciphertext
      int length = 15 + r.nextInt(60);
      byte[] p = random(r, length);
      p[0] = 0x30;
      p[1] = (byte) (length - 2);
      p[2] = 0;
      p[3] = 11;
      framing.add(p, length, 1);
    }
    RandomPayload pool = learn(framing);
    assertNull(pool.getHeader());
    assertEquals(-1, pool.getLengthOffset());
    assertTrue(framing.structured(), "the shared bytes are a message's structure");
  }

  /** Nine payloads of one length and one of another: the field that agrees with nine shows one value only. */
  @Test
  void oneLengthCannotTellAFieldFromConstantBytes() {
    Random r = new Random(6);
    RandomFraming framing = new RandomFraming();
    for (int i = 0; i < 10; i++) {
      int length = i == 0 ? 300 : 200;
      byte[] p = record(r, 0x17, length);
      p[3] = 9;
      framing.add(p, length, 1);
    }
    RandomPayload pool = learn(framing);
    assertEquals(-1, pool.getLengthOffset());
  }

  @Test
  void aFewPayloadsGiveSharedBytesButNoField() {
    Random r = new Random(3);
    RandomFraming framing = new RandomFraming();
    for (int i = 0; i < 4; i++) {
      framing.add(record(r, 0x17, 100 + i), 100 + i, 1);
    }
    RandomPayload pool = learn(framing);
    assertArrayEquals(new byte[] { 0x17, 3, 3, 0 }, pool.getHeader());
    assertEquals(-1, pool.getLengthOffset());
  }

  @Test
  void aRarePoolTakesItsDirectionsFieldWhenItsPayloadsAgree() {
    Random r = new Random(4);
    DirectionFramings framings = new DirectionFramings();
    addDataRecords(framings, r, 30, 3000, true);
    RandomFraming alerts = new RandomFraming();
    alerts.add(record(r, 0x15, 31), 31, 1);
    alerts.add(record(r, 0x15, 31), 31, 1);
    RandomPayload alertPool = TadamFactory.eINSTANCE.createRandomPayload();
    assertFalse(alerts.applyTo(alertPool), "two payloads are too few to learn from");
    framings.add(alertPool, alerts, true);
    RandomFraming other = new RandomFraming();
    other.add(random(r, 40), 40, 1);
    RandomPayload otherPool = TadamFactory.eINSTANCE.createRandomPayload();
    framings.add(otherPool, other, false);
    framings.apply();
    assertArrayEquals(new byte[] { 0x15, 3, 3 }, alertPool.getHeader(), "the alert keeps its own record type");
    assertEquals(3, alertPool.getLengthOffset());
    assertNull(otherPool.getHeader(), "the other direction learned nothing");
  }

  /** A ChangeCipherSpec then a Finished record in one segment: the header holds the first record whole. */
  @Test
  void chainedRecordsFrameTheLastOne() {
    Random r = new Random(5);
    DirectionFramings framings = new DirectionFramings();
    addDataRecords(framings, r, 60, 3000, false);
    RandomFraming finished = new RandomFraming();
    for (int i = 0; i < 12; i++) {
      byte[] ccs = record(r, 0x14, 6);
      ccs[5] = 1;
      byte[] payload = new byte[80];
      System.arraycopy(ccs, 0, payload, 0, 6);
      System.arraycopy(record(r, 0x17, 74), 0, payload, 6, 74);
      finished.add(payload, 80, 1);
    }
    RandomPayload finishedPool = TadamFactory.eINSTANCE.createRandomPayload();
    finished.applyTo(finishedPool);
    framings.add(finishedPool, finished, false);
    framings.apply();
    assertArrayEquals(new byte[] { 0x14, 3, 3, 0, 1, 1, 0x17, 3, 3 }, finishedPool.getHeader());
    assertEquals(9, finishedPool.getLengthOffset());
    assertEquals(2, finishedPool.getLengthWidth());
    assertEquals(11, finishedPool.getLengthPlus(), "the field counts what follows the second header");
  }

  /** Pieces of records cut over segments: each generated one becomes a whole record of its direction's framing. */
  @Test
  void piecesOfCutRecordsBecomeWholeRecords() {
    Random r = new Random(6);
    DirectionFramings framings = new DirectionFramings();
    addDataRecords(framings, r, 60, 1400, true);
    RandomFraming rest = new RandomFraming();
    RandomFraming starts = new RandomFraming();
    for (int i = 0; i < 20; i++) {
      rest.add(random(r, 1448), 1448, 1);
      byte[] start = record(r, 0x16, 1448);
      start[3] = 0x0b; // the record is 3000 bytes long: it goes on in later segments
      start[4] = (byte) 0xb8;
      starts.add(start, 1448, 1);
    }
    RandomPayload restPool = learn(rest);
    RandomPayload startPool = learn(starts);
    framings.add(restPool, rest, true);
    framings.add(startPool, starts, true);
    framings.apply();
    assertArrayEquals(new byte[] { 0x17, 3, 3 }, restPool.getHeader(), "random pieces take the direction's type");
    assertArrayEquals(new byte[] { 0x16, 3, 3 }, startPool.getHeader(), "a handshake keeps its type");
    for (RandomPayload pool : new RandomPayload[] { restPool, startPool }) {
      assertEquals(3, pool.getLengthOffset());
      assertEquals(2, pool.getLengthWidth());
      assertEquals(5, pool.getLengthPlus());
    }
  }
}
