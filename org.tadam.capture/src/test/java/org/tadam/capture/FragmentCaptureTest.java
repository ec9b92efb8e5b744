package org.tadam.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.IpV4Rfc791Tos;
import org.pcap4j.packet.IpV6ExtFragmentPacket;
import org.pcap4j.packet.Packet;
import org.pcap4j.packet.UdpPacket;
import org.pcap4j.packet.UnknownPacket;
import org.pcap4j.packet.factory.PacketFactories;
import org.pcap4j.packet.namednumber.DataLinkType;
import org.pcap4j.packet.namednumber.IpNumber;
import org.pcap4j.packet.namednumber.IpVersion;
import org.pcap4j.packet.namednumber.UdpPort;
import org.pcap4j.util.IpV4Helper;
import org.tadam.capture.FragmentFrames.Out;
import org.tadam.capture.decode.FragmentReassembler;
import org.tadam.capture.decode.PacketDecoder;
import org.tadam.capture.flow.ConnState;
import org.tadam.capture.flow.Connection;
import org.tadam.pcap.LinkType;
import org.tadam.pcap.PcapWriter;
import org.tadam.pcap.RawPacket;
import org.tadam.pcap.SkipCounter;
import org.tadam.pcap.SkipReason;

/**
 * The loopback fixture dns-frag.pcap (a DNS answer of 2969 bytes fragmented by the kernel, over
 * IPv4 and IPv6) through the whole pipeline, reordered and damaged copies of it, pcap4j as the
 * cross-check, random fragment headers, and the memory bounds.
 */
class FragmentCaptureTest {
  private static final String FIXTURE = Fixtures.FRAGMENTED;

  private static IngestReport ingest(List<RawPacket> frames, List<Connection> out)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PcapWriter w = new PcapWriter(bytes, LinkType.ETHERNET, 65535, false, false)) {
      for (RawPacket p : frames) {
        w.write(0, p.timestampNanos(), p.data(), p.offset(), p.capturedLength(),
            p.originalLength());
      }
    }
    IngestReport r = new CaptureIngest(IngestOptions.defaults()).connections(Channels.newChannel(
        new ByteArrayInputStream(bytes.toByteArray())), "copy", out::add);
    assertEquals(r.frames(), r.trackedPackets() + r.skips().skippedFrames()
        + r.mergedFragments());
    return r;
  }

  @Test
  void fixtureGivesTwoCompleteDnsExchanges() throws IOException {
    List<Connection> cs = new ArrayList<>();
    IngestReport r = ingest(FixtureMaker.load(Fixtures.path(FIXTURE)), cs);
    assertEquals(8, r.frames());
    assertEquals(4, r.trackedPackets());
    assertEquals(4, r.mergedFragments());
    assertEquals(2, r.skips().reassembled());
    assertEquals(0, r.skips().skippedFrames());
    assertEquals(List.of(4, 6), cs.stream().map(c -> c.initiator().ipVersion()).toList());
    for (Connection c : cs) {
      assertEquals(53, c.responder().port());
      assertEquals(ConnState.SF, c.state());
      assertEquals(2969, c.packets().get(1).payloadLength());
    }
    // Values (iat, size) only: service names and payload classes are not this test's subject.
    // The answer arrives 2.1 ms (IPv4) and 0.8 ms (IPv6) after the query.
    List<String> values = Fixtures.words(IngestOptions.defaults(), Fixtures.path(FIXTURE))
        .stream().map(w -> w.values().stream().map(Arrays::toString).toList().toString())
        .toList();
    assertEquals(List.of("[[0, 32], [33, 2969]]", "[[0, 32], [29, 2969]]"), values);
  }

  @Test
  void reorderedAndDamagedCopies() throws IOException {
    List<RawPacket> f = FixtureMaker.load(Fixtures.path(FIXTURE));
    // 1 query, 2-4 IPv4 fragments, 5 query, 6-8 IPv6 fragments.
    List<Connection> reversed = new ArrayList<>();
    ingest(List.of(f.get(0), f.get(3), f.get(2), f.get(1), f.get(4), f.get(7), f.get(6),
        f.get(5)), reversed);
    assertEquals(List.of(ConnState.SF, ConnState.SF), reversed.stream().map(Connection::state)
        .toList());
    List<Connection> damaged = new ArrayList<>();
    IngestReport r = ingest(List.of(f.get(0), f.get(1), f.get(3), f.get(4), f.get(5), f.get(6),
        f.get(6), f.get(7)), damaged);
    assertEquals(List.of(ConnState.S0, ConnState.SF), damaged.stream().map(Connection::state)
        .toList());
    assertEquals(2, r.skipped(SkipReason.IP_FRAGMENT));
    assertEquals(1, r.skipped(SkipReason.IP_FRAGMENT_DUPLICATE));
  }

  /** The UDP payload of each datagram the decoder yields from the fixture. */
  private static List<byte[]> ours() throws IOException {
    List<RawPacket> frames = FixtureMaker.load(Fixtures.path(FIXTURE));
    return FragmentFrames.decode(new SkipCounter(), frames).stream().map(Out::payload).toList();
  }

  @Test
  void agreesWithPcap4jOnTheFixture() throws IOException {
    List<IpV4Packet> v4 = new ArrayList<>();
    byte[] v6 = new byte[4096];
    int v6Length = 0;
    for (RawPacket raw : FixtureMaker.load(Fixtures.path(FIXTURE))) {
      Packet p = PacketFactories.getFactory(Packet.class, DataLinkType.class).newInstance(
          raw.data(), raw.offset(), raw.capturedLength(), DataLinkType.EN10MB);
      IpV4Packet ip4 = p.get(IpV4Packet.class);
      IpV6ExtFragmentPacket frag = p.get(IpV6ExtFragmentPacket.class);
      if (ip4 != null && (ip4.getHeader().getMoreFragmentFlag()
          || ip4.getHeader().getFragmentOffset() != 0)) {
        v4.add(ip4);
      } else if (frag != null) {
        byte[] data = frag.getPayload().getRawData();
        int at = frag.getHeader().getFragmentOffset() * 8;
        System.arraycopy(data, 0, v6, at, data.length);
        v6Length = Math.max(v6Length, at + data.length);
      }
    }
    assertEquals(3, v4.size());
    byte[] whole4 = IpV4Helper.defragment(v4).getPayload().getRawData();
    List<byte[]> ours = ours();
    assertArrayEquals(Arrays.copyOfRange(whole4, 8, whole4.length), ours.get(1));
    assertArrayEquals(Arrays.copyOfRange(v6, 8, v6Length), ours.get(3));
  }

  @Test
  void reassemblesWhatPcap4jFragments() throws Exception {
    byte[] payload = FragmentFrames.payload(FragmentFrames.udp(3000));
    IpV4Packet whole = new IpV4Packet.Builder().version(IpVersion.IPV4)
        .tos(IpV4Rfc791Tos.newInstance((byte) 0)).ttl((byte) 64).protocol(IpNumber.UDP)
        .identification((short) 4242)
        .srcAddr((java.net.Inet4Address) InetAddress.getByName("192.0.2.1"))
        .dstAddr((java.net.Inet4Address) InetAddress.getByName("192.0.2.2"))
        .payloadBuilder(new UdpPacket.Builder().srcPort(UdpPort.DOMAIN)
            .dstPort(UdpPort.getInstance((short) 40000)).correctLengthAtBuild(true)
            .payloadBuilder(new UnknownPacket.Builder().rawData(payload)))
        .correctLengthAtBuild(true).correctChecksumAtBuild(true).build();
    List<IpV4Packet> fragments = new ArrayList<>(IpV4Helper.fragment(whole, 1500));
    assertEquals(3, fragments.size());
    java.util.Collections.swap(fragments, 0, 2);
    List<Out> out = FragmentFrames.decode(new SkipCounter(), FragmentFrames.frames(
        fragments.stream().map(Packet::getRawData).toList()));
    assertEquals(1, out.size());
    assertArrayEquals(payload, out.get(0).payload());
    assertEquals(53, out.get(0).packet().srcPort());
  }

  @Test
  void randomFragmentHeadersNeverThrowAndAddUp() {
    Random rnd = new Random(7);
    byte[] data = new byte[70_000];
    rnd.nextBytes(data);
    for (int round = 0; round < 20; round++) {
      List<byte[]> packets = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        int version = rnd.nextBoolean() ? 4 : 6;
        int offset = 8 * (rnd.nextInt(4) == 0 ? rnd.nextInt(8192) : rnd.nextInt(8));
        int length = rnd.nextInt(3) == 0 ? rnd.nextInt(1600) : 8 * rnd.nextInt(200);
        byte[] p = FragmentFrames.fragment(version, data, offset, length, rnd.nextBoolean(),
            rnd.nextInt(4), rnd.nextInt(5) == 0 ? 44 : 17);
        packets.add(rnd.nextInt(10) == 0 ? Arrays.copyOf(p, rnd.nextInt(p.length + 1)) : p);
      }
      long[] times = new long[packets.size()];
      for (int i = 1; i < times.length; i++) {
        times[i] = times[i - 1] + (rnd.nextInt(50) == 0 ? 100_000_000_000L : 1_000_000L);
      }
      // FragmentFrames.decode checks frames = decoded + skipped + merged.
      FragmentFrames.decode(new SkipCounter(), FragmentFrames.frames(packets, times));
    }
  }

  /** Skips counted while reading (before the end of the capture), then after it. */
  private static long[] fragmentSkips(List<byte[]> packets) {
    SkipCounter skips = new SkipCounter();
    PacketDecoder decoder = new PacketDecoder(skips);
    long decoded = 0;
    for (RawPacket f : FragmentFrames.frames(packets, new long[packets.size()])) {
      decoded += decoder.decode(f) == null ? 0 : 1;
    }
    long before = skips.count(SkipReason.IP_FRAGMENT);
    decoder.finish();
    return new long[] {before, skips.count(SkipReason.IP_FRAGMENT), decoded};
  }

  @Test
  void datagramsInProgressAreBounded() {
    int n = FragmentReassembler.MAX_DATAGRAMS + 76;
    List<byte[]> first = new ArrayList<>();
    for (int id = 0; id < n; id++) {
      first.add(FragmentFrames.fragment(4, FragmentFrames.udp(3000), 0, 1480, true, id));
    }
    assertArrayEquals(new long[] {76, n, 0}, fragmentSkips(first));
    // 4 MiB hold 69 datagrams of 60 000 bytes (plus bookkeeping): the 31 oldest are evicted.
    byte[] big = new byte[65_000];
    List<byte[]> large = new ArrayList<>();
    for (int id = 0; id < 100; id++) {
      large.add(FragmentFrames.fragment(4, big, 0, 60_000, true, id));
    }
    large.add(FragmentFrames.fragment(4, big, 60_000, 8, false, 99));
    assertArrayEquals(new long[] {31, 99, 1}, fragmentSkips(large));
  }
}
