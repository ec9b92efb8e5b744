package org.tadam.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tadam.capture.decode.DecodedPacket;
import org.tadam.capture.flow.Connection;
import org.tadam.capture.flow.ConnectionTracker;
import org.tadam.capture.flow.ServiceDetector;
import org.tadam.capture.flow.ServiceTable;
import org.tadam.capture.flow.TrackerOptions;

/** Services named by content (issue 12 item 4), with the user override first. */
class ServiceNamingTest {
  private static final byte[] DNS_QUERY = bytes(0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0,
      7, 'e', 'x', 'a', 'm', 'p', 'l', 'e', 3, 'c', 'o', 'm', 0, 0, 1, 0, 1);
  private static final byte[] MQTT_CONNECT = bytes(0x10, 0x10, 0, 4, 'M', 'Q', 'T', 'T', 4, 2, 0,
      60, 0, 4, 't', 'e', 's', 't');

  private static byte[] bytes(int... v) {
    byte[] b = new byte[v.length];
    for (int i = 0; i < v.length; i++) {
      b[i] = (byte) v[i];
    }
    return b;
  }

  private static byte[] text(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] clientHello() {
    byte[] b = new byte[200];
    new Random(1).nextBytes(b);
    System.arraycopy(bytes(0x16, 0x03, 0x01, 0x00, 0xC3, 0x01, 0x00, 0x00, 0xBF, 0x03, 0x03), 0,
        b, 0, 11);
    return b;
  }

  private static byte[] ntpClient() {
    byte[] b = new byte[48];
    b[0] = 0x23; // version 4, mode 3 (client)
    b[2] = 6;
    b[3] = (byte) -20;
    b[40] = (byte) 0xE9;
    return b;
  }

  private static byte[] dnsOverTcp() {
    byte[] b = new byte[DNS_QUERY.length + 2];
    b[1] = (byte) DNS_QUERY.length;
    System.arraycopy(DNS_QUERY, 0, b, 2, DNS_QUERY.length);
    return b;
  }

  /**
   * The service of one connection from client port 40000 to {@code port}; payloads alternate
   * client, server, client... (null: that side sends nothing at that turn).
   */
  private static String service(ServiceTable table, int protocol, int port, byte[]... payloads) {
    List<Connection> out = new ArrayList<>();
    ConnectionTracker t = new ConnectionTracker(TrackerOptions.defaults(), table, out::add);
    long ms = 0;
    long[] seq = {1, 1};
    if (protocol == 6) {
      t.accept(packet(++ms, 6, true, port, DecodedPacket.SYN, 0, new byte[0]));
      t.accept(packet(++ms, 6, false, port, DecodedPacket.SYN | DecodedPacket.ACK, 0,
          new byte[0]));
    }
    for (int i = 0; i < payloads.length; i++) {
      if (payloads[i] != null) {
        boolean client = i % 2 == 0;
        int flags = protocol == 6 ? DecodedPacket.PSH | DecodedPacket.ACK : 0;
        t.accept(packet(++ms, protocol, client, port, flags, seq[i % 2], payloads[i]));
        seq[i % 2] += payloads[i].length;
      }
    }
    t.flush();
    assertEquals(1, out.size());
    return out.get(0).service();
  }

  private static String service(int protocol, int port, byte[]... payloads) {
    return service(ServiceTable.standard(), protocol, port, payloads);
  }

  private static DecodedPacket packet(long ms, int protocol, boolean fromClient, int port,
      int flags, long seq, byte[] b) {
    return new DecodedPacket(0, 0, ms * 1_000_000L, 4, protocol, 0, fromClient ? 1 : 2, 0,
        fromClient ? 2 : 1, fromClient ? 40000 : port, fromClient ? port : 40000, flags, seq,
        b.length, b, 0, b.length);
  }

  @Test
  void eachProtocolOnANonStandardPort() {
    assertEquals("ssh", service(6, 2200, null, text("SSH-2.0-OpenSSH_9.6\r\n")));
    assertEquals("ssh", service(6, 2200, text("SSH-2.0-PuTTY\r\n")));
    assertEquals("ssh", service(6, 2200, null, text("Welcome\r\nSSH-1.99-srv\r\n")),
        "lines before the server's identification");
    assertEquals("http", service(6, 8081, text("GET /a?b=c HTTP/1.1\r\nHost: x\r\n\r\n")));
    assertEquals("http", service(6, 8081, null, text("HTTP/1.1 200 OK\r\n\r\n")));
    assertEquals("smtp", service(6, 2525, null, text("220 mx.example.org ESMTP Postfix\r\n")));
    assertEquals("ftp", service(6, 2121, null, text("220 (vsFTPd 3.0.3)\r\n")));
    assertEquals("ftp", service(6, 2121, null, text("220-FileZilla Server\r\n220 hi\r\n")));
    assertEquals("smtp", service(6, 2626, null, text("220 ready\r\n"), text("EHLO me\r\n")));
    assertEquals("ftp", service(6, 2626, null, text("220 ready\r\n"), text("USER anon\r\n")));
    assertEquals("tcp/2626", service(6, 2626, null, text("+OK ready\r\n"), text("USER a\r\n")),
        "POP3 clients send USER too");
    assertEquals("tls", service(6, 8444, clientHello()));
    assertEquals("mqtt", service(6, 1884, MQTT_CONNECT));
    assertEquals("dns", service(17, 5300, DNS_QUERY));
    assertEquals("dns", service(6, 5300, dnsOverTcp()));
    assertEquals("ntp", service(17, 1230, ntpClient()));
  }

  @Test
  void firstPayloadOfEachSideOnlyAndTheResponderFirst() {
    assertEquals("pop3", service(6, 110, null, text("+OK ready\r\n"), text("STLS\r\n"),
        text("+OK go\r\n"), clientHello()), "STARTTLS does not make it tls");
    assertEquals("ssh", service(6, 2200, text("GET / HTTP/1.1\r\n\r\n"),
        text("SSH-2.0-srv\r\n")), "the server's word wins");
    assertEquals("http", service(6, 2200, text("GET / HTTP/1.1\r\n\r\n"), text("?\r\n")));
  }

  @Test
  void portTableWhenContentSaysNothing() {
    assertEquals("tcp/2200", service(6, 2200, text("hello\r\n")));
    assertEquals("ssh", service(6, 22, text("hello\r\n")));
    assertEquals("ssh", service(6, 22), "no payload at all");
    assertEquals("http", service(6, 8080, text("GET / HTTP/1.1\r\n\r\n")), "not http-alt");
    assertEquals("ssh", service(6, 80, text("SSH-2.0-x\r\n")), "SSH on the HTTP port");
  }

  @Test
  void portNamesThatRefineTheContent() {
    assertEquals("https", service(6, 443, clientHello()));
    assertEquals("imaps", service(6, 993, clientHello()));
    assertEquals("tls", service(6, 22, clientHello()), "TLS is not SSH");
    assertEquals("mdns", service(17, 5353, DNS_QUERY));
    assertEquals("submission", service(6, 587, null, text("220 mx ESMTP\r\n")));
  }

  @Test
  void userOverrideWinsOverContent() {
    ServiceTable table = ServiceTable.standard().withOverride("2200=myssh")
        .withOverride("443/tcp=web");
    assertEquals("myssh", service(table, 6, 2200, null, text("SSH-2.0-x\r\n")));
    assertEquals("web", service(table, 6, 443, clientHello()));
    assertEquals("ssh", service(table, 6, 2201, null, text("SSH-2.0-x\r\n")), "other port");
    assertEquals("myssh", table.name(17, 2200, "dns"), "both protocols");
    assertEquals("web", table.override(6, 443));
    assertEquals(null, table.override(17, 443), "/tcp only");
    assertEquals(null, ServiceTable.standard().override(6, 22));
  }

  /** The binary signatures almost never accept random datagrams. */
  @Test
  void randomPayloadsAreRarelyNamed() {
    Random rnd = new Random(12);
    int named = 0;
    int ntpSized = 0;
    for (int i = 0; i < 100_000; i++) {
      byte[] b = new byte[i % 2 == 0 ? 48 : 12 + rnd.nextInt(500)];
      rnd.nextBytes(b);
      ServiceDetector d = new ServiceDetector();
      d.offer(i % 3 == 0 ? 6 : 17, true, b, 0, b.length);
      named += d.service() != null ? 1 : 0;
      ntpSized += b.length == 48 ? 1 : 0;
    }
    // NTP's fields are the weakest: about 1 in 5000 random 48-byte datagrams (2/3 are UDP).
    assertTrue(named < 30, named + " of 100000 random payloads named (" + ntpSized + " NTP-sized)");
  }
}
