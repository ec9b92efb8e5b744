package org.tadam.capture.decode;

import org.tadam.pcap.Bytes;
import org.tadam.pcap.LinkType;
import org.tadam.pcap.RawPacket;
import org.tadam.pcap.SkipCounter;
import org.tadam.pcap.SkipReason;

/**
 * Hand-written link/IP/TCP/UDP header decoder (pcap4j builds an object tree per packet, which is
 * several times slower; it remains the cross-check in the tests). Never throws on bad input: every
 * frame that does not yield a TCP/UDP packet is counted in a {@link SkipCounter} with its reason.
 * IP fragments are reassembled ({@link FragmentReassembler}): the datagram is decoded on the frame
 * that completes it, with that frame's number and time; call {@link #finish()} at the end of the
 * capture to count the fragments never completed. Encapsulations decoded: VLAN/QinQ,
 * PPPoE, MPLS, IP-in-IP and IPv6-in-IPv4; not decoded (OTHER_IP_PROTOCOL or NON_IP): GRE,
 * VXLAN, GTP, Teredo and other UDP/GRE tunnels.
 */
public final class PacketDecoder {
  private static final int MAX_VLAN_TAGS = 8;
  private static final int MAX_IPV6_EXTENSIONS = 16;
  private static final int MAX_TUNNELS = 2;

  private final SkipCounter skips;
  private final FragmentReassembler fragments;
  private String source = "";
  private RawPacket current;
  private int tunnels;

  public PacketDecoder(SkipCounter skips) {
    this.skips = skips;
    this.fragments = new FragmentReassembler(skips);
  }

  /**
   * Name used in the skip report for the packets that follow; fragments do not span sources, so
   * those of the previous one are finished first.
   */
  public void source(String name) {
    finish();
    this.source = name;
    fragments.source(name);
  }

  /** End of the capture: counts the frames of every datagram still incomplete (IP_FRAGMENT). */
  public void finish() {
    fragments.finish();
  }

  /**
   * @return the decoded packet, or null when the frame was skipped (and counted) or is a fragment
   *     held for reassembly (counted when its datagram completes or is dropped)
   */
  public DecodedPacket decode(RawPacket p) {
    current = p;
    tunnels = 0;
    fragments.advance(p.timestampNanos());
    byte[] b = p.data();
    int off = p.offset();
    int end = off + p.capturedLength();
    switch (p.linkType()) {
      case LinkType.ETHERNET -> {
        int o = off + 12;
        for (int tags = 0; ; tags++) {
          if (o + 2 > end) {
            return skip(SkipReason.TRUNCATED_HEADER);
          }
          int type = Bytes.u16be(b, o);
          if ((type == 0x8100 || type == 0x88A8 || type == 0x9100) && tags < MAX_VLAN_TAGS) {
            o += 4;
            continue;
          }
          return ethertype(type, b, o + 2, end);
        }
      }
      case LinkType.RAW_DLT12, LinkType.RAW_DLT14, LinkType.RAW, LinkType.IPV4, LinkType.IPV6 -> {
        if (off >= end) {
          return skip(SkipReason.TRUNCATED_HEADER);
        }
        int version = (b[off] & 0xF0) >> 4;
        return version == 4 ? ipv4(b, off, end) : version == 6 ? ipv6(b, off, end)
            : skip(SkipReason.NON_IP);
      }
      case LinkType.LINUX_SLL -> {
        return off + 16 > end ? skip(SkipReason.TRUNCATED_HEADER)
            : ethertype(Bytes.u16be(b, off + 14), b, off + 16, end);
      }
      case LinkType.LINUX_SLL2 -> {
        return off + 20 > end ? skip(SkipReason.TRUNCATED_HEADER)
            : ethertype(Bytes.u16be(b, off), b, off + 20, end);
      }
      case LinkType.NULL, LinkType.LOOP -> {
        if (off + 4 > end) {
          return skip(SkipReason.TRUNCATED_HEADER);
        }
        // NULL stores the address family in the writer's byte order; accept both.
        int le = Bytes.i32(b, off, false);
        int be = Bytes.i32(b, off, true);
        int family = p.linkType() == LinkType.LOOP ? be : (le >= 0 && le < 256 ? le : be);
        if (family == 2) {
          return ipv4(b, off + 4, end);
        }
        if (family == 24 || family == 28 || family == 30 || family == 10 || family == 23) {
          return ipv6(b, off + 4, end);
        }
        return skip(SkipReason.NON_IP);
      }
      case LinkType.PPP, LinkType.PPP_HDLC -> {
        int o = off;
        if (o + 2 <= end && (b[o] & 0xFF) == 0xFF && (b[o + 1] & 0xFF) == 0x03) {
          o += 2;
        }
        if (o + 2 > end) {
          return skip(SkipReason.TRUNCATED_HEADER);
        }
        int proto = Bytes.u16be(b, o);
        return proto == 0x0021 ? ipv4(b, o + 2, end) : proto == 0x0057 ? ipv6(b, o + 2, end)
            : skip(SkipReason.NON_IP);
      }
      default -> {
        return skip(SkipReason.UNKNOWN_LINK_TYPE);
      }
    }
  }

  private DecodedPacket ethertype(int type, byte[] b, int o, int end) {
    switch (type) {
      case 0x0800 -> {
        return ipv4(b, o, end);
      }
      case 0x86DD -> {
        return ipv6(b, o, end);
      }
      case 0x8864 -> {
        // PPPoE session: 6-byte header, then the 2-byte PPP protocol.
        if (o + 8 > end) {
          return skip(SkipReason.TRUNCATED_HEADER);
        }
        int proto = Bytes.u16be(b, o + 6);
        return proto == 0x0021 ? ipv4(b, o + 8, end) : proto == 0x0057 ? ipv6(b, o + 8, end)
            : skip(SkipReason.NON_IP);
      }
      case 0x8847, 0x8848 -> {
        // MPLS: skip the label stack up to the bottom-of-stack bit; the payload is IP by nibble.
        int h = o;
        for (int labels = 0; ; labels++) {
          if (h + 4 > end || labels == MAX_VLAN_TAGS) {
            return skip(SkipReason.TRUNCATED_HEADER);
          }
          boolean bottom = (b[h + 2] & 0x01) != 0;
          h += 4;
          if (bottom) {
            break;
          }
        }
        if (h >= end) {
          return skip(SkipReason.TRUNCATED_HEADER);
        }
        int version = (b[h] & 0xF0) >> 4;
        return version == 4 ? ipv4(b, h, end) : version == 6 ? ipv6(b, h, end)
            : skip(SkipReason.NON_IP);
      }
      default -> {
        return skip(SkipReason.NON_IP);
      }
    }
  }

  private DecodedPacket ipv4(byte[] b, int o, int end) {
    if (o + 20 > end) {
      return skip(SkipReason.TRUNCATED_HEADER);
    }
    int vihl = b[o] & 0xFF;
    int ihl = (vihl & 0x0F) * 4;
    int total = Bytes.u16be(b, o + 2);
    if ((vihl >> 4) != 4 || ihl < 20) {
      return skip(SkipReason.CORRUPT_IP);
    }
    if (total == 0) {
      // TCP segmentation offload captures carry 0; the captured length is then the best guess.
      total = end - o;
    }
    if (total < ihl) {
      return skip(SkipReason.CORRUPT_IP);
    }
    if (o + ihl > end) {
      return skip(SkipReason.TRUNCATED_HEADER);
    }
    int frag = Bytes.u16be(b, o + 6);
    int proto = b[o + 9] & 0xFF;
    long src = Bytes.u32be(b, o + 12);
    long dst = Bytes.u32be(b, o + 16);
    if ((frag & 0x3FFF) != 0) {
      // More fragments, or an offset: hold it; decode the datagram once complete.
      FragmentReassembler.Datagram d = fragments.add(new FragmentReassembler.Key(4, 0, src, 0,
          dst, proto, Bytes.u16be(b, o + 4)), proto, (frag & 0x1FFF) * 8, (frag & 0x2000) != 0,
          b, o + ihl, Math.min(end, o + total) - o - ihl, total - ihl,
          FragmentReassembler.MAX_LENGTH - ihl, current);
      return d == null ? null
          : transport(4, d.protocol(), 0, src, 0, dst, d.data(), 0, d.capturedLength(),
              d.length());
    }
    return transport(4, proto, 0, src, 0, dst, b, o + ihl, Math.min(end, o + total),
        total - ihl);
  }

  private DecodedPacket ipv6(byte[] b, int o, int end) {
    if (o + 40 > end) {
      return skip(SkipReason.TRUNCATED_HEADER);
    }
    if ((b[o] & 0xF0) != 0x60) {
      return skip(SkipReason.CORRUPT_IP);
    }
    int payload = Bytes.u16be(b, o + 4);
    if (payload == 0) {
      payload = end - o - 40;
    }
    int next = b[o + 6] & 0xFF;
    long srcHi = Bytes.i64be(b, o + 8);
    long srcLo = Bytes.i64be(b, o + 16);
    long dstHi = Bytes.i64be(b, o + 24);
    long dstLo = Bytes.i64be(b, o + 32);
    return ipv6Chain(next, b, o + 40, end, o + 40 + payload, srcHi, srcLo, dstHi, dstLo, false);
  }

  /**
   * The extension-header chain from {@code h} (header {@code next}), then TCP/UDP.
   *
   * @param end end of the captured bytes
   * @param limit end of the IPv6 payload according to its length field
   * @param reassembled true for the fragmentable part of a reassembled datagram
   */
  private DecodedPacket ipv6Chain(int next, byte[] b, int h, int end, int limit, long srcHi,
      long srcLo, long dstHi, long dstLo, boolean reassembled) {
    for (int i = 0; i < MAX_IPV6_EXTENSIONS; i++) {
      if (next != 0 && next != 43 && next != 44 && next != 51 && next != 60 && next != 135) {
        break;
      }
      if (h + 8 > end) {
        return skip(SkipReason.TRUNCATED_HEADER);
      }
      if (next == 44) {
        int fragField = Bytes.u16be(b, h + 2);
        if ((fragField & 0xFFF9) != 0) {
          // A second Fragment header inside a reassembled datagram is not allowed (RFC 8200).
          if (reassembled || h + 8 > limit) {
            return skip(SkipReason.CORRUPT_IP);
          }
          FragmentReassembler.Datagram d = fragments.add(new FragmentReassembler.Key(6, srcHi,
              srcLo, dstHi, dstLo, 0, Bytes.u32be(b, h + 4)), b[h] & 0xFF, fragField & 0xFFF8,
              (fragField & 1) != 0, b, h + 8, Math.min(end, limit) - h - 8, limit - h - 8,
              FragmentReassembler.MAX_LENGTH, current);
          return d == null ? null : ipv6Chain(d.protocol(), d.data(), 0, d.capturedLength(),
              d.length(), srcHi, srcLo, dstHi, dstLo, true);
        }
        next = b[h] & 0xFF;
        h += 8;
        continue;
      }
      int len = next == 51 ? ((b[h + 1] & 0xFF) + 2) * 4 : ((b[h + 1] & 0xFF) + 1) * 8;
      next = b[h] & 0xFF;
      h += len;
    }
    if (h > limit) {
      return skip(SkipReason.CORRUPT_IP);
    }
    return transport(6, next, srcHi, srcLo, dstHi, dstLo, b, h, Math.min(end, limit), limit - h);
  }

  /**
   * @param capEnd end of the captured bytes of this IP packet
   * @param wireLength L4 length according to the IP header
   */
  private DecodedPacket transport(int version, int proto, long srcHi, long srcLo, long dstHi,
      long dstLo, byte[] b, int o, int capEnd, int wireLength) {
    if (proto == DecodedPacket.TCP) {
      if (wireLength < 20) {
        return skip(SkipReason.CORRUPT_TCP);
      }
      if (o + 20 > capEnd) {
        return skip(SkipReason.TRUNCATED_HEADER);
      }
      int dataOffset = ((b[o + 12] & 0xF0) >> 4) * 4;
      if (dataOffset < 20 || dataOffset > wireLength) {
        return skip(SkipReason.CORRUPT_TCP);
      }
      if (o + dataOffset > capEnd) {
        return skip(SkipReason.TRUNCATED_HEADER);
      }
      int payloadOffset = o + dataOffset;
      return new DecodedPacket(current.number(), current.fileOffset(), current.timestampNanos(),
          version, proto, srcHi, srcLo, dstHi, dstLo, Bytes.u16be(b, o), Bytes.u16be(b, o + 2),
          b[o + 13] & 0xFF, Bytes.u32be(b, o + 4), wireLength - dataOffset, b, payloadOffset,
          capEnd - payloadOffset);
    }
    if (proto == DecodedPacket.UDP) {
      if (wireLength < 8) {
        return skip(SkipReason.CORRUPT_UDP);
      }
      if (o + 8 > capEnd) {
        return skip(SkipReason.TRUNCATED_HEADER);
      }
      int udpLength = Bytes.u16be(b, o + 4);
      // Length 0 is legal for IPv6 jumbograms; otherwise the UDP length must fit the IP length.
      if (udpLength != 0 && (udpLength < 8 || udpLength > wireLength)) {
        return skip(SkipReason.CORRUPT_UDP);
      }
      int payload = (udpLength == 0 ? wireLength : udpLength) - 8;
      int payloadOffset = o + 8;
      return new DecodedPacket(current.number(), current.fileOffset(), current.timestampNanos(),
          version, proto, srcHi, srcLo, dstHi, dstLo, Bytes.u16be(b, o), Bytes.u16be(b, o + 2),
          0, 0, payload, b, payloadOffset, Math.min(payload, capEnd - payloadOffset));
    }
    if ((proto == 4 || proto == 41) && tunnels < MAX_TUNNELS) {
      // IP-in-IP and IPv6-in-IPv4 (6to4, 6in4): the connection is the inner one, as in tshark.
      tunnels++;
      return proto == 4 ? ipv4(b, o, capEnd) : ipv6(b, o, capEnd);
    }
    return skip(SkipReason.OTHER_IP_PROTOCOL);
  }

  private DecodedPacket skip(SkipReason reason) {
    skips.count(reason, source, current.number(), current.fileOffset());
    return null;
  }
}
