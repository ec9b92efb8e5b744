package org.tadam.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tadam.eval.judge.NdpiJudge;
import org.tadam.eval.judge.TsharkJudge;

/** Whole evaluations on the bundled sample and on hand-made captures, without outside tools. */
class RealismEvalTest {
  static final Path WEB_DNS = Path.of(System.getProperty("tadam.samples", "../samples"), "captures", "web-dns.pcap");

  static EvalOptions noTools() {
    return EvalOptions.defaults().withJudges(List.of(new TsharkJudge("/nonexistent/tshark", 60),
        new NdpiJudge("/nonexistent/ndpiReader", 60)));
  }

  static RealismEval eval(EvalOptions options) {
    return new RealismEval(options, new PrintWriter(new StringWriter()));
  }

  @Test
  void aCaptureAgainstItselfIsAtDistanceZeroAndItsFloorIsNot() throws Exception {
    EvalResult r = eval(noTools()).compare(List.of(WEB_DNS), List.of(WEB_DNS));
    assertEquals(List.of("dns", "http"), r.services().stream().map(ServiceResult::label).toList());
    boolean someFloor = false;
    for (ServiceResult s : r.services()) {
      assertNull(s.tooSmall());
      assertEquals(60, s.real().size());
      assertEquals(30, s.firstHalf().size());
      assertEquals(30, s.secondHalf().size());
      assertEquals(12, s.metrics().size());
      for (MetricResult m : s.metrics()) {
        assertTrue(m.comparable(), m.metric().label());
        for (String kind : m.kinds()) {
          assertEquals(0, m.generated().get(kind), 0, s.label() + " " + m.metric().label() + " " + kind);
          assertEquals(0, m.ratio(kind), 0);
          someFloor |= m.floor().get(kind) > 0;
        }
      }
      assertEquals(0, s.worst().ratio(), 0);
      s.judges().values().forEach(sides -> sides.values().forEach(f -> assertEquals("absent", f.status())));
    }
    assertTrue(someFloor, "two halves of real traffic are never identical in every figure");
    assertEquals("absent: /nonexistent/tshark is not installed", r.judges().get("tshark").get("real"));
  }

  @Test
  void aHalfWithFewerConnectionsThanTheMinimumIsTooSmall() throws Exception {
    EvalResult r = eval(noTools().withMinConnections(31)).compare(List.of(WEB_DNS), List.of(WEB_DNS));
    for (ServiceResult s : r.services()) {
      assertNotNull(s.tooSmall());
      assertTrue(s.tooSmall().contains("30 and 30"), s.tooSmall());
      assertTrue(s.metrics().isEmpty());
      assertNull(s.worst());
    }
  }

  @Test
  void capturesWithNoServiceInCommonCannotBeCompared(@TempDir Path dir) throws Exception {
    Path other = new TinyCapture().udp(1000, "10.0.0.1", 5000, "10.0.0.2", 19999, new byte[] {1, 2})
        .udp(10, "10.0.0.2", 19999, "10.0.0.1", 5000, new byte[] {3}).write(dir.resolve("other.pcap"));
    EvalException e = assertThrows(EvalException.class, () -> eval(noTools()).compare(List.of(WEB_DNS), List.of(other)));
    assertTrue(e.getMessage().startsWith("no service in common"), e.getMessage());
    assertTrue(e.getMessage().contains("dns/udp, http/tcp") && e.getMessage().contains("udp/19999/udp"), e.getMessage());
  }

  @Test
  void servicesOnOneSideAreListedNotCompared(@TempDir Path dir) throws Exception {
    TinyCapture t = new TinyCapture();
    for (int i = 0; i < 25; i++) {
      t.tcpSession("10.0.0.1", 41000 + i, "10.0.0.2", 80, "GET / HTTP/1.1\r\n\r\n", "HTTP/1.1 200 OK\r\n\r\n");
    }
    Path generated = t.write(dir.resolve("gen.pcap"));
    EvalResult r = eval(noTools()).compare(List.of(WEB_DNS), List.of(generated));
    assertEquals(List.of("http"), r.services().stream().map(ServiceResult::label).toList());
    assertEquals(java.util.Map.of("dns", 60), r.onlyReal());
    ServiceResult http = r.services().get(0);
    assertEquals(25, http.generated().size());
    // every hand-made exchange is the same: far from real HTTP in its sizes
    assertTrue(http.worst().ratio() > 2, "worst " + http.worst().name() + " " + http.worst().ratio());
  }
}
