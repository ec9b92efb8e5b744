package org.tadam.capture.flow;

import java.util.Arrays;
import org.tadam.capture.payload.MessageStarts.Join;
import org.tadam.capture.payload.PayloadLabel;
import org.tadam.model.PayloadClass;

/**
 * Joins a message that starts with a record in clear and is cut across segments (a TLS server's hello and
 * certificate; a TLS 1.3 hello, ChangeCipherSpec and encrypted flight) into the kept payload of the segment that
 * began it, once the message turns out whole ({@link Join}). That segment is then labelled Replay: its records are
 * structure to replay, which a piece of a cut record cannot be, so the capture had labelled it Random (filler under a
 * record header). A message that cannot be joined (the connection or the capture ends first, a gap, more bytes than
 * a payload may keep) keeps the whole records of its first segment, replayed without the one it cut, when it has
 * some. The segments that continue it keep their own bytes and labels: the letters of the word do not change, only
 * what the first one replays. One per direction of a connection, made at its first join.
 */
final class RecordJoin {
  /** Packet index of the segment that began the message, -1 when none is being joined. */
  private int first = -1;
  /** Length of the first segment's whole records, before the one it cuts. */
  private int whole;
  private byte[] bytes;
  private int length;

  /**
   * Takes one segment's step: begins, grows, ends (and writes the whole message into the connection's kept payloads
   * and labels), or ends a join that cannot complete.
   *
   * @param index the segment's packet index in the connection
   * @param kept the bytes the connection kept of the segment (all of it, or fewer: then no join)
   * @param wire the segment's payload length
   * @param wholeRecords BEGIN: the length of the segment's whole records, before the one it cuts
   * @param limit the most bytes a joined message may have (as any kept payload)
   * @param budget the most payload bytes the connection may keep, joined messages included
   */
  void step(OpenConnection c, Join step, int index, byte[] kept, int wire, int wholeRecords, int limit, int budget) {
    switch (step) {
      case BEGIN -> {
        first = kept.length == wire && wire > 0 ? index : -1;
        whole = wholeRecords;
        bytes = first < 0 ? null : Arrays.copyOf(kept, Math.min(limit, Math.max(2 * wire, 4096)));
        length = first < 0 ? 0 : wire;
      }
      case MORE, END -> {
        if (first < 0) {
          return;
        }
        if (kept.length != wire || length + wire > limit) {
          end(c); // not kept whole (budget, snap length), or longer than a payload may be
          return;
        }
        if (bytes.length < length + wire) {
          bytes = Arrays.copyOf(bytes, Math.min(limit, Math.max(length + wire, 2 * bytes.length)));
        }
        System.arraycopy(kept, 0, bytes, length, wire);
        length += wire;
        if (step == Join.END) {
          commit(c, length, budget);
        }
      }
      case BROKEN -> end(c);
      default -> { }
    }
  }

  /** Ends a join that cannot complete: its first segment keeps its whole records, when it has some. */
  void end(OpenConnection c) {
    if (first >= 0 && whole > 0) {
      commit(c, whole, Integer.MAX_VALUE);
    }
    first = -1;
    bytes = null;
  }

  /** Replays the message's first {@code n} bytes on its first segment, when the budget allows. */
  private void commit(OpenConnection c, int n, int budget) {
    int added = n - c.payloads.get(first).length;
    if (c.payloadBytesKept + added <= budget) {
      c.payloadBytesKept += added;
      c.payloads.set(first, Arrays.copyOf(bytes, n));
      PacketSummary s = c.packets.get(first);
      c.packets.set(first, new PacketSummary(s.timestampNanos(), s.fromInitiator(), s.tcpFlags(), s.payloadLength(),
          new PayloadLabel(PayloadClass.REPLAY, s.payload().token())));
    }
    first = -1;
    bytes = null;
  }
}
