package org.tadam.capture;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tadam.pcap.CaptureReader;
import org.tadam.pcap.CaptureWriter;
import org.tadam.pcap.LinkType;
import org.tadam.pcap.PcapWriter;
import org.tadam.pcap.PcapngWriter;
import org.tadam.pcap.RawPacket;

/**
 * Derives the fixture variants (other formats, byte orders, link types) from the two loopback
 * captures http.pcap and udp.pcap, with this module's own writers. Run once by hand (see the
 * README in the test resources): {@code FixtureMaker DIR}.
 */
public final class FixtureMaker {
  private FixtureMaker() {
  }

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    List<RawPacket> http = load(dir.resolve("http.pcap"));
    List<RawPacket> udp = load(dir.resolve("udp.pcap"));
    try (PcapngWriter w = new PcapngWriter(out(dir, "http.pcapng"), false)) {
      w.addInterface(LinkType.ETHERNET, 262144, 6);
      for (RawPacket p : http) {
        w.write(0, p.timestampNanos(), p.data(), 0, p.capturedLength(), p.originalLength());
      }
    }
    try (PcapWriter w = new PcapWriter(out(dir, "http-ns-be.pcap"), LinkType.ETHERNET, 262144,
        true, true)) {
      http.forEach(p -> write(w, p, ethernet(p)));
    }
    // Big-endian pcapng, two sections; the first has an Ethernet interface in ns and a raw-IP
    // interface in µs; the second repeats the UDP exchange on an IPV4 (228) interface.
    try (PcapngWriter w = new PcapngWriter(out(dir, "mixed-be.pcapng"), true)) {
      int eth = w.addInterface(LinkType.ETHERNET, 65535, 9);
      int raw = w.addInterface(LinkType.RAW, 65535, 6);
      for (RawPacket p : http) {
        w.write(eth, p.timestampNanos(), p.data(), 0, p.capturedLength(), p.originalLength());
      }
      for (RawPacket p : udp) {
        byte[] ip = ip(p);
        w.write(raw, p.timestampNanos(), ip, 0, ip.length, ip.length);
      }
      w.startSection();
      int ipv4 = w.addInterface(LinkType.IPV4, 65535, 6);
      for (RawPacket p : udp) {
        byte[] ip = ip(p);
        w.write(ipv4, p.timestampNanos() + 3_600_000_000_000L, ip, 0, ip.length, ip.length);
      }
    }
    rewrite(dir, "http-sll.pcap", http, LinkType.LINUX_SLL);
    rewrite(dir, "http-sll2.pcap", http, LinkType.LINUX_SLL2);
    rewrite(dir, "http-raw.pcap", http, LinkType.RAW);
    rewrite(dir, "udp-null.pcap", udp, LinkType.NULL);
    rewrite(dir, "udp-loop.pcap", udp, LinkType.LOOP);
    rewrite(dir, "http-vlan.pcap", http, LinkType.ETHERNET);
  }

  /** Writes the packets with their IP part wrapped in a new link header. */
  private static void rewrite(Path dir, String name, List<RawPacket> packets, int linkType)
      throws IOException {
    try (PcapWriter w = new PcapWriter(out(dir, name), linkType, 262144, false, false)) {
      for (int i = 0; i < packets.size(); i++) {
        RawPacket p = packets.get(i);
        byte[] ip = ip(p);
        boolean v6 = (ip[0] & 0xF0) == 0x60;
        int etherType = v6 ? 0x86DD : 0x0800;
        byte[] head = switch (linkType) {
          case LinkType.LINUX_SLL -> new byte[] {0, (byte) (i % 2 == 0 ? 0 : 4), 0, 0x03, 0, 6,
              0, 0, 0, 0, 0, 0, 0, 0, (byte) (etherType >> 8), (byte) etherType};
          case LinkType.LINUX_SLL2 -> new byte[] {(byte) (etherType >> 8), (byte) etherType, 0, 0,
              0, 0, 0, 1, 0, 0x03, 0, 6, 0, 0, 0, 0, 0, 0, 0, 0};
          case LinkType.NULL -> new byte[] {(byte) (v6 ? 30 : 2), 0, 0, 0};
          case LinkType.LOOP -> new byte[] {0, 0, 0, (byte) (v6 ? 30 : 2)};
          case LinkType.ETHERNET -> vlanHeader(i % 2 == 0, etherType);
          default -> new byte[0];
        };
        byte[] frame = new byte[head.length + ip.length];
        System.arraycopy(head, 0, frame, 0, head.length);
        System.arraycopy(ip, 0, frame, head.length, ip.length);
        write(w, p, frame);
      }
    }
  }

  /** Zero MACs, then one 802.1Q tag (single) or an 802.1ad + 802.1Q pair (QinQ). */
  private static byte[] vlanHeader(boolean single, int etherType) {
    byte[] h = new byte[single ? 18 : 22];
    int o = 12;
    if (!single) {
      h[o] = (byte) 0x88;
      h[o + 1] = (byte) 0xA8;
      h[o + 3] = 100;
      o += 4;
    }
    h[o] = (byte) 0x81;
    h[o + 2] = 0;
    h[o + 3] = 42;
    h[o + 4] = (byte) (etherType >> 8);
    h[o + 5] = (byte) etherType;
    return h;
  }

  private static byte[] ethernet(RawPacket p) {
    byte[] f = new byte[p.capturedLength()];
    System.arraycopy(p.data(), 0, f, 0, f.length);
    return f;
  }

  /** The IP packet of an Ethernet frame from the loopback captures. */
  private static byte[] ip(RawPacket p) {
    byte[] ip = new byte[p.capturedLength() - 14];
    System.arraycopy(p.data(), 14, ip, 0, ip.length);
    return ip;
  }

  private static void write(CaptureWriter w, RawPacket p, byte[] frame) {
    try {
      w.write(0, p.timestampNanos(), frame, 0, frame.length,
          frame.length + p.originalLength() - p.capturedLength());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static OutputStream out(Path dir, String name) throws IOException {
    return new BufferedOutputStream(Files.newOutputStream(dir.resolve(name)));
  }

  static List<RawPacket> load(Path file) throws IOException {
    List<RawPacket> packets = new ArrayList<>();
    CaptureReader.read(file, p -> packets.add(p.detach()));
    return packets;
  }
}
