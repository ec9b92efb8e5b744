package org.tadam.capture.flow;

import java.util.ArrayList;
import java.util.List;

/** Mutable state of a connection being tracked; an intrusive list node ordered by activity. */
final class OpenConnection {
  final FlowKey key;
  final int protocol;
  final Endpoint initiator;
  final Endpoint responder;
  final boolean midstream;
  final long start;
  long lastSeen;
  long packetCount;
  int origFlags;
  int respFlags;
  boolean origSent;
  boolean respSent;
  final List<PacketSummary> packets = new ArrayList<>();
  final List<byte[]> payloads = new ArrayList<>();

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
