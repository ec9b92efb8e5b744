package org.tadam.capture.payload;

import org.tadam.model.PayloadClass;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * Classifies a payload as Empty, Text (printable UTF-8), Random or Replay.
 *
 * <p>Order: empty first; then text, because text is never random-looking (its bytes have high
 * bits 0 and cluster in 0x20..0x7E) and a short printable payload should keep its token; then
 * the randomness test; everything else is Replay. A payload of which no byte was captured
 * (snaplen) is Replay.
 *
 * <p>Random: each byte is split into four 2-bit "half-nibbles"; under uniformity each of the four
 * values has probability 1/4. The χ² statistic with 3 degrees of freedom is compared with the
 * (1 − alpha) quantile, which is the same decision as Commons Math
 * {@code ChiSquareTest.chiSquareTest(expected, observed) >= alpha} (the tests check this) without
 * its per-call allocations. At least {@value #MIN_RANDOM_BYTES} bytes are required.
 *
 * <p>Token (issue 12 item 3): only a text payload that starts a protocol message has one (the
 * caller says so, see {@link MessageStarts}); a text segment from the middle of a message is plain
 * Text, so body fragments ("heck", "ernal") make no one-off symbols. The token of a message start
 * is the status code of a status line {@code PROTO/d.d DDD} (HTTP, RTSP, SIP: {@code "200"}),
 * else the leading run of ASCII letters and digits (verbs and commands {@code GET}, {@code EHLO},
 * reply codes {@code 220}, the banner {@code SSH}), kept when 1..{@value #MAX_TOKEN} long (a longer
 * run is rather data than a keyword, so the label is plain Text). A Random or Replay payload that
 * starts binary records (TLS, SSH key exchange) has their types as its token ({@link BinaryRecords}),
 * and its class may be set by its records ({@link MessageStarts#recordClass}).
 */
public final class PayloadClassifier {
  public static final int MIN_RANDOM_BYTES = 5;
  public static final int MAX_TOKEN = 10;
  public static final double DEFAULT_ALPHA = 0.05;

  /** Four 16-bit counters per byte value; a chunk of ≤ 16383 bytes cannot overflow them. */
  private static final long[] HALF_NIBBLES = new long[256];
  private static final int CHUNK = 16383;
  private static final int MAX_CACHED_TOKENS = 4096;
  /** Open-addressing token cache: starts small, doubles at half full, up to twice the cap. */
  private static final int MIN_CACHE_SLOTS = 64;

  static {
    for (int v = 0; v < 256; v++) {
      long packed = 0;
      for (int shift = 0; shift < 8; shift += 2) {
        packed += 1L << (16 * ((v >> shift) & 3));
      }
      HALF_NIBBLES[v] = packed;
    }
  }

  private static final double DEFAULT_CRITICAL_VALUE = criticalValue(DEFAULT_ALPHA);

  private final double criticalValue;
  /** Token labels by {@link #packToken packed} token: looked up without allocating. */
  private long[] cacheKeys = new long[MIN_CACHE_SLOTS];
  private PayloadLabel[] cacheLabels = new PayloadLabel[MIN_CACHE_SLOTS];
  private int cached;
  private final Map<String, PayloadLabel> randomLabels = new HashMap<>();
  private final Map<String, PayloadLabel> replayLabels = new HashMap<>();

  public PayloadClassifier() {
    this.criticalValue = DEFAULT_CRITICAL_VALUE;
  }

  /** @param alpha significance level: Random when the χ² p-value is ≥ alpha */
  public PayloadClassifier(double alpha) {
    this.criticalValue = criticalValue(alpha);
  }

  /** The largest χ² statistic (3 degrees of freedom) a random payload has at level {@code alpha}. */
  public static double criticalValue(double alpha) {
    return new ChiSquaredDistribution(null, 3).inverseCumulativeProbability(1 - alpha);
  }

  /**
   * Classifies a payload taken on its own, as a message start (a datagram, a test's payload).
   *
   * @param wireLength payload length on the wire
   * @param captured payload bytes available at {@code b[off..off+captured)}
   */
  public PayloadLabel classify(byte[] b, int off, int captured, int wireLength) {
    return classify(b, off, captured, wireLength, true);
  }

  /**
   * @param messageStart the payload starts a protocol message (only then text gets a token)
   */
  public PayloadLabel classify(byte[] b, int off, int captured, int wireLength,
      boolean messageStart) {
    return classify(b, off, captured, wireLength, messageStart, null, null);
  }

  /**
   * @param recordToken the binary record types the payload starts (see {@link MessageStarts#recordToken}), or
   *     null: the token of a Random or Replay payload
   * @param recordClass the class the payload's binary records impose ({@link MessageStarts#recordClass}), or
   *     null: its bytes decide
   */
  public PayloadLabel classify(byte[] b, int off, int captured, int wireLength,
      boolean messageStart, String recordToken, PayloadClass recordClass) {
    if (wireLength == 0) {
      return PayloadLabel.EMPTY;
    }
    if (captured <= 0) {
      return PayloadLabel.REPLAY;
    }
    if (isPrintableUtf8(b, off, captured)) {
      return messageStart ? text(b, off, captured) : PayloadLabel.TEXT;
    }
    boolean random = recordClass != null ? recordClass == PayloadClass.RANDOM
        : captured >= MIN_RANDOM_BYTES && halfNibbleStatistic(b, off, captured) <= criticalValue;
    if (recordToken != null) {
      return binary(random ? PayloadClass.RANDOM : PayloadClass.REPLAY, recordToken);
    }
    return random ? PayloadLabel.RANDOM : PayloadLabel.REPLAY;
  }

  /** One label per class and record token (few distinct ones: record types of one protocol). */
  private PayloadLabel binary(PayloadClass payloadClass, String token) {
    Map<String, PayloadLabel> labels = payloadClass == PayloadClass.RANDOM ? randomLabels : replayLabels;
    PayloadLabel label = labels.get(token);
    if (label == null) {
      label = new PayloadLabel(payloadClass, token);
      if (labels.size() < MAX_CACHED_TOKENS) {
        labels.put(token, label);
      }
    }
    return label;
  }

  /** Counts of the 2-bit values 0..3 over all bytes. */
  public static long[] halfNibbleCounts(byte[] b, int off, int len) {
    long[] counts = new long[4];
    for (int start = 0; start < len; start += CHUNK) {
      int stop = Math.min(len, start + CHUNK);
      long packed = 0;
      for (int i = off + start; i < off + stop; i++) {
        packed += HALF_NIBBLES[b[i] & 0xFF];
      }
      for (int k = 0; k < 4; k++) {
        counts[k] += (packed >>> (16 * k)) & 0xFFFF;
      }
    }
    return counts;
  }

  /** χ² statistic of the half-nibble histogram against the uniform distribution. */
  public static double halfNibbleStatistic(byte[] b, int off, int len) {
    long packed = 0;
    if (len <= CHUNK) {
      for (int i = off; i < off + len; i++) {
        packed += HALF_NIBBLES[b[i] & 0xFF];
      }
      double expected = len;
      double sum = 0;
      for (int k = 0; k < 4; k++) {
        double d = ((packed >>> (16 * k)) & 0xFFFF) - expected;
        sum += d * d;
      }
      return sum / expected;
    }
    long[] counts = halfNibbleCounts(b, off, len);
    double sum = 0;
    for (long c : counts) {
      sum += (c - (double) len) * (c - (double) len);
    }
    return sum / len;
  }

  /** Printable ASCII, tab/CR/LF, and well-formed multi-byte UTF-8 (cut at the end tolerated). */
  public static boolean isPrintableUtf8(byte[] b, int off, int len) {
    int end = off + len;
    int i = off;
    while (i < end) {
      int c = b[i] & 0xFF;
      if (c >= 0x20 && c < 0x7F || c == '\t' || c == '\n' || c == '\r') {
        i++;
        continue;
      }
      int more;
      if (c >= 0xC2 && c <= 0xDF) {
        more = 1;
      } else if (c >= 0xE0 && c <= 0xEF) {
        more = 2;
      } else if (c >= 0xF0 && c <= 0xF4) {
        more = 3;
      } else {
        return false;
      }
      for (int k = 1; k <= more; k++) {
        if (i + k >= end) {
          return true;
        }
        if ((b[i + k] & 0xC0) != 0x80) {
          return false;
        }
      }
      i += more + 1;
    }
    return true;
  }

  private PayloadLabel text(byte[] b, int off, int len) {
    int code = statusCodeOffset(b, off, len);
    if (code >= 0) {
      return label(b, code, 3);
    }
    int n = 0;
    while (n < len && n <= MAX_TOKEN && alnum(b[off + n])) {
      n++;
    }
    return n == 0 || n > MAX_TOKEN ? PayloadLabel.TEXT : label(b, off, n);
  }

  /**
   * Where the code of a status line {@code LETTERS/d.d DDD} (then a blank or the end) starts, or
   * -1: HTTP, RTSP and SIP replies are named by their code, as SMTP and FTP replies are.
   */
  static int statusCodeOffset(byte[] b, int off, int len) {
    int n = 0;
    while (n < len && n <= MAX_TOKEN && (b[off + n] | 0x20) >= 'a' && (b[off + n] | 0x20) <= 'z') {
      n++;
    }
    int c = off + n + 5;
    if (n == 0 || n + 8 > len || b[off + n] != '/' || !digit(b[c - 4]) || b[c - 3] != '.'
        || !digit(b[c - 2]) || b[c - 1] != ' ' || !digit(b[c]) || !digit(b[c + 1])
        || !digit(b[c + 2])) {
      return -1;
    }
    return n + 8 == len || b[c + 3] == ' ' || b[c + 3] == '\r' || b[c + 3] == '\n' ? c : -1;
  }

  private static boolean digit(byte c) {
    return c >= '0' && c <= '9';
  }

  private static boolean alnum(byte c) {
    return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
  }

  /**
   * A token of 1..10 ASCII letters/digits as one long: 6 bits per character (1..62, 0 = none),
   * so different tokens never share a key and the cache needs no String to look up.
   */
  private static long packToken(byte[] b, int off, int n) {
    long key = 0;
    for (int i = 0; i < n; i++) {
      int c = b[off + i];
      int v = c <= '9' ? c - '0' + 1 : c <= 'Z' ? c - 'A' + 11 : c - 'a' + 37;
      key = key << 6 | v;
    }
    return key;
  }

  private PayloadLabel label(byte[] b, int off, int n) {
    long key = packToken(b, off, n);
    int slot = slot(key, cacheKeys, cacheLabels);
    if (cacheLabels[slot] != null) {
      return cacheLabels[slot];
    }
    PayloadLabel label = new PayloadLabel(PayloadClass.TEXT,
        new String(b, off, n, StandardCharsets.US_ASCII));
    // A full cache stops growing (memory bound); later new tokens are allocated each time.
    if (cached < MAX_CACHED_TOKENS) {
      if (2 * (cached + 1) > cacheKeys.length) {
        grow();
        slot = slot(key, cacheKeys, cacheLabels);
      }
      cacheKeys[slot] = key;
      cacheLabels[slot] = label;
      cached++;
    }
    return label;
  }

  /** The slot holding {@code key}, or the empty slot where it belongs (linear probing). */
  private static int slot(long key, long[] keys, PayloadLabel[] labels) {
    int mask = keys.length - 1;
    int slot = (int) (key * 0x9E3779B97F4A7C15L >>> 32) & mask;
    while (labels[slot] != null && keys[slot] != key) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private void grow() {
    long[] keys = new long[2 * cacheKeys.length];
    PayloadLabel[] labels = new PayloadLabel[keys.length];
    for (int i = 0; i < cacheKeys.length; i++) {
      if (cacheLabels[i] != null) {
        int slot = slot(cacheKeys[i], keys, labels);
        keys[slot] = cacheKeys[i];
        labels[slot] = cacheLabels[i];
      }
    }
    cacheKeys = keys;
    cacheLabels = labels;
  }
}
