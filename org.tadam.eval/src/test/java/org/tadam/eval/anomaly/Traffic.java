package org.tadam.eval.anomaly;

import static org.tadam.eval.TinyCapture.ACK;
import static org.tadam.eval.TinyCapture.FIN;
import static org.tadam.eval.TinyCapture.PSH;
import static org.tadam.eval.TinyCapture.RST;
import static org.tadam.eval.TinyCapture.SYN;

import java.io.IOException;
import java.nio.file.Path;
import org.tadam.eval.TinyCapture;

/**
 * Hand-made IPv4 traffic for the anomaly tests, framed by {@link TinyCapture}: HTTP-like sessions and
 * SYN scans between 10.0.0.x clients and a server, each starting at a known microsecond so that label
 * rows can name them.
 */
final class Traffic {
  static final String SERVER = "10.0.0.1";
  static final long EPOCH_MICROS = 1_700_000_000_000_000L;

  private final TinyCapture capture = new TinyCapture();
  private long clock = EPOCH_MICROS;
  /** Microseconds of the last frame written (the capture counts its frames' times from the previous one). */
  private long last = EPOCH_MICROS;

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
    clock += afterMicros;
    capture.tcp(clock - last, src, sport, dst, dport, flags, payload);
    last = clock;
  }

  Path write(Path file) throws IOException {
    return capture.write(file);
  }
}
