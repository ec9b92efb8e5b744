package org.tadam.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tadam.capture.payload.MessageStarts;
import org.tadam.capture.payload.PayloadClassifier;
import org.tadam.capture.payload.PayloadLabel;
import org.tadam.model.PayloadClass;

/** TLS records and SSH key-exchange packets: message starts counted by length, tokens naming the record types. */
class BinaryRecordStartsTest {
  private final MessageStarts client = new MessageStarts(true);
  private final MessageStarts server = new MessageStarts(true);
  private long clientSeq = 1000;
  private long serverSeq = 5000;
  private final Random random = new Random(7);

  BinaryRecordStartsTest() {
    MessageStarts.pair(client, server);
  }

  /** Sends a segment; returns its token when it starts a message, "-" when it does not. */
  private String c(byte[] b) {
    boolean start = client.next(clientSeq, b, 0, b.length, b.length);
    clientSeq += b.length;
    return start ? String.valueOf(client.recordToken()) : "-";
  }

  private String s(byte[] b) {
    boolean start = server.next(serverSeq, b, 0, b.length, b.length);
    serverSeq += b.length;
    return start ? String.valueOf(server.recordToken()) : "-";
  }

  private byte[] tls(int type, int length) {
    return TlsBytes.record(random, type, length);
  }

  private byte[] ssh(int code, int payload) {
    // packet_length counts the padding length byte, the message code, the payload and the padding
    int padding = 4 + (8 - (4 + 2 + payload + 4) % 8) % 8;
    int length = 2 + payload + padding;
    byte[] p = new byte[4 + length];
    random.nextBytes(p);
    p[0] = 0;
    p[1] = 0;
    p[2] = (byte) (length >> 8);
    p[3] = (byte) length;
    p[4] = (byte) padding;
    p[5] = (byte) code;
    return p;
  }

  private static byte[] concat(byte[]... parts) {
    return TlsBytes.concat(parts);
  }

  private static byte[][] split(byte[] b, int at) {
    return new byte[][] { java.util.Arrays.copyOf(b, at), java.util.Arrays.copyOfRange(b, at, b.length) };
  }

  @Test
  void tlsSegmentsAreNamedByTheirRecordTypes() {
    assertEquals("handshake", c(tls(22, 200)));
    assertEquals("handshake+ccs+data", s(concat(tls(22, 90), tls(20, 1), tls(23, 40), tls(23, 300))));
    assertEquals("ccs+data", c(concat(tls(20, 1), tls(23, 69))));
    assertEquals("data", c(tls(23, 40)));
    assertEquals("alert", s(tls(21, 26)));
  }

  @Test
  void aRecordSpanningSegmentsStartsOnce() {
    byte[][] big = split(tls(23, 4000), 1448);
    byte[][] tail = split(concat(big[1], tls(23, 24), tls(21, 26)), 2557 + 29 + 10);
    assertEquals("data", s(big[0]));
    assertEquals("-", s(tail[0]), "the rest of the record, a whole one and the head of a third");
    assertEquals("-", s(tail[1]), "the rest of the third record");
    assertEquals("data", s(tls(23, 24)), "the framing held across three segments");
  }

  @Test
  void garbageEndsTheStartsOfItsDirection() {
    assertEquals("handshake", c(tls(22, 100)));
    byte[] junk = tls(23, 30);
    junk[1] = 9;
    assertEquals("null", c(junk), "a start, but no record: no token");
    assertEquals("-", c(tls(23, 30)), "framing lost: nothing after it is a start");
  }

  @Test
  void sshKeyExchangeIsNamedUntilNewKeys() {
    byte[] banner = "SSH-2.0-OpenSSH_9.2p1\r\n".getBytes(StandardCharsets.US_ASCII);
    assertEquals("null", c(banner), "the banner is a text start (its token comes from the classifier)");
    assertEquals("kexinit", c(ssh(20, 700)));
    assertEquals("kex30", c(ssh(30, 260)));
    assertEquals("newkeys", c(ssh(21, 0)));
    assertEquals("-", c(ssh(94, 40)), "encrypted: lengths cannot be read");
    assertEquals("null", s(banner));
    assertEquals("kex31+newkeys", s(concat(ssh(31, 400), ssh(21, 0), ssh(94, 40))));
  }

  /** A MySQL packet: 3-byte little-endian length, sequence id, the payload. */
  private static byte[] mysql(int seq, int... bytes) {
    byte[] payload = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      payload[i] = (byte) bytes[i];
    }
    return mysql(seq, payload);
  }

  private static byte[] mysql(int seq, byte[] payload) {
    byte[] p = new byte[4 + payload.length];
    p[0] = (byte) payload.length;
    p[1] = (byte) (payload.length >> 8);
    p[2] = (byte) (payload.length >> 16);
    p[3] = (byte) seq;
    System.arraycopy(payload, 0, p, 4, payload.length);
    return p;
  }

  private byte[] greeting() {
    byte[] version = "8.0.32\0".getBytes(StandardCharsets.US_ASCII);
    byte[] rest = new byte[60];
    random.nextBytes(rest);
    return mysql(0, concat(new byte[] { 10 }, version, rest));
  }

  @Test
  void mysqlPacketsAreNamedByCommandAndAnswer() {
    assertEquals("greeting", s(greeting()));
    assertEquals("login", c(mysql(1, new byte[80])));
    assertEquals("ok", s(mysql(2, 0, 0, 0, 2, 0, 0, 0)));
    assertEquals("query", c(mysql(0, concat(new byte[] { 3 }, "select 1".getBytes(StandardCharsets.US_ASCII)))));
    byte[] rows = concat(mysql(1, 1), mysql(2, new byte[40]), mysql(3, new byte[2000]), mysql(4, 0xfe, 0, 0, 2, 0));
    byte[][] answer = split(rows, 1448);
    assertEquals("resultset", s(answer[0]), "a column count");
    assertEquals("-", s(answer[1]), "the rows go on");
    assertEquals("error", s(mysql(1, 0xff, 0x15, 0x04)), "counted across segments: the next answer starts");
    assertEquals("quit", c(mysql(0, 1)));
    MessageStarts other = new MessageStarts(true);
    MessageStarts.pair(other, new MessageStarts(true));
    byte[] notGreeting = mysql(0, concat(new byte[] { 9 }, "8.0\0".getBytes(StandardCharsets.US_ASCII), new byte[40]));
    other.next(1, notGreeting, 0, notGreeting.length, notGreeting.length);
    assertNull(other.recordToken(), "protocol 9 is no greeting we know");
  }

  @Test
  void recordsImposeTheirPayloadClass() {
    assertEquals("handshake", c(tls(22, 200)));
    assertEquals(PayloadClass.REPLAY, client.recordClass(), "a whole hello in clear is replayed");
    byte[][] certificate = split(concat(tls(22, 90), tls(22, 3000)), 1448);
    assertEquals("handshake", s(certificate[0]));
    assertEquals(PayloadClass.RANDOM, server.recordClass(), "a cut record is never replayed");
    assertEquals("-", s(certificate[1]));
    assertEquals(PayloadClass.RANDOM, server.recordClass(), "nor is its rest");
    assertEquals("ccs+handshake", s(concat(tls(20, 1), tls(22, 40))));
    assertNull(server.recordClass(), "ciphertext: the bytes decide");
    assertEquals("handshake", s(tls(22, 60)));
    assertNull(server.recordClass(), "after ChangeCipherSpec a handshake record is encrypted");
    byte[] banner = "SSH-2.0-x\r\n".getBytes(StandardCharsets.US_ASCII);
    MessageStarts ssh = new MessageStarts(true);
    ssh.next(1, banner, 0, banner.length, banner.length);
    byte[][] reply = split(ssh(31, 3000), 1448);
    ssh.next(1 + banner.length, reply[0], 0, reply[0].length, reply[0].length);
    assertEquals(PayloadClass.REPLAY, ssh.recordClass(), "a key exchange in clear");
    ssh.next(1 + banner.length + 1448, reply[1], 0, reply[1].length, reply[1].length);
    assertEquals(PayloadClass.REPLAY, ssh.recordClass(), "and its rest");
  }

  @Test
  void classifierPutsTheRecordTokenOnBinaryPayloads() {
    PayloadClassifier k = new PayloadClassifier();
    byte[] data = tls(23, 400);
    PayloadLabel label = k.classify(data, 0, data.length, data.length, true, "data", null);
    assertEquals(new PayloadLabel(PayloadClass.RANDOM, "data"), label);
    assertTrue(label == k.classify(data, 0, data.length, data.length, true, "data", null), "one label per token");
    assertEquals(new PayloadLabel(PayloadClass.REPLAY, "handshake+ccs+data"),
        k.classify(data, 0, data.length, data.length, true, "handshake+ccs+data", PayloadClass.REPLAY));
    byte[] hello = new byte[120];
    hello[0] = 22;
    assertEquals(PayloadLabel.RANDOM, k.classify(hello, 0, hello.length, hello.length, false, null, PayloadClass.RANDOM));
    assertEquals(new PayloadLabel(PayloadClass.REPLAY, "handshake"),
        k.classify(hello, 0, hello.length, hello.length, true, "handshake", null), "structured bytes");
    assertEquals(PayloadLabel.RANDOM, k.classify(data, 0, data.length, data.length, false, null, null));
    assertEquals("", k.classify(data, 0, data.length, data.length, true, null, null).token());
    assertNull(new MessageStarts(true).recordToken());
  }

  /**
   * Garbage after a record header (random lengths, headers cut by the snap length or split over segments, gaps and
   * retransmissions) never throws, and only a segment that starts a message carries a token.
   */
  @Test
  void garbageStreamsNeverThrow() {
    for (int round = 0; round < 300; round++) {
      MessageStarts stream = new MessageStarts(true);
      MessageStarts peer = new MessageStarts(true);
      MessageStarts.pair(stream, peer);
      long seq = random.nextInt();
      boolean ssh = round % 3 == 1;
      boolean mysql = round % 3 == 2;
      if (ssh) {
        byte[] banner = "SSH-2.0-x\r\n".getBytes(StandardCharsets.US_ASCII);
        stream.next(seq, banner, 0, banner.length, banner.length);
        seq += banner.length;
      } else if (mysql) {
        byte[] greeting = greeting();
        stream.next(seq, greeting, 0, greeting.length, greeting.length);
        seq += greeting.length;
      }
      for (int k = 0; k < 30; k++) {
        byte[] b = random.nextInt(3) > 0 ? new byte[1 + random.nextInt(3000)]
            : ssh ? ssh(random.nextInt(256), random.nextInt(3000))
            : mysql ? mysql(random.nextInt(256), new byte[random.nextInt(3000)])
            : tls(20 + random.nextInt(5), random.nextInt(40000));
        if (b.length > 0 && b[0] == 0) {
          random.nextBytes(b);
        }
        int captured = random.nextInt(4) == 0 ? random.nextInt(b.length + 1) : b.length;
        long at = random.nextInt(10) == 0 ? seq - random.nextInt(100) : seq + (random.nextInt(10) == 0 ? 500 : 0);
        boolean client = mysql && random.nextBoolean();
        MessageStarts side = client ? peer : stream;
        boolean start = side.next(at, b, 0, captured, b.length);
        assertTrue(start || side.recordToken() == null, "a token only at a start");
        seq = client ? seq : Math.max(seq, at + b.length);
      }
    }
  }
}
