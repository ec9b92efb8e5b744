package org.tadam.capture.payload;

import static org.tadam.capture.payload.AsciiBytes.digit;
import static org.tadam.capture.payload.AsciiBytes.indexOf;
import static org.tadam.capture.payload.AsciiBytes.startsWith;
import static org.tadam.capture.payload.AsciiBytes.startsWithIgnoreCase;

/** Recognisers of protocol message lines, shared by {@link MessageStarts} and service detection. */
public final class MessageSyntax {
  private MessageSyntax() {
  }

  /**
   * 0 for an HTTP request line ({@code VERB target HTTP/1.x}), the status code of a status line
   * ({@code HTTP/1.x DDD}), or -1.
   */
  public static int httpStartLine(byte[] b, int off, int len) {
    int end = off + len;
    if (startsWith(b, off, len, "HTTP/1.")) {
      if (len < 12 || b[off + 8] != ' ' || !digit(b[off + 9]) || !digit(b[off + 10])
          || !digit(b[off + 11])) {
        return -1;
      }
      return (b[off + 9] - '0') * 100 + (b[off + 10] - '0') * 10 + b[off + 11] - '0';
    }
    int i = off;
    while (i < end && i - off < 16 && b[i] >= 'A' && b[i] <= 'Z') {
      i++;
    }
    if (i == off || i >= end || b[i] != ' ') {
      return -1;
    }
    int target = i + 1;
    while (target < end && b[target] != ' ' && b[target] != '\n') {
      target++;
    }
    return target > i + 1 && startsWith(b, target, end - target, " HTTP/1.") ? 0 : -1;
  }

  /**
   * A payload that unmistakably begins a message, for connections seen from mid-stream: an HTTP
   * request or status line, an SSH identification, a reply line {@code DDD } / {@code DDD-}, or a
   * TLS hello. Captures cut from longer ones often begin after the TCP handshake; their TLS hellos
   * are then framed as records, not left to the bytes' test of randomness.
   */
  static boolean recognisedStart(byte[] b, int off, int len) {
    return httpStartLine(b, off, len) >= 0 || startsWith(b, off, len, "SSH-")
        || len >= 4 && digit(b[off]) && digit(b[off + 1]) && digit(b[off + 2])
        && (b[off + 3] == ' ' || b[off + 3] == '-')
        || tlsHello(b, off, len);
  }

  /**
   * A TLS handshake record that starts with a client or server hello: record type 22, version 3.x,
   * handshake type 1 or 2 with a length under 64 KiB that its record holds.
   */
  static boolean tlsHello(byte[] b, int off, int len) {
    if (len < 9 || b[off] != 22 || b[off + 1] != 3 || (b[off + 2] & 0xFF) > 4
        || b[off + 5] != 1 && b[off + 5] != 2 || b[off + 6] != 0) {
      return false;
    }
    int record = (b[off + 3] & 0xFF) << 8 | b[off + 4] & 0xFF;
    int hello = (b[off + 7] & 0xFF) << 8 | b[off + 8] & 0xFF;
    return hello > 0 && hello + 4 <= record;
  }

  /** SMTP DATA, POP3 RETR/TOP, or LIST/UIDL/CAPA without argument: a dot-terminated block. */
  static boolean dotCommand(byte[] b, int from, int end) {
    int n = end - from;
    return lineIs(b, from, end, "DATA") || lineIs(b, from, end, "LIST")
        || lineIs(b, from, end, "UIDL") || lineIs(b, from, end, "CAPA")
        || startsWithIgnoreCase(b, from, n, "RETR ") || startsWithIgnoreCase(b, from, n, "TOP ");
  }

  private static boolean lineIs(byte[] b, int from, int end, String word) {
    int n = end - from;
    int len = word.length();
    return startsWithIgnoreCase(b, from, n, word)
        && (n == len + 1 || n == len + 2 && b[from + len] == '\r');
  }

  /**
   * Lines longer than this are not looked at: the lines that matter (reply continuations
   * {@code DDD-}, {@code DATA}, {@code 354}) are short, and the scan stays cheap on long lines.
   */
  static final int MAX_LAST_LINE = 128;

  /**
   * Start of the last line of {@code b[off..end)} (which ends with a line end), or -1: unknown
   * (it began before {@code off} or is longer than {@value #MAX_LAST_LINE} bytes).
   */
  static int lastLineStart(byte[] b, int off, int end, boolean lineStart) {
    int stop = Math.max(off, end - 1 - MAX_LAST_LINE);
    for (int i = end - 2; i >= stop; i--) {
      if (b[i] == '\n') {
        return i + 1;
      }
    }
    return lineStart && stop == off ? off : -1;
  }

  /** {@code b[from..end)} is a continuation line {@code DDD-} of a multi-line SMTP/FTP reply. */
  static boolean replyContinuation(byte[] b, int from, int end) {
    return end - from >= 4 && digit(b[from]) && digit(b[from + 1]) && digit(b[from + 2])
        && b[from + 3] == '-';
  }

  /** Decimal digits after optional blanks, or -1; large values are capped, not wrapped. */
  static long number(byte[] b, int i, int end) {
    while (i < end && (b[i] == ' ' || b[i] == '\t')) {
      i++;
    }
    long v = -1;
    for (; i < end && digit(b[i]); i++) {
      v = Math.min(Long.MAX_VALUE / 20, Math.max(v, 0) * 10 + b[i] - '0');
    }
    return v;
  }
}
