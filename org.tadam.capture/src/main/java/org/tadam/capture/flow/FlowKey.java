package org.tadam.capture.flow;

import org.tadam.capture.decode.DecodedPacket;

/** Direction-independent 5-tuple: the smaller endpoint is always "a". */
final class FlowKey {
  final int protocol;
  final long aHi;
  final long aLo;
  final int aPort;
  final long bHi;
  final long bLo;
  final int bPort;
  private final int hash;

  private FlowKey(int protocol, long aHi, long aLo, int aPort, long bHi, long bLo, int bPort) {
    this.protocol = protocol;
    this.aHi = aHi;
    this.aLo = aLo;
    this.aPort = aPort;
    this.bHi = bHi;
    this.bLo = bLo;
    this.bPort = bPort;
    long h = protocol;
    h = h * 0x9E3779B97F4A7C15L + aHi;
    h = h * 0x9E3779B97F4A7C15L + aLo;
    h = h * 0x9E3779B97F4A7C15L + aPort;
    h = h * 0x9E3779B97F4A7C15L + bHi;
    h = h * 0x9E3779B97F4A7C15L + bLo;
    h = h * 0x9E3779B97F4A7C15L + bPort;
    this.hash = (int) (h ^ (h >>> 32));
  }

  static FlowKey of(DecodedPacket p) {
    int c = Long.compare(p.srcHi(), p.dstHi());
    if (c == 0) {
      c = Long.compare(p.srcLo(), p.dstLo());
    }
    if (c == 0) {
      c = Integer.compare(p.srcPort(), p.dstPort());
    }
    return c <= 0
        ? new FlowKey(p.protocol(), p.srcHi(), p.srcLo(), p.srcPort(), p.dstHi(), p.dstLo(),
            p.dstPort())
        : new FlowKey(p.protocol(), p.dstHi(), p.dstLo(), p.dstPort(), p.srcHi(), p.srcLo(),
            p.srcPort());
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FlowKey k && k.hash == hash && k.protocol == protocol && k.aLo == aLo
        && k.bLo == bLo && k.aPort == aPort && k.bPort == bPort && k.aHi == aHi && k.bHi == bHi;
  }
}
