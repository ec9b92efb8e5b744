package org.tadam.capture.flow;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.function.Consumer;
import org.tadam.capture.decode.DecodedPacket;
import org.tadam.capture.payload.PayloadClassifier;
import org.tadam.capture.payload.PayloadLabel;

/**
 * Groups TCP/UDP packets into connections and emits each finished one to a consumer.
 *
 * <p>TCP: one connection per 5-tuple session. A SYN (without ACK) on a closed session (RST seen,
 * or FIN from both sides) starts a new connection (port reuse). The initiator is the sender of
 * the first SYN, the receiver of a first SYN-ACK, otherwise (mid-stream start, flagged) the side
 * whose port is not a known service port, else the sender of the first packet.
 * UDP: one flow per 5-tuple; the initiator is the first sender, unless only the first sender's
 * port is a known service port.
 *
 * <p>Memory policy: connections are emitted as soon as they end: idle longer than the UDP or TCP
 * timeout, closed for longer than the closed linger, ended by port reuse, or — when more than
 * {@code maxOpenConnections} are open — the least recently active one is evicted. At most
 * {@code maxPackets} packet summaries and at most {@code payloadBudget} payload bytes (of the first
 * {@code payloadPackets} packets, {@code payloadBytes} each at most) are
 * kept per connection. The tracker's "now" is the largest timestamp seen so far; a packet more
 * than an hour older than "now" resets the clock and ends all open connections (otherwise a
 * single far-future timestamp would stop all expiry). {@link #flush()} emits the rest (end of
 * file).
 */
public final class ConnectionTracker {
  private static final int UDP_LIST = 0;
  private static final int TCP_OPEN_LIST = 1;
  private static final int TCP_CLOSED_LIST = 2;
  private static final byte[] NO_BYTES = new byte[0];
  private static final long CLOCK_RESET_NANOS = 3600 * TrackerOptions.SECOND;

  private final TrackerOptions options;
  private final ServiceTable services;
  private final PayloadClassifier classifier;
  private final FtpDataChannels ftpData = new FtpDataChannels();
  private final Consumer<Connection> sink;
  private final HashMap<FlowKey, OpenConnection> open = new HashMap<>();
  private final OpenConnection[] heads = new OpenConnection[3];
  private final OpenConnection[] tails = new OpenConnection[3];
  private final long[] timeouts;
  private String source = "";
  private long now = Long.MIN_VALUE;
  private long packets;
  private long connections;
  private long truncated;
  private long evicted;

  public ConnectionTracker(TrackerOptions options, ServiceTable services,
      Consumer<Connection> sink) {
    this.options = options;
    this.services = services;
    this.sink = sink;
    this.classifier = new PayloadClassifier(options.randomAlpha());
    this.timeouts = new long[] {options.udpTimeoutNanos(), options.tcpTimeoutNanos(),
        options.closedLingerNanos()};
  }

  /** Name recorded in the connections that start from now on. */
  public void source(String name) {
    this.source = name;
  }

  public void accept(DecodedPacket p) {
    packets++;
    long ts = p.timestampNanos();
    if (ts > now) {
      now = ts;
      expire();
    } else if (ts < now - CLOCK_RESET_NANOS) {
      // Time went back by more than an hour (concatenated captures, a corrupt timestamp): the
      // open connections belong to another time line and would never expire; end them all.
      emitAll("clock-reset");
      now = ts;
    }
    FlowKey key = FlowKey.of(p);
    OpenConnection c = open.get(key);
    boolean tcp = p.isTcp();
    boolean pureSyn = tcp && (p.tcpFlags() & 0x12) == 0x02;
    if (c != null && pureSyn && c.isClosed()) {
      remove(c);
      emit(c, "reused");
      c = null;
    }
    if (c == null) {
      c = start(key, p, pureSyn);
      c.ftpData = tcp && ftpData.claim(c.responder, ts);
      open.put(key, c);
      if (open.size() > options.maxOpenConnections()) {
        evictOldest();
      }
    }
    boolean fromInitiator = p.srcPort() == c.initiator.port() && p.srcLo() == c.initiator.lo()
        && p.srcHi() == c.initiator.hi();
    if (fromInitiator) {
      c.origFlags |= p.tcpFlags();
      c.origSent = true;
    } else {
      c.respFlags |= p.tcpFlags();
      c.respSent = true;
    }
    if (p.payloadCaptured() > 0) {
      c.detectService(fromInitiator, p);
      if (FtpDataChannels.isControl(c)) {
        ftpData.offer(c, fromInitiator, p);
      }
    }
    long index = c.packetCount++;
    if (index < options.maxPackets()) {
      PayloadLabel label = PayloadLabel.EMPTY;
      if (options.classifyPayloads()) {
        boolean start = c.messageStart(fromInitiator, p);
        label = classifier.classify(p.data(), p.payloadOffset(), p.payloadCaptured(),
            p.payloadLength(), start, c.recordToken(fromInitiator), c.recordClass(fromInitiator));
      }
      c.packets.add(new PacketSummary(ts, fromInitiator, p.tcpFlags(), p.payloadLength(), label));
      if (index < options.payloadPackets()) {
        int n = Math.min(Math.min(p.payloadCaptured(), options.payloadBytes()),
            options.payloadBudget() - c.payloadBytesKept);
        byte[] bytes = NO_BYTES;
        if (n > 0) {
          bytes = new byte[n];
          System.arraycopy(p.data(), p.payloadOffset(), bytes, 0, n);
        }
        c.payloads.add(bytes);
        c.payloadBytesKept += bytes.length;
        if (options.classifyPayloads()) {
          c.joinRecords(fromInitiator, (int) index, bytes, p.payloadLength(), options.payloadBytes(),
              options.payloadBudget());
        }
      }
    }
    unlink(c);
    c.lastSeen = Math.max(c.lastSeen, ts);
    link(c, !tcp ? UDP_LIST : c.isClosed() ? TCP_CLOSED_LIST : TCP_OPEN_LIST);
  }

  /** Emits every connection still open (in order of last activity). */
  public void flush() {
    emitAll("end-of-file");
  }

  private void emitAll(String ending) {
    for (int l = 0; l < 3; l++) {
      while (heads[l] != null) {
        OpenConnection c = heads[l];
        remove(c);
        emit(c, ending);
      }
    }
  }

  /** Packets accepted. */
  public long packets() {
    return packets;
  }

  /** Connections emitted. */
  public long connections() {
    return connections;
  }

  /** Connections open now (not emitted yet); a live capture shows them while it runs. */
  public int openConnections() {
    return open.size();
  }

  /** Connections emitted with more packets than the cap. */
  public long truncated() {
    return truncated;
  }

  /** Connections emitted early because too many were open. */
  public long evicted() {
    return evicted;
  }

  private OpenConnection start(FlowKey key, DecodedPacket p, boolean pureSyn) {
    Endpoint src = new Endpoint(p.ipVersion(), p.srcHi(), p.srcLo(), p.srcPort());
    Endpoint dst = new Endpoint(p.ipVersion(), p.dstHi(), p.dstLo(), p.dstPort());
    boolean swap;
    boolean midstream = false;
    if (p.isTcp()) {
      midstream = !pureSyn;
      if (pureSyn) {
        swap = false;
      } else if ((p.tcpFlags() & 0x12) == 0x12) {
        swap = true;
      } else {
        swap = looksLikeServer(p.protocol(), p.srcPort(), p.dstPort());
      }
    } else {
      swap = looksLikeServer(p.protocol(), p.srcPort(), p.dstPort());
    }
    return swap ? new OpenConnection(key, p.protocol(), dst, src, midstream, p.timestampNanos())
        : new OpenConnection(key, p.protocol(), src, dst, midstream, p.timestampNanos());
  }

  private boolean looksLikeServer(int protocol, int srcPort, int dstPort) {
    return services.lookup(protocol, srcPort) != null && services.lookup(protocol, dstPort) == null;
  }

  private void expire() {
    for (int l = 0; l < 3; l++) {
      long limit = now - timeouts[l];
      while (heads[l] != null && heads[l].lastSeen < limit) {
        OpenConnection c = heads[l];
        remove(c);
        emit(c, l == TCP_CLOSED_LIST ? "closed" : "idle");
      }
    }
  }

  private void evictOldest() {
    OpenConnection oldest = null;
    for (OpenConnection h : heads) {
      if (h != null && (oldest == null || h.lastSeen < oldest.lastSeen)) {
        oldest = h;
      }
    }
    if (oldest != null) {
      remove(oldest);
      evicted++;
      emit(oldest, "evicted");
    }
  }

  private void remove(OpenConnection c) {
    unlink(c);
    open.remove(c.key);
  }

  private void emit(OpenConnection c, String ending) {
    connections++;
    c.endJoins();
    boolean cut = c.packetCount > options.maxPackets();
    if (cut) {
      truncated++;
    }
    String service = services.name(c.protocol, c.responder.port(),
        c.ftpData ? FtpDataChannels.SERVICE : c.detectedService());
    sink.accept(new Connection(source, c.protocol, c.initiator, c.responder, service, c.state(),
        c.midstream, cut, c.packetCount, c.start, c.lastSeen,
        Collections.unmodifiableList(c.packets), Collections.unmodifiableList(c.payloads),
        ending));
  }

  private void link(OpenConnection c, int l) {
    c.list = l;
    c.prev = tails[l];
    c.next = null;
    if (tails[l] != null) {
      tails[l].next = c;
    } else {
      heads[l] = c;
    }
    tails[l] = c;
  }

  private void unlink(OpenConnection c) {
    if (c.list < 0) {
      return;
    }
    int l = c.list;
    if (c.prev != null) {
      c.prev.next = c.next;
    } else {
      heads[l] = c.next;
    }
    if (c.next != null) {
      c.next.prev = c.prev;
    } else {
      tails[l] = c.prev;
    }
    c.prev = null;
    c.next = null;
    c.list = -1;
  }
}
