package org.tadam.capture.flow;

import java.util.ArrayList;
import java.util.List;
import org.tadam.capture.decode.DecodedPacket;
import org.tadam.capture.payload.MessageStarts;
import org.tadam.model.PayloadClass;

/** Mutable state of a connection being tracked; an intrusive list node ordered by activity. */
final class OpenConnection {
  final FlowKey key;
  final int protocol;
  final Endpoint initiator;
  final Endpoint responder;
  final boolean midstream;
  final long start;
  /** Announced by an FTP control connection ({@link FtpDataChannels}). */
  boolean ftpData;
  long lastSeen;
  long packetCount;
  int origFlags;
  int respFlags;
  boolean origSent;
  boolean respSent;
  final List<PacketSummary> packets = new ArrayList<>();
  final List<byte[]> payloads = new ArrayList<>();
  /** Payload bytes kept so far, against the tracker's per-connection budget. */
  int payloadBytesKept;
  /**
   * Names the service from the first payloads; and, TCP only, where messages start in each
   * direction (text tokens only there). Made at the first payload: a connection without payload
   * (scans, rejections: many of them) costs no memory for them.
   */
  private ServiceDetector detector;
  private MessageStarts origStarts;
  private MessageStarts respStarts;
  private RecordJoin origJoin;
  private RecordJoin respJoin;

  /** Activity list this node is in (see ConnectionTracker), and its neighbours. */
  int list = -1;
  OpenConnection prev;
  OpenConnection next;

  OpenConnection(FlowKey key, int protocol, Endpoint initiator, Endpoint responder,
      boolean midstream, long start) {
    this.key = key;
    this.protocol = protocol;
    this.initiator = initiator;
    this.responder = responder;
    this.midstream = midstream;
    this.start = start;
    this.lastSeen = start;
  }

  /** Shows a packet with captured payload to the service detector until it has decided. */
  void detectService(boolean fromInitiator, DecodedPacket p) {
    if (detector == null) {
      detector = new ServiceDetector();
    }
    if (!detector.decided()) {
      detector.offer(protocol, fromInitiator, p.data(), p.payloadOffset(), p.payloadCaptured());
    }
  }

  /** The service the payloads named, or null. */
  String detectedService() {
    return detector == null ? null : detector.service();
  }

  /** Whether the packet's payload starts a message (every UDP datagram does). */
  boolean messageStart(boolean fromInitiator, DecodedPacket p) {
    if (protocol != 6) {
      return true;
    }
    if (p.payloadLength() == 0) {
      return false;
    }
    if (origStarts == null) {
      origStarts = new MessageStarts(!midstream);
      respStarts = new MessageStarts(!midstream);
      MessageStarts.pair(origStarts, respStarts);
    }
    return (fromInitiator ? origStarts : respStarts).next(p.tcpSeq(), p.data(), p.payloadOffset(),
        p.payloadCaptured(), p.payloadLength());
  }

  /**
   * Gives the packet {@link #messageStart} last took in that direction, kept as {@code kept}, to the direction's
   * {@link RecordJoin} when it takes part in a message of records cut across segments.
   */
  void joinRecords(boolean fromInitiator, int index, byte[] kept, int wire, int limit, int budget) {
    MessageStarts starts = fromInitiator ? origStarts : respStarts;
    if (starts == null || starts.join() == MessageStarts.Join.NONE) {
      return;
    }
    RecordJoin join = fromInitiator ? origJoin : respJoin;
    if (join == null) {
      join = new RecordJoin();
      if (fromInitiator) {
        origJoin = join;
      } else {
        respJoin = join;
      }
    }
    join.step(this, starts.join(), index, kept, wire, starts.joinWholeRecords(), limit, budget);
  }

  /** Ends the joins the connection left open: their first segments keep their whole records. */
  void endJoins() {
    if (origJoin != null) {
      origJoin.end(this);
    }
    if (respJoin != null) {
      respJoin.end(this);
    }
  }

  /** The record types of the packet {@link #messageStart} last took in that direction, or null (see MessageStarts). */
  String recordToken(boolean fromInitiator) {
    MessageStarts starts = fromInitiator ? origStarts : respStarts;
    return starts == null ? null : starts.recordToken();
  }

  /** The payload class the binary records of the packet {@link #messageStart} last took impose, or null. */
  PayloadClass recordClass(boolean fromInitiator) {
    MessageStarts starts = fromInitiator ? origStarts : respStarts;
    return starts == null ? null : starts.recordClass();
  }

  boolean isClosed() {
    int all = origFlags | respFlags;
    return (all & 0x04) != 0 || ((origFlags & 0x01) != 0 && (respFlags & 0x01) != 0);
  }

  ConnState state() {
    if (protocol == 6) {
      return ConnState.ofTcp(origFlags, respFlags);
    }
    return origSent && respSent ? ConnState.SF : ConnState.S0;
  }
}
