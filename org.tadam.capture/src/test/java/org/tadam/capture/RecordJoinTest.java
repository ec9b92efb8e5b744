package org.tadam.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tadam.capture.decode.DecodedPacket;
import org.tadam.capture.flow.Connection;
import org.tadam.capture.flow.ConnectionTracker;
import org.tadam.capture.flow.ServiceTable;
import org.tadam.capture.flow.TrackerOptions;
import org.tadam.capture.payload.PayloadLabel;
import org.tadam.model.PayloadClass;

/**
 * A message that starts with a TLS record in clear and is cut across segments (a server's hello and certificate) is
 * joined into the payload of its first segment, which is then replayed (issue 13).
 */
class RecordJoinTest {
  private final Random random = new Random(11);
  private final List<Connection> out = new ArrayList<>();
  private final ConnectionTracker tracker = new ConnectionTracker(TrackerOptions.defaults(), ServiceTable.standard(),
      out::add);
  private final long[] seq = {100, 9000};
  private long ms;

  /** A handshake record holding one hello (1: client, 2: server) of {@code length} bytes. */
  private byte[] hello(int type, int length) {
    byte[] r = record(22, length + 4);
    r[5] = (byte) type;
    r[6] = 0;
    r[7] = (byte) (length >> 8);
    r[8] = (byte) length;
    return r;
  }

  private byte[] record(int type, int length) {
    return TlsBytes.record(random, type, length);
  }

  /** Sends {@code b} from the client (dir 0) or the server (1); {@code skip}: a gap of that many bytes before it. */
  private void send(int dir, int flags, byte[] b, int skip) {
    seq[dir] += skip;
    boolean client = dir == 0;
    tracker.accept(new DecodedPacket(0, 0, ++ms * 1_000_000L, 4, 6, 0, client ? 1 : 2, 0, client ? 2 : 1,
        client ? 40000 : 443, client ? 443 : 40000, flags, seq[dir], b.length, b, 0, b.length));
    seq[dir] += b.length;
  }

  private void data(int dir, byte[] b) {
    send(dir, DecodedPacket.PSH | DecodedPacket.ACK, b, 0);
  }

  private void handshake() {
    send(0, DecodedPacket.SYN, new byte[0], 0);
    send(1, DecodedPacket.SYN | DecodedPacket.ACK, new byte[0], 0);
    seq[0]++;
    seq[1]++;
  }

  private Connection only() {
    tracker.flush();
    assertEquals(1, out.size());
    return out.get(0);
  }

  /** Sends the flight in segments cut at 1448 and 2896 bytes. */
  private void sendFlight(byte[] flight) {
    data(1, Arrays.copyOfRange(flight, 0, 1448));
    data(1, Arrays.copyOfRange(flight, 1448, 2896));
    data(1, Arrays.copyOfRange(flight, 2896, flight.length));
  }

  /** The server's hello and certificate over three segments, its key exchange records in the last one. */
  private byte[] flight() {
    return TlsBytes.concat(hello(2, 86), record(22, 3000), record(22, 300), record(22, 4));
  }

  @Test
  void aFlightCutAcrossSegmentsIsReplayedWholeOnItsFirst() {
    handshake();
    byte[] clientHello = hello(1, 508);
    data(0, clientHello);
    byte[] flight = flight();
    sendFlight(flight);
    data(1, record(23, 40));
    Connection c = only();
    int first = 3; // SYN, SYN-ACK, client hello
    assertEquals(new PayloadLabel(PayloadClass.REPLAY, "handshake"), c.packets().get(first).payload());
    assertArrayEquals(flight, c.payloads().get(first), "the whole flight, every record with its bytes");
    assertEquals(1448, c.packets().get(first).payloadLength(), "the letter keeps its segment's size");
    assertEquals(PayloadClass.RANDOM, c.packets().get(first + 1).payload().payloadClass(), "a piece of a record");
    assertEquals(1448, c.payloads().get(first + 1).length, "continuations keep their own bytes");
    assertEquals(new PayloadLabel(PayloadClass.RANDOM, "data"), c.packets().get(first + 3).payload(),
        "the framing goes on after the joined message");
  }

  @Test
  void aFlightTheConnectionEndsInKeepsItsWholeRecords() {
    handshake();
    data(0, hello(1, 508));
    byte[] flight = flight();
    data(1, Arrays.copyOfRange(flight, 0, 1448));
    Connection c = only();
    assertEquals(new PayloadLabel(PayloadClass.REPLAY, "handshake"), c.packets().get(3).payload());
    assertArrayEquals(Arrays.copyOf(flight, 5 + 90), c.payloads().get(3), "the hello, without the cut certificate");
  }

  @Test
  void aGapEndsTheJoin() {
    handshake();
    data(0, hello(1, 508));
    byte[] flight = flight();
    data(1, Arrays.copyOfRange(flight, 0, 1448));
    send(1, DecodedPacket.PSH | DecodedPacket.ACK, Arrays.copyOfRange(flight, 2896, flight.length), 1448);
    Connection c = only();
    assertArrayEquals(Arrays.copyOf(flight, 5 + 90), c.payloads().get(3), "a segment was not captured");
    assertEquals(PayloadClass.REPLAY, c.packets().get(3).payload().payloadClass());
  }

  @Test
  void aCutRecordWithNothingWholeBeforeItStaysRandom() {
    handshake();
    data(0, hello(1, 508));
    byte[] certificate = record(22, 3000);
    data(1, Arrays.copyOf(certificate, 1448));
    Connection c = only();
    assertEquals(new PayloadLabel(PayloadClass.RANDOM, "handshake"), c.packets().get(3).payload());
    assertEquals(1448, c.payloads().get(3).length);
  }

  @Test
  void aHelloStartsRecordsInAConnectionSeenFromMidStream() {
    byte[] clientHello = hello(1, 300);
    data(0, clientHello);
    byte[] flight = flight();
    sendFlight(flight);
    Connection c = only();
    assertEquals(true, c.midstream());
    assertEquals(new PayloadLabel(PayloadClass.REPLAY, "handshake"), c.packets().get(0).payload(), "a whole hello");
    assertEquals(new PayloadLabel(PayloadClass.REPLAY, "handshake"), c.packets().get(1).payload());
    assertArrayEquals(flight, c.payloads().get(1));
  }
}
