package org.tadam.capture.payload;

/**
 * Binary protocols whose messages are length-prefixed records with a plaintext type: TLS records (type,
 * version, length) and SSH binary packets before the first NEWKEYS (length, padding length, message code). A
 * segment of such a stream that starts a record gets a token naming the types of the records it starts, e.g.
 * {@code handshake}, {@code ccs+data}, {@code kex31+newkeys}.
 *
 * <p>Why (issue 13): without it every encrypted TLS segment is the same symbol, {@code PA> random}; the search
 * then merges the states after a client's Finished, its application data and its alert, and the generator
 * walks handshakes that end before they start and puts the framing of one record type on another. With the
 * token the learner sees the protocol's message order, as text tokens show it for HTTP or SMTP.
 *
 * <p>One walker per direction, reused: {@link #walk} leaves its result in the fields.
 */
final class BinaryRecords {
  static final int TLS = 1;
  static final int SSH = 2;
  /** Largest TLS record: 2^14 bytes of plaintext plus 2048 of expansion (RFC 5246 section 6.2.3). */
  static final int MAX_TLS_RECORD = (1 << 14) + 2048;
  /**
   * Largest SSH packet_length believed. RFC 4253 section 6.1 asks for 35000 at least; large host keys and
   * post-quantum key exchanges send more, and a bigger limit only costs a later loss of framing on garbage.
   */
  static final int MAX_SSH_PACKET = 1 << 18;
  /** SSH message code NEWKEYS: what follows it in that direction is encrypted, lengths included. */
  static final int SSH_NEWKEYS = 21;
  /** Distinct consecutive record types named in a token; a longer segment's token ends with the fourth. */
  static final int MAX_TOKEN_PARTS = 4;

  /** Offset, from the segment's first byte, where the record after the last one begun in the segment starts. */
  int next;
  /** Record types of a walk from a segment's start (null otherwise). */
  String token;
  /** A header did not parse or could not be seen: the framing of the stream is lost. */
  boolean lost;
  /** SSH: the segment carried NEWKEYS. */
  boolean newKeys;
  /**
   * Whether the first and the last record the walk began are structure in clear, not ciphertext: a TLS handshake
   * record before the direction's ChangeCipherSpec (hellos, certificates, a ticket), any SSH packet before NEWKEYS.
   */
  boolean firstInClear;
  boolean lastInClear;
  /** TLS: this direction sent ChangeCipherSpec; its handshake records are encrypted from then on. */
  private boolean cipherChanged;

  /** Whether the bytes begin with a plausible TLS record header. */
  static boolean isTlsRecord(byte[] b, int off, int captured) {
    return captured >= 5 && tlsLength(b, off) > 0;
  }

  /** Whether a line is an SSH identification string: binary packets follow it in that direction. */
  static boolean isSshBanner(byte[] b, int off, int captured) {
    return captured >= 4 && b[off] == 'S' && b[off + 1] == 'S' && b[off + 2] == 'H' && b[off + 3] == '-';
  }

  /**
   * Walks the records from {@code from} (offset in the segment) to the segment's end.
   *
   * @param atStart the segment starts a record: name the types in {@link #token}
   */
  void walk(int kind, byte[] b, int off, int captured, int wire, int from, boolean atStart) {
    lost = false;
    newKeys = false;
    token = null;
    firstInClear = false;
    lastInClear = false;
    StringBuilder names = atStart ? new StringBuilder(24) : null;
    String last = null;
    int parts = 0;
    int p = from;
    int header = kind == TLS ? 5 : 6;
    while (p < wire) {
      if (p + header > captured) {
        lost = true; // the header is cut off (snap length) or split across segments
        return;
      }
      int length = kind == TLS ? tlsLength(b, off + p) : sshLength(b, off + p);
      if (length <= 0) {
        lost = true;
        return;
      }
      int type = b[off + p + (kind == TLS ? 0 : 5)] & 0xFF;
      lastInClear = kind == SSH || type == 22 && !cipherChanged;
      firstInClear = p == from ? lastInClear : firstInClear;
      cipherChanged |= kind == TLS && type == 20;
      String name = kind == TLS ? tlsName(type) : sshName(type);
      if (names != null && !name.equals(last) && parts < MAX_TOKEN_PARTS) {
        names.append(parts == 0 ? "" : "+").append(name);
        last = name;
        parts++;
      }
      p += length;
      if (kind == SSH && type == SSH_NEWKEYS) {
        newKeys = true;
        break;
      }
    }
    next = p;
    token = names == null || names.isEmpty() ? null : names.toString();
  }

  /** Length of the TLS record at {@code at} with its header, or 0 when the header is not one. */
  private static int tlsLength(byte[] b, int at) {
    int type = b[at] & 0xFF;
    int length = (b[at + 3] & 0xFF) << 8 | b[at + 4] & 0xFF;
    boolean ok = type >= 20 && type <= 24 && b[at + 1] == 3 && (b[at + 2] & 0xFF) <= 4 && length > 0
        && length <= MAX_TLS_RECORD;
    return ok ? 5 + length : 0;
  }

  /** Length of the plaintext SSH packet at {@code at} with its length field, or 0 when it is not one. */
  private static int sshLength(byte[] b, int at) {
    long length = (b[at] & 0xFFL) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | b[at + 3] & 0xFF;
    int padding = b[at + 4] & 0xFF;
    // RFC 4253 section 6: at least 4 bytes of padding, and a payload (the message code) besides
    boolean ok = length <= MAX_SSH_PACKET && padding >= 4 && padding + 1 < length && (b[at + 5] & 0xFF) > 0;
    return ok ? 4 + (int) length : 0;
  }

  private static String tlsName(int type) {
    return switch (type) {
      case 20 -> "ccs";
      case 21 -> "alert";
      case 22 -> "handshake";
      case 23 -> "data";
      default -> "heartbeat";
    };
  }

  /** RFC 4253 section 12 names; codes 30..49 belong to the key exchange method (DH or ECDH init and reply). */
  private static String sshName(int code) {
    return switch (code) {
      case 20 -> "kexinit";
      case SSH_NEWKEYS -> "newkeys";
      default -> code >= 30 && code <= 49 ? "kex" + code : "msg" + code;
    };
  }
}
