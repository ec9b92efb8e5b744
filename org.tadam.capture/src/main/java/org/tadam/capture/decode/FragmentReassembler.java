package org.tadam.capture.decode;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.tadam.pcap.RawPacket;
import org.tadam.pcap.SkipCounter;
import org.tadam.pcap.SkipReason;

/**
 * IPv4 and IPv6 fragment reassembly for {@link PacketDecoder}, in capture time. The rules (see
 * the module README) in short:
 *
 * <ul>
 *   <li>Key: IPv4 (source, destination, protocol, identification) as in RFC 791; IPv6 (source,
 *       destination, identification) as in RFC 8200 4.5, whose Next Header is taken from the
 *       offset-zero fragment (it may differ in the others).
 *   <li>Overlaps, first copy wins: bytes already received are kept. A fragment that adds neither
 *       bytes nor the datagram's end is a duplicate ({@code IP_FRAGMENT_DUPLICATE}). IPv4 keeps
 *       the new bytes (or the end) of a partial overlap, counted as a trimmed overlap. IPv6 drops
 *       the whole datagram on any overlap but an exact duplicate, same range and not newly the
 *       last (RFC 5722 and RFC 8200 4.5; {@code IP_FRAGMENT_OVERLAP}).
 *   <li>Invalid, dropped alone ({@code IP_FRAGMENT_INVALID}): empty; not the last and not a
 *       multiple of 8 bytes; ending beyond 65535 bytes; past the datagram's known end; a second
 *       last fragment with another end.
 *   <li>A datagram not complete {@link #TIMEOUT_NANOS} after its first fragment, evicted by the
 *       bounds ({@link #MAX_DATAGRAMS} in progress, {@link #MAX_BYTES} held), or still pending
 *       at {@link #finish()} is dropped: each of its frames counts as {@code IP_FRAGMENT}.
 * </ul>
 *
 * <p>Accounting: every fragment frame is counted exactly once, when its fate is known. The frame
 * that completes a datagram carries it (tracked or skipped by the decoder); the other frames of
 * the datagram are merged ({@link SkipCounter#countReassembled}).
 */
public final class FragmentReassembler {
  /** 60 s of capture time from the first fragment (RFC 8200's IPv6 value; Linux: IPv4 30 s). */
  public static final long TIMEOUT_NANOS = 60_000_000_000L;
  /** Datagrams in progress; more evict the oldest. */
  public static final int MAX_DATAGRAMS = 1024;
  /** Bytes held (captured bytes plus a fixed cost per piece), as Linux's ipfrag_high_thresh. */
  public static final long MAX_BYTES = 4L << 20;
  /** Largest IPv4 datagram (header included) or IPv6 fragmentable part. */
  public static final int MAX_LENGTH = 65535;
  /** Bookkeeping charged per datagram, per frame and per stored piece of bytes. */
  private static final int DATAGRAM_COST = 256;
  private static final int FRAME_COST = 16;
  private static final int PIECE_COST = 64;

  /** What identifies the fragments of one datagram ({@code protocol} is 0 for IPv6). */
  record Key(int version, long srcHi, long srcLo, long dstHi, long dstLo, int protocol, long id) {
  }

  /**
   * A reassembled datagram: {@code data[0, length)} is the IPv4 payload or the IPv6 fragmentable
   * part; only {@code data[0, capturedLength)} was in the capture (fragments cut by the snaplen).
   */
  record Datagram(int protocol, byte[] data, int length, int capturedLength) {
  }

  /** Received bytes at one offset; {@code bytes} may be shorter than {@code length} (snaplen). */
  private record Piece(int length, byte[] bytes) {
  }

  private static final class Pending {
    final long started;
    final TreeMap<Integer, Piece> pieces = new TreeMap<>();
    long[] frames = new long[8];
    int frameCount;
    int covered;
    int end = -1;
    int protocol = -1;
    long cost = DATAGRAM_COST;

    Pending(long started) {
      this.started = started;
    }

    void frame(RawPacket p) {
      if (2 * frameCount + 2 > frames.length) {
        frames = Arrays.copyOf(frames, frames.length * 2);
      }
      frames[2 * frameCount] = p.number();
      frames[2 * frameCount + 1] = p.fileOffset();
      frameCount++;
      cost += FRAME_COST;
    }
  }

  private final SkipCounter skips;
  private final Map<Key, Pending> pending = new LinkedHashMap<>();
  private String source = "";
  private long held;

  FragmentReassembler(SkipCounter skips) {
    this.skips = skips;
  }

  void source(String name) {
    this.source = name;
  }

  /** Drops the datagrams whose first fragment is older than the timeout at capture time now. */
  void advance(long now) {
    if (pending.isEmpty()) {
      return;
    }
    Iterator<Pending> it = pending.values().iterator();
    while (it.hasNext()) {
      Pending p = it.next();
      // Insertion order is arrival order, so the first one still in time ends the scan.
      if (now - p.started <= TIMEOUT_NANOS) {
        return;
      }
      it.remove();
      drop(p, SkipReason.IP_FRAGMENT);
    }
  }

  /** End of the capture: every datagram still in progress is dropped and its frames counted. */
  void finish() {
    pending.values().forEach(p -> drop(p, SkipReason.IP_FRAGMENT));
    pending.clear();
  }

  /**
   * Takes one fragment of frame {@code f}: {@code length} bytes at {@code offset} of the
   * datagram, of which {@code b[from, from + captured)} were captured.
   *
   * @param protocol IPv4 protocol, or the Next Header of this IPv6 Fragment header
   * @param maxEnd largest allowed end of the fragment (65535 minus the IPv4 header)
   * @return the datagram when this fragment completed it; else null, the frame being held or
   *     counted
   */
  Datagram add(Key key, int protocol, int offset, boolean more, byte[] b, int from, int captured,
      int length, int maxEnd, RawPacket f) {
    int stop = offset + length;
    Pending p = pending.get(key);
    if (length == 0 || (more && length % 8 != 0) || stop > maxEnd || (p != null
        && (p.end >= 0 ? stop > p.end || (!more && stop != p.end) : !more && stop < last(p)))) {
      return skip(SkipReason.IP_FRAGMENT_INVALID, f);
    }
    boolean setsEnd = !more && (p == null || p.end < 0);
    int fresh = p == null ? length : length - overlap(p, offset, stop);
    if (p != null && fresh < length) {
      Piece same = p.pieces.get(offset);
      boolean exact = same != null && same.length() == length;
      if (key.version() == 6 && (!exact || setsEnd)) {
        pending.remove(key);
        drop(p, SkipReason.IP_FRAGMENT_OVERLAP);
        return skip(SkipReason.IP_FRAGMENT_OVERLAP, f);
      }
      if (fresh == 0 && (!setsEnd || key.version() == 6)) {
        return skip(SkipReason.IP_FRAGMENT_DUPLICATE, f);
      }
      skips.countTrimmedOverlap();
    }
    if (p == null) {
      p = new Pending(f.timestampNanos());
      if (pending.size() >= MAX_DATAGRAMS) {
        evictOldest();
      }
      pending.put(key, p);
      held += p.cost;
    }
    long before = p.cost;
    p.frame(f);
    storeGaps(p, offset, stop, b, from, captured);
    if (offset == 0 && p.protocol < 0) {
      p.protocol = protocol;
    }
    if (setsEnd) {
      p.end = stop;
    }
    held += p.cost - before;
    if (p.end >= 0 && p.covered == p.end) {
      pending.remove(key);
      held -= p.cost;
      skips.countReassembled(p.frameCount);
      return assemble(p);
    }
    while (held > MAX_BYTES && pending.size() > 1) {
      // Oldest first, even if it is this one; one datagram alone (at most 65535 bytes in at
      // most ~8200 pieces and frames) always fits, so the loop ends.
      evictOldest();
    }
    return null;
  }

  private static int last(Pending p) {
    Map.Entry<Integer, Piece> e = p.pieces.lastEntry();
    return e == null ? 0 : e.getKey() + e.getValue().length();
  }

  /** Bytes of [offset, stop) already received. */
  private static int overlap(Pending p, int offset, int stop) {
    int n = 0;
    Map.Entry<Integer, Piece> e = p.pieces.floorEntry(offset);
    int at = e == null ? offset : e.getKey();
    for (Map.Entry<Integer, Piece> x : p.pieces.subMap(at, true, stop, false).entrySet()) {
      int s = Math.max(offset, x.getKey());
      int t = Math.min(stop, x.getKey() + x.getValue().length());
      n += Math.max(0, t - s);
    }
    return n;
  }

  /** Stores the parts of [offset, stop) not received yet (first copy wins). */
  private static void storeGaps(Pending p, int offset, int stop, byte[] b, int from,
      int captured) {
    int at = offset;
    Map.Entry<Integer, Piece> e = p.pieces.floorEntry(offset);
    if (e != null) {
      at = Math.max(at, e.getKey() + e.getValue().length());
    }
    while (at < stop) {
      Integer next = p.pieces.ceilingKey(at);
      int gapEnd = next == null ? stop : Math.min(stop, next);
      if (gapEnd > at) {
        int have = Math.max(0, Math.min(gapEnd, offset + captured) - at);
        byte[] bytes = have == 0 ? new byte[0]
            : Arrays.copyOfRange(b, from + at - offset, from + at - offset + have);
        p.pieces.put(at, new Piece(gapEnd - at, bytes));
        p.covered += gapEnd - at;
        p.cost += PIECE_COST + have;
      }
      if (next == null) {
        break;
      }
      at = Math.max(at, next + p.pieces.get(next).length());
    }
  }

  private static Datagram assemble(Pending p) {
    byte[] data = new byte[p.end];
    int capturedLength = -1;
    for (Map.Entry<Integer, Piece> e : p.pieces.entrySet()) {
      Piece piece = e.getValue();
      System.arraycopy(piece.bytes(), 0, data, e.getKey(), piece.bytes().length);
      if (capturedLength < 0 && piece.bytes().length < piece.length()) {
        capturedLength = e.getKey() + piece.bytes().length;
      }
    }
    return new Datagram(p.protocol, data, p.end, capturedLength < 0 ? p.end : capturedLength);
  }

  private void evictOldest() {
    Iterator<Pending> it = pending.values().iterator();
    Pending oldest = it.next();
    it.remove();
    drop(oldest, SkipReason.IP_FRAGMENT);
  }

  private void drop(Pending p, SkipReason reason) {
    held -= p.cost;
    for (int i = 0; i < p.frameCount; i++) {
      skips.count(reason, source, p.frames[2 * i], p.frames[2 * i + 1]);
    }
  }

  private Datagram skip(SkipReason reason, RawPacket f) {
    skips.count(reason, source, f.number(), f.fileOffset());
    return null;
  }
}
