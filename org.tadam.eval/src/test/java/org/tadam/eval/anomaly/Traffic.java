package org.tadam.eval.anomaly;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tadam.pcap.PcapWriter;

/**
 * Hand-made IPv4 traffic for the anomaly tests (raw IP link type, µs timestamps, written with the
 * project's pcap writer): HTTP-like sessions and SYN scans between 10.0.0.x clients and a server,
 * each starting at a known microsecond so that label rows can name them.
 */
final class Traffic {
  static final int FIN = 0x01;
  static final int SYN = 0x02;
  static final int RST = 0x04;
  static final int PSH = 0x08;
  static final int ACK = 0x10;
  static final String SERVER = "10.0.0.1";
  static final long EPOCH_MICROS = 1_700_000_000_000_000L;

  private final List<byte[]> frames = new ArrayList<>();
  private final List<Long> micros = new ArrayList<>();
  private long clock = EPOCH_MICROS;

  /** Microseconds of the next frame. */
  long now() {
    return clock;
  }

  /** An HTTP-like session whose response body has {@code size} bytes. */
  Traffic session(int client, int port, String request, int size) {
    return exchange(client, port, request, "HTTP/1.1 200 OK\r\n\r\n" + "x".repeat(size));
  }

  /** A session: handshake, request, response, both FINs; the client's port is its id. */
  Traffic exchange(int client, int port, String request, String response) {
    String c = "10.0.0." + (client % 200 + 2);
    tcp(c, client, port, SYN, "", 0);
    tcp(SERVER, port, client, SYN | ACK, "", 40);
    tcp(c, client, port, ACK, "", 40);
    tcp(c, client, port, PSH | ACK, request, 60);
    tcp(SERVER, port, client, PSH | ACK, response, 300);
    tcp(c, client, port, FIN | ACK, "", 50);
    tcp(SERVER, port, client, FIN | ACK, "", 40);
    tcp(c, client, port, ACK, "", 40);
    clock += 10_000;
    return this;
  }

  /** A SYN scan probe: SYN, SYN-ACK, the scanner's RST. */
  Traffic scan(int client, int port) {
    String c = "10.0.0." + (client % 200 + 2);
    tcp(c, client, port, SYN, "", 0);
    tcp(SERVER, port, client, SYN | ACK, "", 30);
    tcp(c, client, port, RST, "", 20);
    clock += 5_000;
    return this;
  }

  private void tcp(String src, int sport, int dport, int flags, String payload, long afterMicros) {
    String dst = src.equals(SERVER) ? "10.0.0." + (dport % 200 + 2) : SERVER;
    byte[] data = payload.getBytes(StandardCharsets.ISO_8859_1);
    ByteBuffer seg = ByteBuffer.allocate(20 + data.length);
    seg.putShort((short) sport).putShort((short) dport).putInt(1000).putInt(0).put((byte) 0x50).put((byte) flags)
        .putShort((short) 65535).putShort((short) 0).putShort((short) 0).put(data);
    ByteBuffer ip = ByteBuffer.allocate(20 + seg.capacity());
    ip.put((byte) 0x45).put((byte) 0).putShort((short) ip.capacity()).putShort((short) frames.size()).putShort((short) 0x4000)
        .put((byte) 64).put((byte) 6).putShort((short) 0).put(address(src)).put(address(dst)).put(seg.array());
    clock += afterMicros;
    frames.add(ip.array());
    micros.add(clock);
  }

  Path write(Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file); PcapWriter w = new PcapWriter(out, 101, 65535, false, false)) {
      for (int i = 0; i < frames.size(); i++) {
        w.write(0, micros.get(i) * 1000, frames.get(i), 0, frames.get(i).length, frames.get(i).length);
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
