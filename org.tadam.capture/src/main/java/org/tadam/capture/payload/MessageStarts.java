package org.tadam.capture.payload;

import static org.tadam.capture.payload.AsciiBytes.containsIgnoreCase;
import static org.tadam.capture.payload.AsciiBytes.endsWith;
import static org.tadam.capture.payload.AsciiBytes.indexOf;
import static org.tadam.capture.payload.AsciiBytes.isExactly;
import static org.tadam.capture.payload.AsciiBytes.startsWith;
import static org.tadam.capture.payload.AsciiBytes.startsWithIgnoreCase;
import static org.tadam.capture.payload.MessageSyntax.dotCommand;
import static org.tadam.capture.payload.MessageSyntax.httpStartLine;
import static org.tadam.capture.payload.MessageSyntax.lastLineStart;
import static org.tadam.capture.payload.MessageSyntax.number;
import static org.tadam.capture.payload.MessageSyntax.recognisedStart;
import static org.tadam.capture.payload.MessageSyntax.replyContinuation;

import org.tadam.model.PayloadClass;

/**
 * Which TCP segments of one direction start a protocol message (issue 12 item 3: text tokens come
 * only from message starts, never from the middle of a body). One instance per direction of a
 * connection, {@link #pair paired} with the other one; fixed state, nothing allocated per packet.
 *
 * <p>Rule. A segment starts a message when it begins exactly where the previous message of its
 * direction ended: the first payload of the direction (in a connection seen from mid-stream only
 * when it is {@link MessageSyntax#recognisedStart recognisably} one), or the previous payload ended
 * a message. A payload ends a message when
 * <ul>
 * <li>by default (line protocols: SMTP, FTP, POP3, IMAP, SSH banner): it ends with a line end
 * ({@code \n}), unless its last line is a reply continuation {@code DDD-} (multi-line SMTP/FTP
 * replies end with the line {@code DDD });
 * <li>HTTP: a start segment with a request line ({@code VERB target HTTP/1.x}) or a status line
 * ({@code HTTP/1.x DDD}) begins headers, which end at the blank line; the body is then
 * {@code Content-Length} bytes (counted by sequence number, so retransmissions and gaps do not
 * shift it), chunked up to the last chunk {@code \r\n0\r\n\r\n}, none for requests without a
 * length, for 1xx/204/304 and for the answer to HEAD; a response without length, and a 101
 * (switched protocol), run to the end of the connection (no later starts in that direction);
 * <li>SMTP {@code DATA} answered by {@code 354}, and the {@code +OK} answer to POP3 {@code RETR},
 * {@code TOP} and argument-less {@code LIST}, {@code UIDL}, {@code CAPA}: up to the line
 * {@code .}; SMTP {@code BDAT n}: n bytes after the command line;
 * <li>length-prefixed binary records ({@link BinaryRecords}): from a start segment that begins
 * with a TLS record header, and after an SSH identification line, a message ends where its record
 * or packet length says (counted by sequence number, across segments); the segments that start
 * one get {@link #recordToken the record types} as their token. SSH stops at NEWKEYS (lengths are
 * encrypted after it); a header that does not parse ends the starts of the direction.
 * </ul>
 * Limits: segments are not reordered: a retransmission, a duplicate or a segment that arrives
 * after a later one is never a start, and after a gap the line rule applies again; a header split
 * across segments is missed (a lost Content-Length makes the body look like lines); HTTP pipelining
 * is not followed inside a segment; a last line over {@value MessageSyntax#MAX_LAST_LINE} bytes is
 * not looked at; IMAP literals and tagged commands are plain lines; UDP needs
 * none of this (every datagram is a message).
 */
public final class MessageStarts {
  private static final int LINES = 0;
  private static final int HEADERS = 1;
  private static final int BODY = 2;
  private static final int CHUNKED = 3;
  private static final int UNTIL_CLOSE = 4;
  private static final int DOT = 5;
  /** Length-prefixed binary records (TLS, SSH before NEWKEYS): {@link BinaryRecords}. */
  private static final int RECORDS = 6;

  private MessageStarts peer;
  private boolean seen;
  /** Sequence number after the newest payload byte seen (compared modulo 2^32). */
  private int frontier;
  /** The byte at {@code frontier} begins a message. */
  private boolean atStart;
  /** The byte before {@code frontier} was a line end. */
  private boolean lineEnd;
  private int mode = LINES;
  /** BODY: body bytes still to come. */
  private long remaining;
  /** HEADERS: Content-Length seen (-1 none), chunked seen, status code (0: a request). */
  private long contentLength;
  private boolean chunked;
  private int status;
  /** The peer asked HEAD: the next response of this direction has no body. */
  private boolean headAsked;
  /** This side's last command asks for a dot-terminated block (SMTP DATA, POP3 RETR...). */
  private boolean dotAsked;
  /** RECORDS: the record stream of this direction. */
  private BinaryRecords records;
  /** The record types of the last segment, when it started binary records; else null. */
  private String recordToken;
  /** The payload class the record framing imposes on the last segment ({@link #recordClass}), or null. */
  private PayloadClass recordClass;
  /** Where the last segment stands in a record in clear cut across segments ({@link #join}). */
  private Join join = Join.NONE;
  /** A record in clear was cut and every byte of it since came contiguously, whole. */
  private boolean joining;

  /**
   * How a segment takes part in a message that starts with a record in clear and is cut across segments (a TLS
   * server's hello and certificate over three segments; a TLS 1.3 hello, its ChangeCipherSpec and the start of its
   * encrypted flight): the capture joins such a message into the payload of its first segment, so that a generator
   * replays it whole, every record with its own bytes, where a cut record's piece can only be written as filler
   * (issue 13: 57 of 300 generated TLS connections carried a server hello, 233 of 277 real ones; 165 with joins).
   */
  public enum Join {
    /** Not part of one. */
    NONE,
    /** Starts the message with a record in clear and cuts its last record. */
    BEGIN,
    /** Goes on with it and ends inside a record again. */
    MORE,
    /** Goes on with it and ends where a record ends: the message is whole. */
    END,
    /**
     * A gap, an overlap, bytes not captured, or a header that does not parse: the message cannot be joined (its
     * first segment's whole records can still be replayed).
     */
    BROKEN
  }

  /** @param knownStart the connection's start was captured (not mid-stream) */
  public MessageStarts(boolean knownStart) {
    this.atStart = knownStart;
  }

  /** Links the two directions of one connection (request/answer rules look at the peer). */
  public static void pair(MessageStarts a, MessageStarts b) {
    a.peer = b;
    b.peer = a;
  }

  /**
   * Takes the next segment of this direction and says whether it starts a message.
   *
   * @param seq TCP sequence number of the first payload byte
   * @param captured payload bytes at {@code b[off..off+captured)}
   * @param wire payload length on the wire
   */
  public boolean next(long seq, byte[] b, int off, int captured, int wire) {
    recordToken = null;
    recordClass = null;
    join = Join.NONE;
    if (wire <= 0) {
      return false;
    }
    int s = (int) seq;
    if (!seen) {
      seen = true;
      frontier = s;
      atStart = atStart || recognisedStart(b, off, captured);
    }
    int fresh = s + wire - frontier;
    if (fresh <= 0) {
      return false;
    }
    boolean contiguous = s == frontier;
    boolean start = contiguous && atStart;
    boolean lineStart = contiguous && (lineEnd || atStart);
    frontier = s + wire;
    boolean whole = captured == wire;
    switch (mode) {
      case BODY -> {
        remaining -= fresh;
        if (remaining >= 0) {
          boundary(remaining == 0);
        } else if (whole) {
          afterBody(b, off, captured);
        } else {
          mode = LINES;
          boundary(false);
        }
      }
      case UNTIL_CLOSE -> boundary(false);
      case CHUNKED -> boundary(whole && endsWith(b, off, captured, "\r\n0\r\n\r\n")
          || lineStart && whole && isExactly(b, off, captured, "0\r\n\r\n"));
      case DOT -> dotBlock(b, off, captured, whole, lineStart);
      case RECORDS -> records(b, off, captured, wire, fresh, start && whole, contiguous && whole && fresh == wire);
      case HEADERS -> {
        if (contiguous && whole) {
          headers(b, off, captured, wire, 0, lineStart);
        } else {
          mode = LINES;
          lines(b, off, captured, whole, false);
        }
      }
      default -> {
        if (start && whole && BinaryRecords.isTlsRecord(b, off, captured)) {
          mode = RECORDS;
          records = new BinaryRecords(BinaryRecords.TLS);
          records(b, off, captured, wire, fresh, true, true);
        } else if (start && whole && peer != null && !peer.seen && MySqlPackets.isGreeting(b, off, captured)) {
          // a MySQL server's greeting before the client said anything: both directions are MySQL packets
          mode = RECORDS;
          records = new BinaryRecords(BinaryRecords.MYSQL_SERVER);
          peer.mode = RECORDS;
          peer.records = new BinaryRecords(BinaryRecords.MYSQL_CLIENT);
          records(b, off, captured, wire, fresh, true, true);
        } else if (start && whole) {
          firstSegment(b, off, captured, wire);
          if (atStart && startsWith(b, off, captured, "SSH-")) { // binary packets follow the identification line
            mode = RECORDS;
            records = new BinaryRecords(BinaryRecords.SSH);
          }
        } else {
          lines(b, off, captured, whole, lineStart);
        }
      }
    }
    lineEnd = whole && b[off + captured - 1] == '\n';
    return start;
  }

  /** A message start in line mode: HTTP head, POP3 multi-line answer, BDAT, or plain lines. */
  private void firstSegment(byte[] b, int off, int captured, int wire) {
    int httpStatus = httpStartLine(b, off, captured);
    if (httpStatus >= 0) {
      status = httpStatus;
      contentLength = -1;
      chunked = false;
      if (status == 0 && peer != null) {
        peer.headAsked = startsWithIgnoreCase(b, off, captured, "HEAD ");
      }
      mode = HEADERS;
      headers(b, off, captured, wire, 0, true);
    } else if (peer != null && peer.dotAsked && startsWithIgnoreCase(b, off, captured, "+OK")) {
      peer.dotAsked = false;
      mode = DOT;
      dotBlock(b, off, captured, true, true);
    } else if (startsWithIgnoreCase(b, off, captured, "BDAT ")) {
      long n = number(b, off + 5, off + captured);
      int eol = indexOf(b, off, off + captured, '\n');
      if (n < 0 || eol < 0) {
        lines(b, off, captured, true, true);
      } else {
        body(n, wire - (eol + 1 - off), b, off, captured);
      }
    } else {
      lines(b, off, captured, true, true);
    }
  }

  /**
   * The record types of the last segment {@link #next} took, when it started length-prefixed binary records
   * (TLS, SSH key exchange); else null.
   */
  public String recordToken() {
    return recordToken;
  }

  /**
   * The payload class the binary records of the last segment {@link #next} took impose, or null: its bytes
   * decide (see {@link BinaryRecords#payloadClass}).
   */
  public PayloadClass recordClass() {
    return recordClass;
  }

  /**
   * Where the last segment {@link #next} took stands in a message of records in clear cut across segments (see
   * {@link Join}).
   */
  public Join join() {
    return join;
  }

  /** When the last segment began a join: the length of its whole records, before the one it cuts (may be 0). */
  public int joinWholeRecords() {
    return join == Join.BEGIN ? records.wholeRecords() : 0;
  }

  /**
   * RECORDS: the record stream takes the segment; framing lost or ended (SSH's NEWKEYS) ends the starts.
   *
   * @param intact the segment follows the previous one without gap or overlap, and all its bytes were captured
   */
  private void records(byte[] b, int off, int captured, int wire, int fresh, boolean start, boolean intact) {
    boolean continuing = joining;
    int after = records.take(b, off, captured, wire, fresh, start);
    recordToken = records.token();
    recordClass = records.payloadClass();
    if (after < 0) {
      mode = UNTIL_CLOSE;
    }
    atStart = after > 0;
    if (continuing) {
      join = !intact || after < 0 ? Join.BROKEN : after > 0 ? Join.END : Join.MORE;
    } else if (start && after == 0 && records.startsInClear()) {
      join = Join.BEGIN;
    }
    joining = join == Join.BEGIN || join == Join.MORE;
  }

  private void boundary(boolean ended) {
    if (ended) {
      mode = LINES;
    }
    atStart = ended;
  }

  /**
   * A body ended inside the segment and another message began there (pipelining); its bytes are
   * the last {@code -remaining}. It is not parsed: the line rule decides the next start.
   */
  private void afterBody(byte[] b, int off, int captured) {
    int extra = (int) Math.min(captured, -remaining);
    mode = LINES;
    lines(b, off + captured - extra, extra, true, true);
  }

  /** The line rule, with the SMTP/POP3 hooks on the last line of the segment. */
  private void lines(byte[] b, int off, int captured, boolean whole, boolean lineStart) {
    int end = off + captured;
    if (!whole || captured == 0 || b[end - 1] != '\n') {
      boundary(false);
      return;
    }
    int last = lastLineStart(b, off, end, lineStart);
    atStart = last < 0 || !replyContinuation(b, last, end);
    if (last < 0) {
      return;
    }
    dotAsked = dotCommand(b, last, end);
    if (peer != null && peer.dotAsked && startsWithIgnoreCase(b, last, end - last, "354")) {
      peer.dotAsked = false;
      peer.mode = DOT;
      peer.atStart = false;
    }
  }

  private void dotBlock(byte[] b, int off, int captured, boolean whole, boolean lineStart) {
    boundary(whole && (endsWith(b, off, captured, "\n.\r\n") || endsWith(b, off, captured, "\n.\n")
        || lineStart && (isExactly(b, off, captured, ".\r\n") || isExactly(b, off, captured, ".\n"))));
  }

  /** Scans header lines from {@code from}; at the blank line decides the body. */
  private void headers(byte[] b, int off, int captured, int wire, int from, boolean lineStart) {
    int end = off + captured;
    int i = off + from;
    while (i < end) {
      if (lineStart) {
        int blank = b[i] == '\n' ? 1 : b[i] == '\r' && i + 1 < end && b[i + 1] == '\n' ? 2 : 0;
        if (blank > 0) {
          decideBody(wire - (i + blank - off), b, i + blank, end - i - blank);
          return;
        }
        int first = b[i] | 0x20;
        if (first == 'c' && startsWithIgnoreCase(b, i, end - i, "content-length:")) {
          contentLength = number(b, i + 15, end);
        } else if (first == 't' && startsWithIgnoreCase(b, i, end - i, "transfer-encoding:")) {
          int eol = indexOf(b, i, end, '\n');
          chunked |= containsIgnoreCase(b, i, eol < 0 ? end : eol, "chunked");
        }
      }
      int eol = indexOf(b, i, end, '\n');
      if (eol < 0) {
        break;
      }
      i = eol + 1;
      lineStart = true;
    }
    atStart = false;
  }

  /** Headers ended; {@code after} body bytes of the segment follow at {@code b[at..]}. */
  private void decideBody(int after, byte[] b, int at, int afterCaptured) {
    boolean noBody = status != 0 && (status < 200 && status != 101 || status == 204
        || status == 304 || headAsked);
    if (status != 0) {
      headAsked = false;
    }
    if (status == 101) {
      mode = UNTIL_CLOSE; // switched to another protocol (WebSocket, h2c)
      boundary(false);
    } else if (noBody) {
      body(0, after, b, at, afterCaptured);
    } else if (chunked) {
      mode = CHUNKED;
      boundary(endsWith(b, at, afterCaptured, "0\r\n\r\n")
          && (afterCaptured == 5 || endsWith(b, at, afterCaptured, "\r\n0\r\n\r\n")));
    } else if (contentLength >= 0) {
      body(contentLength, after, b, at, afterCaptured);
    } else if (status == 0) {
      body(0, after, b, at, afterCaptured);
    } else {
      mode = UNTIL_CLOSE; // the body ends with the connection
      boundary(false);
    }
  }

  /** A body of {@code length} bytes of which {@code consumed} are in the current segment. */
  private void body(long length, int consumed, byte[] b, int off, int captured) {
    remaining = length - consumed;
    if (remaining > 0) {
      mode = BODY;
      boundary(false);
    } else if (remaining == 0) {
      boundary(true);
    } else {
      afterBody(b, off, captured);
    }
  }
}
