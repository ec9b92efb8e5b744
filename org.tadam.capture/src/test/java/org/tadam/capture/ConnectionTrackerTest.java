package org.tadam.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tadam.capture.decode.DecodedPacket;
import org.tadam.capture.flow.ConnState;
import org.tadam.capture.flow.Connection;
import org.tadam.capture.flow.ConnectionTracker;
import org.tadam.capture.flow.ServiceTable;
import org.tadam.capture.flow.TrackerOptions;

class ConnectionTrackerTest {
  private static final int S = DecodedPacket.SYN;
  private static final int A = DecodedPacket.ACK;
  private static final int F = DecodedPacket.FIN;
  private static final int R = DecodedPacket.RST;
  private static final int P = DecodedPacket.PSH;
  private static final long MS = 1_000_000L;

  private final List<Connection> out = new ArrayList<>();
  private ConnectionTracker tracker = new ConnectionTracker(TrackerOptions.defaults(),
      ServiceTable.standard(), out::add);

  /** Client 10.0.0.1:40000, server 10.0.0.2:80. */
  private void tcp(long ms, boolean fromClient, int flags, int payload) {
    long c = 0x0A000001L;
    long s = 0x0A000002L;
    tracker.accept(new DecodedPacket(0, 0, ms * MS, 4, 6, 0, fromClient ? c : s, 0,
        fromClient ? s : c, fromClient ? 40000 : 80, fromClient ? 80 : 40000, flags, 0, payload,
        new byte[payload], 0, payload));
  }

  private void udp(long ms, boolean fromClient, int payload) {
    long c = 0x0A000001L;
    long s = 0x0A000002L;
    tracker.accept(new DecodedPacket(0, 0, ms * MS, 4, 17, 0, fromClient ? c : s, 0,
        fromClient ? s : c, fromClient ? 5000 : 53, fromClient ? 53 : 5000, 0, 0, payload,
        new byte[payload], 0, payload));
  }

  private List<ConnState> states() {
    tracker.flush();
    return out.stream().map(Connection::state).collect(Collectors.toList());
  }

  /**
   * Random payloads fail the χ² randomness test at the test's level: 5 % of them become Replay
   * under Part B's 0.05, far fewer under 0.001 (issue 12: such letters broke up encrypted sessions).
   */
  @Test
  void theRandomnessTestsLevelComesFromTheOptions() {
    assertTrue(replayShare(0.05) > 0.025, "level 0.05: " + replayShare(0.05));
    assertTrue(replayShare(0.001) < 0.01, "level 0.001: " + replayShare(0.001));
  }

  private static double replayShare(double alpha) {
    List<Connection> done = new ArrayList<>();
    ConnectionTracker t = new ConnectionTracker(TrackerOptions.defaults().withRandomAlpha(alpha),
        ServiceTable.standard(), done::add);
    java.util.Random random = new java.util.Random(7);
    int n = 800;
    for (int i = 0; i < n; i++) {
      byte[] payload = new byte[64];
      random.nextBytes(payload);
      t.accept(new DecodedPacket(0, 0, i * MS, 4, 17, 0, 0x0A000001L, 0, 0x0A000002L, 5000, 4000,
          0, 0, payload.length, payload, 0, payload.length));
    }
    t.flush();
    long replay = done.get(0).packets().stream()
        .filter(p -> p.payload().payloadClass() == org.tadam.model.PayloadClass.REPLAY).count();
    return replay / (double) n;
  }

  @Test
  void aModelsProvenanceGivesTheLevelItWasLearnedWith() {
    assertEquals(0.001, TrackerOptions.randomAlphaOf("init=bigram random-alpha=0.001 alphabet=9"));
    assertEquals(0.05, TrackerOptions.randomAlphaOf("init=bigram alphabet=9"));
    assertEquals(0.05, TrackerOptions.randomAlphaOf(null));
    assertThrows(IllegalArgumentException.class, () -> TrackerOptions.randomAlphaOf("random-alpha=x"));
    assertThrows(IllegalArgumentException.class, () -> TrackerOptions.defaults().withRandomAlpha(0));
  }

  /** A TCP packet between 10.0.0.1 (client) and 10.0.0.2 (server) with the given payload text. */
  private void tcp(long ms, boolean fromClient, int clientPort, int serverPort, int flags, String text) {
    long c = 0x0A000001L;
    long s = 0x0A000002L;
    byte[] payload = text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    tracker.accept(new DecodedPacket(0, 0, ms * MS, 4, 6, 0, fromClient ? c : s, 0,
        fromClient ? s : c, fromClient ? clientPort : serverPort, fromClient ? serverPort : clientPort,
        flags, 0, payload.length, payload, 0, payload.length));
  }

  private void session(long ms, int clientPort, int serverPort) {
    tcp(ms, true, clientPort, serverPort, S, "");
    tcp(ms + 1, false, clientPort, serverPort, S | A, "");
    tcp(ms + 2, true, clientPort, serverPort, A, "");
    tcp(ms + 3, false, clientPort, serverPort, P | A, "x".repeat(20));
    tcp(ms + 4, false, clientPort, serverPort, F | A, "");
    tcp(ms + 5, true, clientPort, serverPort, F | A, "");
  }

  @Test
  void ftpDataConnectionsAreNamedByTheirControlConnection() {
    tcp(0, true, 40000, 21, S, "");
    tcp(1, false, 40000, 21, S | A, "");
    tcp(2, true, 40000, 21, A, "");
    tcp(3, false, 40000, 21, P | A, "220 FTP server ready\r\n");
    tcp(4, true, 40000, 21, P | A, "PASV\r\n");
    tcp(5, false, 40000, 21, P | A, "227 Entering Passive Mode (10,0,0,2,117,48)\r\n");
    session(10, 40001, 30000);
    // announced once: a second connection to that port, and one to another port, are not FTP data
    session(20, 40002, 30000);
    session(30, 40003, 30001);
    tcp(40, true, 40000, 21, P | A, "EPSV\r\n");
    tcp(41, false, 40000, 21, P | A, "229 Entering Extended Passive Mode (|||30002|)\r\n");
    session(50, 40004, 30002);
    tracker.flush();
    java.util.Map<Integer, String> byPort = new java.util.TreeMap<>();
    out.forEach(c -> byPort.put(c.initiator().port(), c.service()));
    assertEquals("ftp", byPort.get(40000));
    assertEquals("ftp-data", byPort.get(40001));
    assertEquals("tcp/30000", byPort.get(40002));
    assertEquals("tcp/30001", byPort.get(40003));
    assertEquals("ftp-data", byPort.get(40004));
  }

  @Test
  void fullSessionIsSf() {
    tcp(0, true, S, 0);
    tcp(1, false, S | A, 0);
    tcp(2, true, A, 0);
    tcp(3, true, P | A, 10);
    tcp(4, false, F | A, 0);
    tcp(5, true, F | A, 0);
    tcp(6, false, A, 0);
    assertEquals(List.of(ConnState.SF), states());
    Connection c = out.get(0);
    assertEquals("http", c.service());
    assertEquals(40000, c.initiator().port());
    assertEquals(7, c.packetCount());
    assertFalse(c.midstream());
  }

  @Test
  void outcomes() {
    tcp(0, true, S, 0);
    assertEquals(List.of(ConnState.S0), states());
    out.clear();
    tcp(0, true, S, 0);
    tcp(1, false, R | A, 0);
    assertEquals(List.of(ConnState.REJ), states());
    out.clear();
    tcp(0, true, S, 0);
    tcp(1, false, S | A, 0);
    tcp(2, true, R, 0);
    assertEquals(List.of(ConnState.RSTO), states());
    out.clear();
    tcp(0, true, S, 0);
    tcp(1, false, S | A, 0);
    tcp(2, false, R, 0);
    assertEquals(List.of(ConnState.RSTR), states());
    out.clear();
    tcp(0, true, S, 0);
    tcp(1, false, S | A, 0);
    tcp(2, true, A, 0);
    assertEquals(List.of(ConnState.S1), states());
  }

  @Test
  void newSynAfterCloseIsANewConnection() {
    tcp(0, true, S, 0);
    tcp(1, false, R | A, 0);
    tcp(2, true, S, 0);
    tcp(3, false, S | A, 0);
    tcp(4, true, A, 0);
    assertEquals(List.of(ConnState.REJ, ConnState.S1), states());
    assertEquals("reused", out.get(0).ending());
  }

  @Test
  void midstreamSessionIsFlaggedAndOrientedByServicePort() {
    tcp(0, false, P | A, 100);
    tcp(1, true, A, 0);
    assertEquals(List.of(ConnState.OTH), states());
    assertTrue(out.get(0).midstream());
    assertEquals(80, out.get(0).responder().port());
    assertFalse(out.get(0).packets().get(0).fromInitiator());
  }

  @Test
  void udpFlowsSplitAfterIdleTimeout() {
    tracker = new ConnectionTracker(TrackerOptions.defaults().withUdpTimeoutSeconds(2),
        ServiceTable.standard(), out::add);
    udp(0, true, 30);
    udp(1, false, 60);
    udp(5000, true, 30);
    assertEquals(1, out.size(), "first flow emitted when the third packet arrives");
    assertEquals("idle", out.get(0).ending());
    assertEquals(List.of(ConnState.SF, ConnState.S0), states());
    assertEquals("dns", out.get(0).service());
  }

  @Test
  void aClockJumpBackEndsAllOpenConnections() {
    tcp(10_000_000, true, S, 0);
    udp(10_000_001, true, 10);
    tcp(0, false, S | A, 0);
    assertEquals(2, out.size());
    assertTrue(out.stream().allMatch(c -> c.ending().equals("clock-reset")));
    assertEquals(List.of(ConnState.S0, ConnState.S0, ConnState.OTH), states());
  }

  @Test
  void longConnectionsAreTruncatedAndCounted() {
    tracker = new ConnectionTracker(TrackerOptions.defaults().withMaxPackets(5),
        ServiceTable.standard(), out::add);
    tcp(0, true, S, 0);
    for (int i = 1; i < 20; i++) {
      tcp(i, i % 2 == 0, A, 1);
    }
    tracker.flush();
    assertEquals(1, tracker.truncated());
    assertTrue(out.get(0).truncated());
    assertEquals(20, out.get(0).packetCount());
    assertEquals(5, out.get(0).packets().size());
  }

  @Test
  void tooManyOpenConnectionsEvictTheOldest() {
    tracker = new ConnectionTracker(TrackerOptions.defaults().withMaxOpenConnections(2),
        ServiceTable.standard(), out::add);
    for (int port = 1; port <= 3; port++) {
      tracker.accept(new DecodedPacket(0, 0, port * MS, 4, 17, 0, 1, 0, 2, 1000 + port, 9999, 0,
          0, 0, new byte[0], 0, 0));
    }
    assertEquals(1, tracker.evicted());
    assertEquals(1001, out.get(0).initiator().port());
  }

  @Test
  void payloadBytesAreKeptBounded() {
    tracker = new ConnectionTracker(TrackerOptions.defaults().withPayloadRetention(2, 4),
        ServiceTable.standard(), out::add);
    tcp(0, true, S, 0);
    tcp(1, true, P | A, 10);
    tcp(2, true, P | A, 10);
    tracker.flush();
    assertEquals(2, out.get(0).payloads().size());
    assertEquals(0, out.get(0).payloads().get(0).length);
    assertEquals(4, out.get(0).payloads().get(1).length);
  }

  @Test
  void aConnectionKeepsAtMostItsPayloadBudget() {
    tracker = new ConnectionTracker(TrackerOptions.defaults().withPayloadRetention(8, 6)
        .withPayloadBudget(10), ServiceTable.standard(), out::add);
    tcp(0, true, S, 0);
    tcp(1, true, P | A, 10);
    tcp(2, true, P | A, 10);
    tcp(3, true, P | A, 10);
    tracker.flush();
    List<byte[]> kept = out.get(0).payloads();
    assertEquals(4, kept.size());
    assertEquals(6, kept.get(1).length);
    assertEquals(4, kept.get(2).length, "what is left of the budget");
    assertEquals(0, kept.get(3).length);
  }

  @Test
  void bundledCaptureOutcomes() {
    List<Connection> cs = Fixtures.connections(IngestOptions.defaults(),
        Fixtures.path("http.pcap"), Fixtures.path("udp.pcap"));
    assertEquals("REJ=1, RSTO=1, SF=7", cs.stream().collect(Collectors.groupingBy(
        c -> c.state().name(), java.util.TreeMap::new, Collectors.counting())).toString()
        .replaceAll("[{}]", ""));
    assertEquals(2, cs.stream().filter(c -> c.initiator().ipVersion() == 4
        && c.protocol() == 17).count());
    assertEquals(1, cs.stream().filter(c -> c.initiator().ipVersion() == 6).count());
    assertTrue(cs.stream().anyMatch(c -> c.service().equals("coap")));
  }
}
