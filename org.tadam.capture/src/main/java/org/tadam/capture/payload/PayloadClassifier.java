package org.tadam.capture.payload;

import org.tadam.model.PayloadClass;

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
 * <p>Token: the leading run of ASCII letters and digits; kept when 1..{@value #MAX_TOKEN} long
 * (a longer run is rather data than a keyword, so the label is plain Text).
 */
public final class PayloadClassifier {
  public static final int MIN_RANDOM_BYTES = 5;
  public static final int MAX_TOKEN = 10;
  public static final double DEFAULT_ALPHA = 0.05;

  /** Four 16-bit counters per byte value; a chunk of ≤ 16383 bytes cannot overflow them. */
  private static final long[] HALF_NIBBLES = new long[256];
  private static final int CHUNK = 16383;
  private static final int MAX_CACHED_TOKENS = 4096;

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
  private final Map<String, PayloadLabel> tokens = new HashMap<>();
  private final char[] tokenChars = new char[MAX_TOKEN];

  public PayloadClassifier() {
    this.criticalValue = DEFAULT_CRITICAL_VALUE;
  }

  /** @param alpha significance level: Random when the χ² p-value is ≥ alpha */
  public PayloadClassifier(double alpha) {
    this.criticalValue = criticalValue(alpha);
  }

  private static double criticalValue(double alpha) {
    return new ChiSquaredDistribution(null, 3).inverseCumulativeProbability(1 - alpha);
  }

  /**
   * @param wireLength payload length on the wire
   * @param captured payload bytes available at {@code b[off..off+captured)}
   */
  public PayloadLabel classify(byte[] b, int off, int captured, int wireLength) {
    if (wireLength == 0) {
      return PayloadLabel.EMPTY;
    }
    if (captured <= 0) {
      return PayloadLabel.REPLAY;
    }
    if (isPrintableUtf8(b, off, captured)) {
      return text(b, off, captured);
    }
    if (captured >= MIN_RANDOM_BYTES && halfNibbleStatistic(b, off, captured) <= criticalValue) {
      return PayloadLabel.RANDOM;
    }
    return PayloadLabel.REPLAY;
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
    int n = 0;
    while (n < len && n <= MAX_TOKEN) {
      int c = b[off + n] & 0xFF;
      boolean alnum = c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
      if (!alnum) {
        break;
      }
      if (n < MAX_TOKEN) {
        tokenChars[n] = (char) c;
      }
      n++;
    }
    if (n == 0 || n > MAX_TOKEN) {
      return PayloadLabel.TEXT;
    }
    String token = new String(tokenChars, 0, n);
    PayloadLabel label = tokens.get(token);
    if (label == null) {
      label = new PayloadLabel(PayloadClass.TEXT, token);
      if (tokens.size() < MAX_CACHED_TOKENS) {
        tokens.put(token, label);
      }
    }
    return label;
  }
}
