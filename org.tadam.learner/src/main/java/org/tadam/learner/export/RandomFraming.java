package org.tadam.learner.export;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.tadam.model.RandomPayload;

/**
 * Learns how the random payloads of one edge are framed: the leading bytes they share (a TLS record's type and
 * version) and a big-endian length field right after them whose value is the payload length minus a constant (the
 * TLS record length, the SSH packet length of encrypt-then-MAC ciphers). Encrypted payloads keep such plaintext
 * framing, and parsers reject random bytes without it. Each must hold for {@link #SHARE} of the payloads, so that
 * a byte constant by chance in a few samples is not taken for framing.
 */
final class RandomFraming {
  /** Leading bytes examined. */
  static final int HEAD = 24;
  /**
   * Largest difference between a payload's length and its length field: headers and MACs. A larger one means
   * the field took in constant bytes before the real one (an MQTT type byte), which the header states better.
   */
  static final int MAX_PLUS = 4096;
  /** Bytes after the framing that must look random. */
  static final int OPAQUE_CHECK = 4;
  /** Payloads needed before shared leading bytes are believed. */
  static final int MIN_HEADER_SAMPLES = 3;
  /**
   * Payloads needed before bytes they share at their start are taken for structure that is not framing: with
   * fewer, ciphertext shares a byte by chance too often.
   */
  static final int MIN_STRUCTURE_SAMPLES = 8;
  /** Payloads needed before a length field is believed. */
  static final int MIN_FIELD_SAMPLES = 10;
  /** Share of the payloads that must agree on a leading byte. */
  static final double SHARE = 0.9;
  /**
   * Share of the payloads whose length field must agree: lower, because a segment holding several records (a TLS
   * server's handshake flight) gives the first record's length only. Random bytes match a 2-byte field by chance
   * about once in 65 536.
   */
  static final double FIELD_SHARE = 0.75;

  private record Sample(ByteBuffer head, int length) {
  }

  private final Map<Sample, long[]> samples = new HashMap<>();

  void add(byte[] payload, int length, long weight) {
    if (payload != null && length >= 5) {
      byte[] head = Arrays.copyOf(payload, Math.min(HEAD, payload.length));
      samples.computeIfAbsent(new Sample(ByteBuffer.wrap(head), length), k -> new long[1])[0] += weight;
    }
  }

  /** How many payloads were added. */
  long total() {
    return samples.values().stream().mapToLong(w -> w[0]).sum();
  }

  /** Adds the payloads of another edge: the framing of a direction is learned from all its edges. */
  void addAll(RandomFraming other) {
    other.samples.forEach((k, w) -> samples.computeIfAbsent(k, x -> new long[1])[0] += w[0]);
  }

  /**
   * Whether {@link #SHARE} of these payloads (and at least one) start as {@code framed} says: its length field
   * when it has one, else its header.
   */
  boolean agreesWith(RandomPayload framed) {
    byte[] header = framed.getHeader();
    long total = 0;
    long agree = 0;
    for (Map.Entry<Sample, long[]> e : samples.entrySet()) {
      ByteBuffer h = e.getKey().head();
      total += e.getValue()[0];
      // with a length field only the field must agree: the bytes before it may vary (the TLS record type)
      boolean ok = framed.getLengthOffset() >= 0
          || h.capacity() >= header.length && startsWith(h, header, header.length);
      if (framed.getLengthOffset() >= 0) {
        long value = fieldValue(h, framed.getLengthOffset(), framed.getLengthWidth());
        ok = value >= 0 && value == e.getKey().length() - framed.getLengthPlus();
      }
      agree += ok ? e.getValue()[0] : 0;
    }
    int end = framed.getLengthOffset() >= 0 ? framed.getLengthOffset() + framed.getLengthWidth() : header.length;
    return total > 0 && agree >= (framed.getLengthOffset() >= 0 ? FIELD_SHARE : SHARE) * total && opaqueAfter(end);
  }

  /**
   * Sets the header and length field of {@code random} when the payloads agree on them; returns whether. The
   * field may sit after bytes that vary (a TLS record's type): the header then holds their most frequent values.
   */
  boolean applyTo(RandomPayload random) {
    long total = total();
    if (total < MIN_HEADER_SAMPLES) {
      return false;
    }
    byte[] common = new byte[HEAD];
    int constant = HEAD;
    for (int k = 0; k < HEAD; k++) {
      long[] byValue = byteValues(k);
      int best = mostFrequent(byValue);
      common[k] = (byte) best;
      if (byValue[best] < SHARE * total) {
        constant = Math.min(constant, k);
      }
    }
    for (int at = 0; total >= MIN_FIELD_SAMPLES && at < HEAD; at++) {
      for (int width : new int[] { 2, 1, 4 }) {
        if (at + width <= HEAD && opaqueAfter(at + width) && lengthField(at, width, total, random)) {
          random.setHeader(Arrays.copyOf(common, at));
          return true;
        }
      }
    }
    if (constant > 0 && opaqueAfter(constant)) {
      random.setHeader(Arrays.copyOf(common, constant));
      return true;
    }
    return false;
  }

  /**
   * Whether these payloads are structured messages rather than ciphertext: {@link #MIN_STRUCTURE_SAMPLES} of them at
   * least, half of which show one value at one of their first {@link #OPAQUE_CHECK} bytes. The capture's χ² test
   * of randomness (learner spec, part B item 2) has little power on short payloads: an MQTT PUBLISH of 20 bytes,
   * a topic and a short message, passes it.
   */
  boolean structured() {
    return total() >= MIN_STRUCTURE_SAMPLES && !opaqueAfter(0);
  }

  private boolean lengthField(int at, int width, long total, RandomPayload random) {
    // per difference (length - field): the payloads that have it, and the field values they show
    Map<Long, long[]> plus = new HashMap<>();
    Map<Long, Set<Long>> values = new HashMap<>();
    for (Map.Entry<Sample, long[]> e : samples.entrySet()) {
      long value = fieldValue(e.getKey().head(), at, width);
      if (value >= 0) {
        long p = e.getKey().length() - value;
        plus.computeIfAbsent(p, k -> new long[1])[0] += e.getValue()[0];
        values.computeIfAbsent(p, k -> new HashSet<>()).add(value);
      }
    }
    Map.Entry<Long, long[]> best = plus.entrySet().stream()
        .max((a, b) -> a.getValue()[0] != b.getValue()[0] ? Long.compare(a.getValue()[0], b.getValue()[0])
            : Long.compare(b.getKey(), a.getKey()))
        .orElse(null);
    // the agreeing payloads must show two lengths at least: one length cannot tell a field from constant bytes
    if (best == null || values.get(best.getKey()).size() < 2 || best.getValue()[0] < FIELD_SHARE * total
        || Math.abs(best.getKey()) > MAX_PLUS) {
      return false;
    }
    random.setLengthOffset(at);
    random.setLengthWidth(width);
    random.setLengthPlus((int) (long) best.getKey());
    return true;
  }

  /**
   * Whether the bytes after the framing look like ciphertext: no byte value in half of the payloads at any of
   * the next {@link #OPAQUE_CHECK} positions. Framing in front of structured bytes (an MQTT PUBLISH header before
   * its topic length) makes parsers read random bytes as that structure: worse than no framing.
   */
  private boolean opaqueAfter(int end) {
    for (int k = end; k < Math.min(HEAD, end + OPAQUE_CHECK); k++) {
      long[] byValue = byteValues(k);
      long n = 0;
      for (long c : byValue) {
        n += c;
      }
      if (n >= MIN_HEADER_SAMPLES + 1 && byValue[mostFrequent(byValue)] * 2 >= n) {
        return false;
      }
    }
    return true;
  }

  /**
   * The big-endian value of the {@code width} bytes at {@code at} that {@link #SHARE} of the payloads show (a
   * record's length that does not change: a ChangeCipherSpec before the record that carries the rest), or -1.
   */
  long constantValue(int at, int width) {
    Map<Long, long[]> byValue = new HashMap<>();
    long total = 0;
    for (Map.Entry<Sample, long[]> e : samples.entrySet()) {
      total += e.getValue()[0];
      long value = fieldValue(e.getKey().head(), at, width);
      if (value >= 0) {
        byValue.computeIfAbsent(value, k -> new long[1])[0] += e.getValue()[0];
      }
    }
    for (Map.Entry<Long, long[]> e : byValue.entrySet()) {
      if (total > 0 && e.getValue()[0] >= SHARE * total) {
        return e.getKey();
      }
    }
    return -1;
  }

  /** The big-endian value of the {@code width} bytes at {@code at} of a payload's head, or -1 when it is shorter. */
  private static long fieldValue(ByteBuffer head, int at, int width) {
    if (head.capacity() < at + width) {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < width; i++) {
      value = value << 8 | (head.get(at + i) & 0xFF);
    }
    return value;
  }

  /** The most frequent value of each of the first {@code n} bytes. */
  byte[] commonHead(int n) {
    byte[] head = new byte[n];
    for (int k = 0; k < n; k++) {
      head[k] = (byte) mostFrequent(byteValues(k));
    }
    return head;
  }

  private long[] byteValues(int k) {
    long[] byValue = new long[256];
    for (Map.Entry<Sample, long[]> e : samples.entrySet()) {
      if (e.getKey().head().capacity() > k) {
        byValue[e.getKey().head().get(k) & 0xFF] += e.getValue()[0];
      }
    }
    return byValue;
  }

  private static int mostFrequent(long[] byValue) {
    int best = 0;
    for (int v = 1; v < 256; v++) {
      best = byValue[v] > byValue[best] ? v : best;
    }
    return best;
  }

  private static boolean startsWith(ByteBuffer head, byte[] prefix, int k) {
    for (int i = 0; i < k; i++) {
      if (head.get(i) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
