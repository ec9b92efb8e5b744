package org.tadam.eval;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tadam.pcap.PcapWriter;

/**
 * Hand-made captures for tests: raw IPv4 frames (link type 101) with TCP or UDP, sequence numbers
 * kept per direction, IP header checksums filled in, written with the project's own pcap writer.
 */
public final class TinyCapture {
  public static final int FIN = 0x01;
  public static final int SYN = 0x02;
  public static final int RST = 0x04;
  public static final int PSH = 0x08;
  public static final int ACK = 0x10;

  private final List<byte[]> frames = new ArrayList<>();
  private final List<Long> times = new ArrayList<>();
  private final Map<String, Long> nextSeq = new HashMap<>();
  private long clock = 1_700_000_000_000_000_000L;

  /** A TCP segment {@code micros} after the previous frame. */
  public TinyCapture tcp(long micros, String src, int sport, String dst, int dport, int flags, String payload) {
    byte[] data = payload.getBytes(StandardCharsets.ISO_8859_1);
    String key = src + ":" + sport + ">" + dst + ":" + dport;
    long seq = nextSeq.getOrDefault(key, 1000L * (sport % 97 + 1));
    nextSeq.put(key, seq + data.length + ((flags & (SYN | FIN)) != 0 ? 1 : 0));
    ByteBuffer tcp = ByteBuffer.allocate(20 + data.length);
    tcp.putShort((short) sport).putShort((short) dport).putInt((int) seq).putInt(0)
        .put((byte) 0x50).put((byte) flags).putShort((short) 65535).putShort((short) 0).putShort((short) 0).put(data);
    return ip(micros, 6, src, dst, tcp.array());
  }

  /** A UDP datagram {@code micros} after the previous frame. */
  public TinyCapture udp(long micros, String src, int sport, String dst, int dport, byte[] payload) {
    ByteBuffer udp = ByteBuffer.allocate(8 + payload.length);
    udp.putShort((short) sport).putShort((short) dport).putShort((short) (8 + payload.length)).putShort((short) 0)
        .put(payload);
    return ip(micros, 17, src, dst, udp.array());
  }

  private TinyCapture ip(long micros, int protocol, String src, String dst, byte[] body) {
    ByteBuffer ip = ByteBuffer.allocate(20 + body.length);
    ip.put((byte) 0x45).put((byte) 0).putShort((short) (20 + body.length)).putShort((short) frames.size())
        .putShort((short) 0x4000).put((byte) 64).put((byte) protocol).putShort((short) 0).put(address(src))
        .put(address(dst)).put(body);
    byte[] frame = ip.array();
    int sum = 0;
    for (int i = 0; i < 20; i += 2) {
      sum += ((frame[i] & 0xFF) << 8) | (frame[i + 1] & 0xFF);
    }
    sum = (sum & 0xFFFF) + (sum >>> 16);
    sum = ~((sum & 0xFFFF) + (sum >>> 16)) & 0xFFFF;
    frame[10] = (byte) (sum >>> 8);
    frame[11] = (byte) sum;
    clock += micros * 1000;
    frames.add(frame);
    times.add(clock);
    return this;
  }

  /** A whole TCP exchange: handshake, request, response, both FINs. */
  public TinyCapture tcpSession(String client, int sport, String server, int dport, String request, String response) {
    tcp(1000, client, sport, server, dport, SYN, "");
    tcp(50, server, dport, client, sport, SYN | ACK, "");
    tcp(50, client, sport, server, dport, ACK, "");
    tcp(100, client, sport, server, dport, PSH | ACK, request);
    tcp(300, server, dport, client, sport, PSH | ACK, response);
    tcp(50, client, sport, server, dport, FIN | ACK, "");
    tcp(50, server, dport, client, sport, FIN | ACK, "");
    return tcp(50, client, sport, server, dport, ACK, "");
  }

  public Path write(Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file); PcapWriter w = new PcapWriter(out, 101, 65535, true, false)) {
      for (int i = 0; i < frames.size(); i++) {
        w.write(0, times.get(i), frames.get(i), 0, frames.get(i).length, frames.get(i).length);
      }
    }
    return file;
  }

  private static byte[] address(String dotted) {
    String[] p = dotted.split("\\.");
    byte[] a = new byte[4];
    for (int i = 0; i < 4; i++) {
      a[i] = (byte) Integer.parseInt(p[i]);
    }
    return a;
  }
}
