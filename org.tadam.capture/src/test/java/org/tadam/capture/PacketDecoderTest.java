package org.tadam.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.IpV6Packet;
import org.pcap4j.packet.Packet;
import org.pcap4j.packet.TcpPacket;
import org.pcap4j.packet.UdpPacket;
import org.pcap4j.packet.factory.PacketFactories;
import org.pcap4j.packet.namednumber.DataLinkType;
import org.tadam.capture.decode.DecodedPacket;
import org.tadam.capture.decode.PacketDecoder;
import org.tadam.pcap.CaptureReader;
import org.tadam.pcap.LinkType;
import org.tadam.pcap.RawPacket;
import org.tadam.pcap.SkipCounter;
import org.tadam.pcap.SkipReason;

/** The hand-written decoder against pcap4j's pure-Java packet factories, and on bad frames. */
class PacketDecoderTest {

  private static String describe(DecodedPacket d) {
    return d.protocol() + " " + d.srcPort() + ">" + d.dstPort() + " flags=" + d.tcpFlags()
        + " payload=" + d.payloadLength();
  }

  private static List<String> decodeAll(String fixture) throws IOException {
    List<String> out = new ArrayList<>();
    SkipCounter skips = new SkipCounter();
    PacketDecoder decoder = new PacketDecoder(skips);
    CaptureReader.read(Fixtures.path(fixture), raw -> {
      DecodedPacket d = decoder.decode(raw);
      out.add(d == null ? "skipped" : describe(d));
    });
    return out;
  }

  @ParameterizedTest
  @MethodSource("org.tadam.capture.Fixtures#all")
  void everyLinkTypeVariantDecodesLikeTheOriginal(String fixture) throws IOException {
    List<String> decoded = decodeAll(fixture);
    List<String> expected = new ArrayList<>();
    if (fixture.startsWith("http")) {
      expected.addAll(decodeAll("http.pcap"));
    } else if (fixture.startsWith("udp")) {
      expected.addAll(decodeAll("udp.pcap"));
    } else {
      expected.addAll(decodeAll("http.pcap"));
      expected.addAll(decodeAll("udp.pcap"));
      expected.addAll(decodeAll("udp.pcap"));
    }
    assertEquals(expected, decoded);
    assertTrue(decoded.stream().noneMatch("skipped"::equals));
  }

  @ParameterizedTest
  @MethodSource("org.tadam.capture.Fixtures#all")
  void agreesWithPcap4j(String fixture) throws IOException {
    PacketDecoder decoder = new PacketDecoder(new SkipCounter());
    int[] compared = new int[1];
    CaptureReader.read(Fixtures.path(fixture), raw -> {
      DataLinkType dlt = pcap4jLinkType(raw.linkType());
      if (dlt == null) {
        return;
      }
      Packet p = PacketFactories.getFactory(Packet.class, DataLinkType.class).newInstance(
          raw.data(), raw.offset(), raw.capturedLength(), dlt);
      DecodedPacket d = decoder.decode(raw);
      assertNotNull(d);
      if (!p.contains(IpV4Packet.class) && !p.contains(IpV6Packet.class)) {
        return;
      }
      TcpPacket tcp = p.get(TcpPacket.class);
      UdpPacket udp = p.get(UdpPacket.class);
      int ipPayload = p.contains(IpV4Packet.class)
          ? p.get(IpV4Packet.class).getHeader().getTotalLengthAsInt()
              - p.get(IpV4Packet.class).getHeader().length()
          : p.get(IpV6Packet.class).getHeader().getPayloadLengthAsInt();
      if (tcp != null) {
        assertEquals(DecodedPacket.TCP, d.protocol());
        assertEquals(tcp.getHeader().getSrcPort().valueAsInt(), d.srcPort());
        assertEquals(tcp.getHeader().getDstPort().valueAsInt(), d.dstPort());
        assertEquals(tcp.getHeader().getSyn(), d.has(DecodedPacket.SYN));
        assertEquals(tcp.getHeader().getAck(), d.has(DecodedPacket.ACK));
        assertEquals(tcp.getHeader().getFin(), d.has(DecodedPacket.FIN));
        assertEquals(tcp.getHeader().getRst(), d.has(DecodedPacket.RST));
        assertEquals(tcp.getHeader().getPsh(), d.has(DecodedPacket.PSH));
        assertEquals(tcp.getHeader().getSequenceNumberAsLong(), d.tcpSeq());
        assertEquals(ipPayload - tcp.getHeader().length(), d.payloadLength());
      } else {
        assertNotNull(udp, "pcap4j found neither TCP nor UDP in " + fixture);
        assertEquals(DecodedPacket.UDP, d.protocol());
        assertEquals(udp.getHeader().getSrcPort().valueAsInt(), d.srcPort());
        assertEquals(udp.getHeader().getDstPort().valueAsInt(), d.dstPort());
        assertEquals(udp.getHeader().getLengthAsInt() - 8, d.payloadLength());
      }
      compared[0]++;
    });
    if (!fixture.contains("sll2") && !fixture.contains("loop")) {
      assertTrue(compared[0] > 0, "no packet compared in " + fixture);
    }
  }

  /** Link types pcap4j 1.8.2 decodes (its Ethernet decoder stops at QinQ 0x88A8 tags). */
  private static DataLinkType pcap4jLinkType(int linkType) {
    return switch (linkType) {
      case LinkType.ETHERNET -> DataLinkType.EN10MB;
      case LinkType.LINUX_SLL -> DataLinkType.LINUX_SLL;
      case LinkType.RAW, LinkType.IPV4 -> DataLinkType.RAW;
      case LinkType.NULL -> DataLinkType.NULL;
      default -> null;
    };
  }

  private static RawPacket frame(int linkType, int... bytes) {
    byte[] b = new byte[bytes.length];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) bytes[i];
    }
    return new RawPacket(1, 0, 0, linkType, 0, b, 0, b.length, b.length);
  }

  @Test
  void badFramesAreCountedNotThrown() {
    SkipCounter skips = new SkipCounter();
    PacketDecoder d = new PacketDecoder(skips);
    assertNull(d.decode(frame(147, 1, 2, 3)));
    assertNull(d.decode(frame(LinkType.ETHERNET, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x08, 0x06)));
    assertNull(d.decode(frame(LinkType.ETHERNET, 0, 0, 0)));
    // IPv4 with IHL 4 (corrupt)
    assertNull(d.decode(frame(LinkType.RAW, 0x44, 0, 0, 40, 0, 0, 0, 0, 64, 6, 0, 0, 1, 1, 1, 1,
        2, 2, 2, 2)));
    // IPv4 fragment (MF set) without data (invalid), then ICMP
    assertNull(d.decode(frame(LinkType.RAW, 0x45, 0, 0, 20, 0, 0, 0x20, 0, 64, 17, 0, 0, 1, 1, 1,
        1, 2, 2, 2, 2)));
    assertNull(d.decode(frame(LinkType.RAW, 0x45, 0, 0, 20, 0, 0, 0, 0, 64, 1, 0, 0, 1, 1, 1, 1,
        2, 2, 2, 2)));
    // TCP with data offset 4 (corrupt) and UDP with length 3 (corrupt)
    int[] ipTcp = {0x45, 0, 0, 40, 0, 0, 0, 0, 64, 6, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 0, 80, 0, 81,
        0, 0, 0, 0, 0, 0, 0, 0, 0x40, 0x02, 0, 0, 0, 0, 0, 0};
    assertNull(d.decode(frame(LinkType.RAW, ipTcp)));
    int[] ipUdp = {0x45, 0, 0, 28, 0, 0, 0, 0, 64, 17, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 0, 53, 0, 53,
        0, 3, 0, 0};
    assertNull(d.decode(frame(LinkType.RAW, ipUdp)));
    assertEquals(1, skips.count(SkipReason.UNKNOWN_LINK_TYPE));
    assertEquals(1, skips.count(SkipReason.NON_IP));
    assertEquals(1, skips.count(SkipReason.TRUNCATED_HEADER));
    assertEquals(1, skips.count(SkipReason.CORRUPT_IP));
    assertEquals(1, skips.count(SkipReason.IP_FRAGMENT_INVALID));
    assertEquals(1, skips.count(SkipReason.OTHER_IP_PROTOCOL));
    assertEquals(1, skips.count(SkipReason.CORRUPT_TCP));
    assertEquals(1, skips.count(SkipReason.CORRUPT_UDP));
    assertEquals(8, skips.skippedFrames());
  }

  private static final int[] IP_UDP = {0x45, 0, 0, 30, 0, 0, 0, 0, 64, 17, 0, 0, 10, 0, 0, 1, 10,
      0, 0, 2, 0x13, (byte) 0x88, 0, 53, 0, 10, 0, 0, 'h', 'i'};

  private static int[] concat(int[] head, int[] tail) {
    int[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    return all;
  }

  @Test
  void encapsulationsAreUnwrapped() {
    PacketDecoder d = new PacketDecoder(new SkipCounter());
    int[] mac = {0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 2};
    int[] pppoe = concat(concat(mac, new int[] {0x81, 0, 0, 5, 0x88, 0x64, 0x11, 0, 0, 1, 0, 32,
        0, 0x21}), IP_UDP);
    int[] mpls = concat(concat(mac, new int[] {0x88, 0x47, 0, 1, 0, 64, 0, 2, 1, 64}), IP_UDP);
    int[] ipInIp = concat(new int[] {0x45, 0, 0, 50, 0, 0, 0, 0, 64, 4, 0, 0, 1, 1, 1, 1, 2, 2, 2,
        2}, IP_UDP);
    for (RawPacket f : List.of(frame(LinkType.ETHERNET, pppoe), frame(LinkType.ETHERNET, mpls),
        frame(LinkType.RAW, ipInIp))) {
      DecodedPacket p = d.decode(f);
      assertNotNull(p);
      assertEquals(5000, p.srcPort());
      assertEquals(53, p.dstPort());
      assertEquals(0x0A000002L, p.dstLo());
      assertEquals(2, p.payloadLength());
    }
  }

  @Test
  void snaplenCutPayloadKeepsTheWireLength() {
    PacketDecoder d = new PacketDecoder(new SkipCounter());
    int[] ipUdp = {0x45, 0, 0x01, 0x2C, 0, 0, 0, 0, 64, 17, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 0, 53,
        0, 53, 0x01, 0x18, 0, 0, 'a', 'b'};
    DecodedPacket p = d.decode(frame(LinkType.IPV4, ipUdp));
    assertNotNull(p);
    assertEquals(272, p.payloadLength());
    assertEquals(2, p.payloadCaptured());
  }
}
