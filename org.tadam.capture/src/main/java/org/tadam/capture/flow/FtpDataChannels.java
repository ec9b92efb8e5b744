package org.tadam.capture.flow;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tadam.capture.decode.DecodedPacket;

/**
 * FTP data connections, named by what their control connection announced: a server's passive
 * reply ({@code 227 Entering Passive Mode (h1,h2,h3,h4,p1,p2)}, {@code 229 ... (|||port|)}) or a
 * client's {@code PORT h1,...,p2} / {@code EPRT |1|addr|port|}. A connection that then starts to
 * the announced address and port is {@value #SERVICE}; without this each passive port would make
 * a service of its own ({@code tcp/30017}) with one or two connections (issue 14).
 */
final class FtpDataChannels {
  static final String SERVICE = "ftp-data";
  /** An announcement not used within this time is forgotten (clients connect at once). */
  private static final long EXPECTATION_NANOS = 120 * TrackerOptions.SECOND;
  /** Bounds memory on captures with many control connections and unused announcements. */
  private static final int MAX_EXPECTED = 4096;
  private static final int MAX_LINE = 256;

  private static final Pattern PASSIVE = Pattern.compile(
      "^227 [^(]*\\((\\d+),(\\d+),(\\d+),(\\d+),(\\d+),(\\d+)\\)");
  private static final Pattern EXTENDED_PASSIVE = Pattern.compile("^229 [^(]*\\(\\|\\|\\|(\\d+)\\|\\)");
  private static final Pattern ACTIVE = Pattern.compile(
      "^PORT (\\d+),(\\d+),(\\d+),(\\d+),(\\d+),(\\d+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern EXTENDED_ACTIVE = Pattern.compile(
      "^EPRT \\|1\\|(\\d+)\\.(\\d+)\\.(\\d+)\\.(\\d+)\\|(\\d+)\\|", Pattern.CASE_INSENSITIVE);

  /** Announced responder endpoints of data connections, with the time of the announcement. */
  private final Map<Endpoint, Long> expected = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Endpoint, Long> eldest) {
      return size() > MAX_EXPECTED;
    }
  };

  /** Whether a connection is an FTP control connection whose lines should be read. */
  static boolean isControl(OpenConnection c) {
    return c.protocol == 6 && (c.responder.port() == 21 || "ftp".equals(c.detectedService()));
  }

  /** Reads one payload of a control connection for an announcement. */
  void offer(OpenConnection control, boolean fromInitiator, DecodedPacket p) {
    int n = Math.min(p.payloadCaptured(), MAX_LINE);
    if (n < 8) {
      return;
    }
    String line = new String(p.data(), p.payloadOffset(), n, StandardCharsets.ISO_8859_1);
    long now = p.timestampNanos();
    if (fromInitiator) {
      Matcher m = ACTIVE.matcher(line);
      if (m.find()) {
        expect(ipv4(m, 1), port(m.group(5), m.group(6)), now);
        return;
      }
      m = EXTENDED_ACTIVE.matcher(line);
      if (m.find()) {
        expect(ipv4(m, 1), Integer.parseInt(m.group(5)), now);
      }
      return;
    }
    Matcher m = PASSIVE.matcher(line);
    if (m.find()) {
      expect(ipv4(m, 1), port(m.group(5), m.group(6)), now);
      return;
    }
    m = EXTENDED_PASSIVE.matcher(line);
    if (m.find()) {
      Endpoint server = control.responder;
      int port = Integer.parseInt(m.group(1));
      if (port > 0 && port < 65536) {
        expected.put(new Endpoint(server.ipVersion(), server.hi(), server.lo(), port), now);
      }
    }
  }

  /** Whether a connection that starts now to {@code responder} was announced (used once). */
  boolean claim(Endpoint responder, long now) {
    Long at = expected.remove(responder);
    return at != null && now - at <= EXPECTATION_NANOS;
  }

  private void expect(long ipv4, int port, long now) {
    if (ipv4 >= 0 && port > 0 && port < 65536) {
      expected.put(new Endpoint(4, 0, ipv4, port), now);
    }
  }

  /** The IPv4 address of four decimal groups from {@code first}, or −1 when a byte is out of range. */
  private static long ipv4(Matcher m, int first) {
    long a = 0;
    for (int i = 0; i < 4; i++) {
      int b = Integer.parseInt(m.group(first + i));
      if (b > 255) {
        return -1;
      }
      a = a << 8 | b;
    }
    return a;
  }

  private static int port(String high, String low) {
    int h = Integer.parseInt(high);
    int l = Integer.parseInt(low);
    return h > 255 || l > 255 ? -1 : h << 8 | l;
  }
}
