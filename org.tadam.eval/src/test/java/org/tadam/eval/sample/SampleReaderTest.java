package org.tadam.eval.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tadam.capture.flow.ServiceTable;
import org.tadam.eval.EvalException;
import org.tadam.eval.TinyCapture;

/** Hand-made captures read into the figures the evaluation compares. */
class SampleReaderTest {

  private static Side read(Path... files) throws EvalException {
    return new SampleReader(ServiceTable.standard()).read("test", List.of(files));
  }

  @Test
  void figuresOfOneHttpExchange(@TempDir Path dir) throws Exception {
    Path file = new TinyCapture().tcpSession("10.0.0.1", 40000, "10.0.0.2", 80,
        "GET / HTTP/1.1\r\nHost: x\r\n\r\n", "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi").write(dir.resolve("one.pcap"));
    ConnectionStats c = read(file).connections().get(0);
    assertEquals(new ServiceKey("http", "tcp"), c.key());
    assertEquals("SF", c.connState());
    assertEquals(5, c.packetsOrig());
    assertEquals(3, c.packetsResp());
    assertEquals(27, c.bytesOrig());
    assertEquals(40, c.bytesResp());
    assertArrayEquals(new double[] {27}, c.payloadOrig());
    assertArrayEquals(new double[] {40}, c.payloadResp());
    assertArrayEquals(new double[] {50e-6, 50e-6, 100e-6, 300e-6, 50e-6, 50e-6, 50e-6}, c.iats(), 1e-12);
    assertEquals(650e-6, c.durationSeconds(), 1e-12);
    assertEquals(List.of("S>", "SA<", "A>", "PA> text \"GET\"", "PA< text \"200\"", "FA>", "FA<", "A>"), c.symbols());
  }

  @Test
  void connStatesOfHandMadeConnections(@TempDir Path dir) throws Exception {
    String c = "10.0.0.1";
    String s = "10.0.0.2";
    TinyCapture t = new TinyCapture();
    // S0: an unanswered SYN
    t.tcp(1000, c, 40001, s, 8081, TinyCapture.SYN, "");
    // REJ: the port is closed
    t.tcp(1000, c, 40002, s, 8082, TinyCapture.SYN, "").tcp(10, s, 8082, c, 40002, TinyCapture.RST | TinyCapture.ACK, "");
    // RSTO: data, then the client aborts
    t.tcp(1000, c, 40003, s, 8083, TinyCapture.SYN, "").tcp(10, s, 8083, c, 40003, TinyCapture.SYN | TinyCapture.ACK, "")
        .tcp(10, c, 40003, s, 8083, TinyCapture.ACK, "").tcp(10, c, 40003, s, 8083, TinyCapture.PSH | TinyCapture.ACK, "half")
        .tcp(10, c, 40003, s, 8083, TinyCapture.RST, "");
    // S1: established, never closed
    t.tcp(1000, c, 40004, s, 8084, TinyCapture.SYN, "").tcp(10, s, 8084, c, 40004, TinyCapture.SYN | TinyCapture.ACK, "")
        .tcp(10, c, 40004, s, 8084, TinyCapture.ACK, "");
    // SF closed by FINs, then a late RST: still SF for Zeek
    t.tcpSession(c, 40005, s, 8085, "ping\n", "pong\n").tcp(10, c, 40005, s, 8085, TinyCapture.RST, "");
    // OTH: mid-stream, no SYN seen
    t.tcp(1000, c, 40006, s, 8086, TinyCapture.PSH | TinyCapture.ACK, "more\n")
        .tcp(10, s, 8086, c, 40006, TinyCapture.ACK, "");
    // UDP: answered (SF) and not (S0)
    t.udp(1000, c, 50001, s, 9001, new byte[] {1, 2, 3}).udp(10, s, 9001, c, 50001, new byte[] {4});
    t.udp(1000, c, 50002, s, 9002, new byte[] {1, 2, 3});
    Side side = read(t.write(dir.resolve("states.pcap")));
    Map<Integer, String> byPort = new TreeMap<>();
    for (ConnectionStats x : side.connections()) {
      String[] ends = x.tuple().key().split(" ");
      int port = Integer.parseInt(ends[2].substring(ends[2].indexOf('#') + 1));
      byPort.put(port, x.connState());
    }
    assertEquals(Map.of(8081, "S0", 8082, "REJ", 8083, "RSTO", 8084, "S1", 8085, "SF", 8086, "OTH", 9001, "SF",
        9002, "S0"), byPort);
  }

  @Test
  void anUnreadableOrCorruptCaptureIsAnErrorNamingTheFile(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("missing.pcap");
    EvalException e = assertThrows(EvalException.class, () -> read(missing));
    assertTrue(e.getMessage().startsWith(missing.toString()) && e.getMessage().contains("no such file"), e.getMessage());
    Path garbage = Files.write(dir.resolve("garbage.pcap"), "this is not a capture at all".getBytes());
    e = assertThrows(EvalException.class, () -> read(garbage));
    assertTrue(e.getMessage().contains(garbage.toString()) && e.getMessage().contains("not a pcap"), e.getMessage());
  }

  @Test
  void aTruncatedLastRecordIsAWarningAndTheRestIsRead(@TempDir Path dir) throws Exception {
    Path whole = new TinyCapture().tcpSession("10.0.0.1", 40000, "10.0.0.2", 80, "GET / HTTP/1.1\r\n\r\n", "HTTP/1.1 200 OK\r\n\r\n")
        .tcpSession("10.0.0.1", 40001, "10.0.0.2", 80, "GET / HTTP/1.1\r\n\r\n", "HTTP/1.1 200 OK\r\n\r\n")
        .write(dir.resolve("whole.pcap"));
    byte[] bytes = Files.readAllBytes(whole);
    Path cut = Files.write(dir.resolve("cut.pcap"), java.util.Arrays.copyOf(bytes, bytes.length - 10));
    Side side = read(cut);
    assertEquals(2, side.connections().size());
    assertTrue(side.warnings().stream().anyMatch(w -> w.startsWith(cut.toString()) && w.contains("skipped")),
        side.warnings().toString());
  }

  @Test
  void toolAddressesFindTheSameTuple() {
    assertEquals(FlowTuple.of("tcp", "0:0:0:0:0:0:0:1", 80, "0:0:0:0:0:0:0:1", 40000),
        FlowTuple.of("tcp", "::1", 40000, "[::1]", 80));
    assertEquals(FlowTuple.of("udp", "10.0.0.2", 53, "10.0.0.1", 5000), FlowTuple.of("udp", "10.0.0.1", 5000, "10.0.0.2", 53));
    assertTrue(!FlowTuple.of("udp", "10.0.0.1", 5000, "10.0.0.2", 53).equals(FlowTuple.of("tcp", "10.0.0.1", 5000, "10.0.0.2", 53)));
  }
}
