package org.tadam.capture;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tadam.capture.decode.DecodedPacket;
import org.tadam.capture.decode.PacketDecoder;
import org.tadam.pcap.LinkType;
import org.tadam.pcap.RawPacket;
import org.tadam.pcap.SkipCounter;

/** Hand-built IPv4/IPv6 fragments (raw IP frames) and a decoder run over a list of them. */
final class FragmentFrames {
  static final int SERVER_PORT = 53;
  static final int CLIENT_PORT = 40000;

  private FragmentFrames() {
  }

  /** A DNS-like UDP datagram (header + payload) of {@code size} bytes, server to client. */
  static byte[] udp(int size) {
    byte[] l4 = new byte[size];
    l4[1] = SERVER_PORT;
    l4[2] = (byte) (CLIENT_PORT >> 8);
    l4[3] = (byte) CLIENT_PORT;
    l4[4] = (byte) (size >> 8);
    l4[5] = (byte) size;
    // A response header (id 0x7a01, 1 question, 11 answers), then TXT-like text.
    byte[] head = {0x7a, 0x01, (byte) 0x81, (byte) 0x80, 0, 1, 0, 11, 0, 0, 0, 0};
    System.arraycopy(head, 0, l4, 8, head.length);
    byte[] text = "the quick brown fox jumps over the lazy dog 0123456789 "
        .getBytes(StandardCharsets.US_ASCII);
    for (int i = 8 + head.length; i < size; i++) {
      l4[i] = text[i % text.length];
    }
    return l4;
  }

  /** The UDP payload of a datagram built by {@link #udp}. */
  static byte[] payload(byte[] l4) {
    return Arrays.copyOfRange(l4, 8, l4.length);
  }

  /** One fragment carrying {@code data[offset, offset + length)} as an IPv4 or IPv6 packet. */
  static byte[] fragment(int version, byte[] data, int offset, int length, boolean more,
      int id) {
    return fragment(version, data, offset, length, more, id, 17);
  }

  static byte[] fragment(int version, byte[] data, int offset, int length, boolean more, int id,
      int protocol) {
    int head = version == 4 ? 20 : 48;
    byte[] ip = new byte[head + length];
    System.arraycopy(data, offset, ip, head, length);
    int field = offset / 8;
    if (version == 4) {
      ip[0] = 0x45;
      put16(ip, 2, head + length);
      put16(ip, 4, id);
      put16(ip, 6, field | (more ? 0x2000 : 0));
      ip[8] = 64;
      ip[9] = (byte) protocol;
      ip[12] = 10;
      ip[15] = 53;
      ip[16] = 10;
      ip[19] = 7;
    } else {
      ip[0] = 0x60;
      put16(ip, 4, 8 + length);
      ip[6] = 44;
      ip[7] = 64;
      ip[8] = 0x20;
      ip[9] = 0x01;
      ip[23] = 0x53;
      ip[24] = 0x20;
      ip[25] = 0x01;
      ip[39] = 0x07;
      ip[40] = (byte) protocol;
      put16(ip, 42, (field << 3) | (more ? 1 : 0));
      put16(ip, 44, id >>> 16);
      put16(ip, 46, id);
    }
    return ip;
  }

  /** Splits {@code l4} into fragments of {@code piece} bytes (the last one shorter). */
  static List<byte[]> split(int version, byte[] l4, int piece, int id) {
    List<byte[]> out = new ArrayList<>();
    for (int at = 0; at < l4.length; at += piece) {
      int n = Math.min(piece, l4.length - at);
      out.add(fragment(version, l4, at, n, at + n < l4.length, id));
    }
    return out;
  }

  private static void put16(byte[] b, int i, int v) {
    b[i] = (byte) (v >> 8);
    b[i + 1] = (byte) v;
  }

  /** Raw-IP frames numbered from 1, one second apart unless {@code times} says otherwise. */
  static List<RawPacket> frames(List<byte[]> packets, long... times) {
    List<RawPacket> out = new ArrayList<>();
    for (int i = 0; i < packets.size(); i++) {
      byte[] b = packets.get(i);
      long t = i < times.length ? times[i] : 1_000_000_000L * i;
      out.add(new RawPacket(i + 1, 100L * i, 0, LinkType.RAW, t, b, 0, b.length, b.length));
    }
    return out;
  }

  /** A decoded packet with its payload copied out of the decoder's buffer. */
  record Out(DecodedPacket packet, byte[] payload) {
  }

  /** Decodes the frames, finishes the capture, and checks the per-frame accounting. */
  static List<Out> decode(SkipCounter skips, List<RawPacket> frames) {
    PacketDecoder decoder = new PacketDecoder(skips);
    decoder.source("fragments");
    List<Out> out = new ArrayList<>();
    for (RawPacket f : frames) {
      DecodedPacket d = decoder.decode(f);
      if (d != null) {
        out.add(new Out(d, Arrays.copyOfRange(d.data(), d.payloadOffset(), d.payloadOffset()
            + d.payloadCaptured())));
      }
    }
    decoder.finish();
    if (frames.size() != out.size() + skips.skippedFrames() + skips.mergedFragments()) {
      throw new AssertionError("frames " + frames.size() + " != decoded " + out.size()
          + " + skipped " + skips.nonZero() + " + merged " + skips.mergedFragments());
    }
    return out;
  }
}
