package org.tadam.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.tadam.capture.flow.ConnState;
import org.tadam.capture.flow.ServiceTable;
import org.tadam.capture.word.TimedWord;

/**
 * Live capture on the loopback interface while the test talks to itself over TCP. Skipped, saying
 * why, where libpcap is not installed (Debian: libpcap0.8) or capturing is not permitted (root or
 * CAP_NET_RAW + CAP_NET_ADMIN); scripts/setup.sh installs libpcap so that CI runs it.
 */
class LiveCaptureTest {
  static final String LOOPBACK = "lo";

  /** Opens the loopback interface, or aborts the test with the reason it cannot run here. */
  static LiveCapture openLoopback(String filter, Duration duration) {
    try {
      return LiveCapture.open(LOOPBACK, filter, duration);
    } catch (LiveCaptureException e) {
      if (e.kind() == LiveCaptureException.Kind.LIBPCAP_MISSING
          || e.kind() == LiveCaptureException.Kind.PERMISSION_DENIED
          || e.kind() == LiveCaptureException.Kind.NO_SUCH_INTERFACE) {
        Assumptions.abort("live capture on " + LOOPBACK + " is not possible here: " + e.getMessage());
      }
      throw new AssertionError(e.getMessage(), e);
    }
  }

  /**
   * Makes {@code n} connections to {@code server}: the client sends "hello", the server answers
   * "world", both close. Runs on its own thread, then calls {@code after}.
   */
  static Thread talk(ServerSocket server, int n, Runnable after) {
    Thread t = new Thread(() -> {
      try {
        for (int i = 0; i < n; i++) {
          try (Socket client = new Socket(server.getInetAddress(), server.getLocalPort());
              Socket accepted = server.accept()) {
            OutputStream out = client.getOutputStream();
            out.write("hello\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            readLine(accepted.getInputStream());
            accepted.getOutputStream().write("world\n".getBytes(StandardCharsets.US_ASCII));
            accepted.getOutputStream().flush();
            readLine(client.getInputStream());
          }
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      } finally {
        after.run();
      }
    }, "loopback-traffic");
    t.start();
    return t;
  }

  private static void readLine(InputStream in) throws IOException {
    for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
      // the line itself does not matter, only that it arrived
    }
  }

  private static ServerSocket server() throws IOException {
    return new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
  }

  private static IngestOptions options(int port) {
    return IngestOptions.defaults()
        .withServices(ServiceTable.standard().withOverride(port + "=tadamtest"));
  }

  /** The handshake, the exchange with its payload classes, the teardown both ways. */
  private static void assertConversation(TimedWord w) {
    assertEquals("tadamtest", w.service());
    List<String> s = w.symbols();
    assertEquals(List.of("S>", "SA<", "A>"), s.subList(0, 3), s.toString());
    assertTrue(s.contains("PA> text \"hello\""), s.toString());
    assertTrue(s.contains("PA< text \"world\""), s.toString());
    assertTrue(s.stream().anyMatch(x -> x.startsWith("F") && x.endsWith(">")), s.toString());
    assertTrue(s.stream().anyMatch(x -> x.startsWith("F") && x.endsWith("<")), s.toString());
    assertEquals(ConnState.SF, w.connection().state());
    assertEquals("live:" + LOOPBACK, w.connection().source());
  }

  @Test
  void capturesLoopbackConnectionsForItsDuration() throws Exception {
    try (ServerSocket server = server()) {
      int port = server.getLocalPort();
      List<TimedWord> words = Collections.synchronizedList(new ArrayList<>());
      long[] progressCalls = new long[1];
      try (LiveCapture live = openLoopback("tcp port " + port, Duration.ofSeconds(2))) {
        // the kernel buffers from open() on, so the traffic may start before the run
        Thread traffic = talk(server, 3, () -> { });
        IngestReport report = new CaptureIngest(options(port)).words(live,
            (packets, connections, elapsed) -> progressCalls[0]++, words::add);
        traffic.join();
        assertFalse(live.interrupted());
        assertNull(live.failure());
        assertTrue(live.elapsedNanos() >= 2_000_000_000L, "ran " + live.elapsedNanos() + " ns");
        assertTrue(progressCalls[0] >= 2, "progress calls " + progressCalls[0]);
        assertEquals(live.packets(), report.frames());
        assertEquals(report.frames(), report.trackedPackets() + report.skips().skippedFrames());
        assertEquals("live", report.files().get(0).format());
      }
      assertEquals(3, words.size(), words.toString());
      words.forEach(LiveCaptureTest::assertConversation);
    }
  }

  @Test
  void stopEndsTheCaptureEarlyAndKeepsWhatItHas() throws Exception {
    try (ServerSocket server = server();
        LiveCapture live = openLoopback("tcp port " + server.getLocalPort(), Duration.ofMinutes(1))) {
      List<TimedWord> words = Collections.synchronizedList(new ArrayList<>());
      Thread traffic = talk(server, 2, () -> {
        try {
          Thread.sleep(300); // past the read timeout, so that the last packets have been read
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        live.stop();
      });
      new CaptureIngest(options(server.getLocalPort())).words(live, null, words::add);
      traffic.join();
      assertTrue(live.interrupted());
      assertTrue(live.elapsedNanos() < 30_000_000_000L, "ran " + live.elapsedNanos() + " ns");
      assertEquals(2, words.size(), words.toString());
      words.forEach(LiveCaptureTest::assertConversation);
    }
  }

  @Test
  void unknownInterfaceListsTheAvailableOnes() {
    openLoopback(null, Duration.ofSeconds(1)).close(); // aborts where capturing is not possible
    LiveCaptureException e = assertThrows(LiveCaptureException.class,
        () -> LiveCapture.open("tadam-no-such-if0", null, Duration.ofSeconds(1)));
    assertEquals(LiveCaptureException.Kind.NO_SUCH_INTERFACE, e.kind());
    assertTrue(e.getMessage().contains("available: ") && e.getMessage().contains(LOOPBACK),
        e.getMessage());
  }

  @Test
  void badFilterIsNamed() {
    openLoopback(null, Duration.ofSeconds(1)).close();
    LiveCaptureException e = assertThrows(LiveCaptureException.class,
        () -> LiveCapture.open(LOOPBACK, "tcp port notaport", Duration.ofSeconds(1)));
    assertEquals(LiveCaptureException.Kind.BAD_FILTER, e.kind());
    assertTrue(e.getMessage().startsWith("capture filter 'tcp port notaport': "), e.getMessage());
  }
}
