package org.tadam.capture.payload;

import org.tadam.model.PayloadClass;

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
 * <p>One instance per direction of a connection ({@link MessageStarts} makes it once the direction turns out
 * to carry records): it counts the bytes of the current record still to come, by sequence number, across
 * segments. Fixed state; a token string is the only allocation, one per record start.
 */
final class BinaryRecords {
  static final int TLS = 1;
  static final int SSH = 2;
  /** MySQL packets ({@link MySqlPackets}), of the server and of the client. */
  static final int MYSQL_SERVER = 3;
  static final int MYSQL_CLIENT = 4;
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

  private final int kind;
  /** Bytes of the current record still to come after the segments taken. */
  private long remaining;
  /** TLS: this direction sent ChangeCipherSpec; its handshake records are encrypted from then on. */
  private boolean cipherChanged;
  /** The last record begun is in clear: what continues it is too. */
  private boolean recordInClear;

  /** Of the last segment taken: the record types it starts, and the payload class its records impose. */
  private String token;
  private PayloadClass payloadClass;

  /** Of the last walk: where the record after the last one begun starts (offset in the segment), and why it stopped. */
  private int next;
  private boolean lost;
  private boolean newKeys;
  /**
   * Of the last walk: whether its first and last records are structure in clear, not ciphertext: a TLS handshake
   * record before the direction's ChangeCipherSpec (hellos, certificates, a ticket), any SSH packet before NEWKEYS.
   */
  private boolean firstInClear;
  /** Of the last walk: offset in the segment of the last record begun. */
  private int lastBegun;
  private boolean lastInClear;

  /** @param kind {@link #TLS}, {@link #SSH}, {@link #MYSQL_SERVER} or {@link #MYSQL_CLIENT} */
  BinaryRecords(int kind) {
    this.kind = kind;
  }

  /**
   * Takes the next segment of the direction: one that starts a record is walked from its first byte and named;
   * one that continues a record only moves the count of its bytes still to come, and is walked from where the
   * record ends inside it.
   *
   * @param fresh payload bytes past the newest byte seen before (gaps count: lengths are by sequence number)
   * @param start the segment begins where a record begins, and all its bytes were captured
   * @return 1 when a record begins right after the segment, 0 when not, -1 when the framing is lost (a header
   *     that does not parse, cut bytes) or ends (SSH's NEWKEYS: encrypted lengths follow): no later starts
   */
  int take(byte[] b, int off, int captured, int wire, int fresh, boolean start) {
    token = null;
    if (start) {
      walk(b, off, captured, wire, 0, true);
      boolean cut = kind == TLS && next > wire;
      payloadClass = cut ? PayloadClass.RANDOM : firstInClear ? PayloadClass.REPLAY : null;
    } else {
      payloadClass = kind == TLS ? PayloadClass.RANDOM : recordInClear ? PayloadClass.REPLAY : null;
      remaining -= fresh;
      if (remaining >= 0) {
        return remaining == 0 ? 1 : 0;
      }
      long from = wire + remaining;
      if (captured != wire || from < 0) {
        return -1; // the next header is cut off, or it was in a gap before the segment
      }
      walk(b, off, captured, wire, (int) from, false);
    }
    recordInClear = lastInClear;
    if (lost || newKeys) {
      return -1;
    }
    remaining = next - wire;
    return remaining == 0 ? 1 : 0;
  }

  /**
   * Of the last segment taken when it started TLS records: its first record is structure in clear (a hello, a
   * certificate), which the generator must replay with the records that follow it. Not SSH: a cut SSH packet keeps
   * Replay in every segment, each replayed on its own letter.
   */
  boolean startsInClear() {
    return kind == TLS && firstInClear;
  }

  /** Of the last segment taken when it started records and cut one: the length of its whole records before it. */
  int wholeRecords() {
    return lastBegun;
  }

  /** The record types the last segment taken starts, or null. */
  String token() {
    return token;
  }

  /**
   * The payload class the records of the last segment taken impose, or null (its bytes decide). Replay for
   * records in clear whose bytes are structure, not ciphertext (a TLS handshake before ChangeCipherSpec, an SSH
   * key exchange): random bytes there read as a malformed hello or key exchange. Random for a segment that cuts
   * a TLS record (a certificate or 16 KB of data over several segments): the generator writes each segment as
   * whole records, so a cut one is not replayed; its pool takes the direction's framing.
   */
  PayloadClass payloadClass() {
    return payloadClass;
  }

  /** Whether the bytes begin with a plausible TLS record header. */
  static boolean isTlsRecord(byte[] b, int off, int captured) {
    return captured >= 5 && tlsLength(b, off) > 0;
  }

  /**
   * Walks the records from {@code from} (offset in the segment) to the segment's end.
   *
   * @param atStart the segment starts a record: name the types in {@link #token}
   */
  private void walk(byte[] b, int off, int captured, int wire, int from, boolean atStart) {
    lost = false;
    newKeys = false;
    firstInClear = false;
    lastInClear = false;
    StringBuilder names = atStart ? new StringBuilder(24) : null;
    String last = null;
    int parts = 0;
    int p = from;
    boolean mysql = kind == MYSQL_SERVER || kind == MYSQL_CLIENT;
    int header = kind == TLS ? 5 : mysql ? MySqlPackets.HEADER + 1 : 6;
    while (p < wire) {
      lastBegun = p;
      if (p + header > captured) {
        lost = true; // the header is cut off (snap length) or split across segments
        return;
      }
      int length = kind == TLS ? tlsLength(b, off + p)
          : mysql ? MySqlPackets.HEADER + MySqlPackets.length(b, off + p) : sshLength(b, off + p);
      if (length <= 0) {
        lost = true;
        return;
      }
      int type = b[off + p + (kind == TLS ? 0 : mysql ? 3 : 5)] & 0xFF;
      lastInClear = kind == SSH || kind == TLS && type == 22 && !cipherChanged;
      firstInClear = p == from ? lastInClear : firstInClear;
      cipherChanged |= kind == TLS && type == 20;
      // named only while a token is being made (a continuation's records, a result set's rows name nothing); a
      // MySQL segment by its first packet
      if (names != null && parts < (mysql ? 1 : MAX_TOKEN_PARTS)) {
        String name = kind == TLS ? tlsName(type)
            : mysql ? MySqlPackets.name(kind == MYSQL_CLIENT, b, off + p, length - MySqlPackets.HEADER) : sshName(type);
        if (!name.equals(last)) {
          names.append(parts == 0 ? "" : "+").append(name);
          last = name;
          parts++;
        }
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
