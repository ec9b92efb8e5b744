package org.tadam.eval.judge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tadam.capture.flow.ServiceTable;
import org.tadam.eval.sample.FlowTuple;
import org.tadam.eval.sample.SampleReader;
import org.tadam.eval.sample.Side;

/** The outside judges: their output parsed, their absence reported, and (when installed) a real run. */
class JudgesTest {
  static final Path WEB_DNS = Path.of(System.getProperty("tadam.samples", "../samples"), "captures", "web-dns.pcap");

  @Test
  void tsharkLinesGiveErrorsWarningsAndMalformedFrames() {
    // a line as tshark 4.0 prints it for a frame with a warning and a malformed-packet error
    String line = "1383123629.103448000\t10.220.50.76\t10.238.26.36\t\t\t21\t62092\t\t\t6291456,8388608\t"
        + "[Reassembly error, protocol TCP: New fragment overlaps old data (retransmission?)],_ws.malformed";
    assertArrayEquals(new long[] {1, 1, 1}, TsharkJudge.parse(line));
    assertArrayEquals(new long[] {0, 2, 0}, TsharkJudge.parse("1.5\t1.1.1.1\t2.2.2.2\t\t\t1\t2\t\t\t6291456,6291456,4194304\t"));
    assertNull(TsharkJudge.parse("Running as user \"root\" and group \"root\". This could be dangerous."));
    assertEquals(1_383_123_629_103_448_000L, TsharkJudge.timeNanos("1383123629.103448000"));
    assertEquals(7_500_000_000L, TsharkJudge.timeNanos("7.5"));
  }

  @Test
  void ndpiLinesGiveTheTupleTheProtocolAndHowItWasFound() {
    NdpiJudge.Flow dpi = NdpiJudge.parse("\t1\tTCP 127.0.0.1:33272 <-> 127.0.0.1:80 [proto: 7/HTTP][ClearText]"
        + "[Confidence: DPI][cat: Web/5][7 pkts/555 bytes <-> 6 pkts/9592 bytes]");
    assertEquals(FlowTuple.of("tcp", "127.0.0.1", 80, "127.0.0.1", 33272), dpi.tuple());
    assertEquals("HTTP", dpi.protocol());
    assertTrue(dpi.content());
    NdpiJudge.Flow port = NdpiJudge.parse("\t2\tUDP [::1]:5353 <-> [::1]:40000 [proto: 8/MDNS][ClearText]"
        + "[Confidence: Match by port][cat: Network/14]");
    assertEquals(FlowTuple.of("udp", "::1", 40000, "::1", 5353), port.tuple());
    assertFalse(port.content());
    assertTrue(NdpiJudge.parse("\t3\tTCP 1.2.3.4:1 <-> 5.6.7.8:2 [proto: 7.126/HTTP.Google][Confidence: DPI (partial)]").content());
    assertNull(NdpiJudge.parse("\tConfidence: DPI        300           (flows)"));
  }

  @Test
  void anAbsentToolSaysSoInsteadOfANumber() throws Exception {
    Side side = new SampleReader(ServiceTable.standard()).read("real", List.of(WEB_DNS));
    StringWriter log = new StringWriter();
    for (Judge j : List.of(new TsharkJudge("/nonexistent/tshark", 60), new NdpiJudge("no-such-ndpiReader-here", 60))) {
      JudgeVerdicts v = j.judge(side, new PrintWriter(log));
      assertEquals("absent", v.status(), j.name());
      assertTrue(v.detail().contains("not installed"), v.detail());
      assertFalse(v.ok());
    }
  }

  /**
   * ndpiReader reports a capture it cannot read (a pcapng whose interfaces differ in snapshot length) on its standard
   * output and exits with 0: the judge fails and says why, instead of "ok" with no connection seen.
   */
  @Test
  void anNdpiReaderThatCouldNotReadTheCaptureFails(@TempDir Path dir) throws Exception {
    Side side = new SampleReader(ServiceTable.standard()).read("real", List.of(WEB_DNS));
    Path unreadable = fakeTool(dir.resolve("unreadable"), "echo \"Error while reading pcap file: 'an interface has a"
        + " snapshot length 65535 different from the snapshot length of the first interface'\"");
    JudgeVerdicts v = new NdpiJudge(unreadable.toString(), 60).judge(side, new PrintWriter(new StringWriter()));
    assertEquals("failed", v.status());
    assertTrue(v.detail().contains("could not read") && v.detail().contains("snapshot length"), v.detail());
    Path silent = fakeTool(dir.resolve("silent"), "echo 'nDPI Memory statistics:'");
    JudgeVerdicts none = new NdpiJudge(silent.toString(), 60).judge(side, new PrintWriter(new StringWriter()));
    assertEquals("failed", none.status());
    assertTrue(none.detail().contains("no flow"), none.detail());
  }

  /**
   * A pcapng whose two interfaces differ in snapshot length, as mergecap writes them: ndpiReader cannot read it, so
   * the judge gives it a pcap copy of the same packets, and every connection is recognised as in the original.
   */
  @Test
  void ndpiReadsAMergedPcapngThroughAPcapCopy(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(new ExternalTool("ndpiReader").locate() != null, "ndpiReader is not installed");
    Path merged = dir.resolve("merged.pcapng");
    try (java.io.OutputStream out = Files.newOutputStream(merged);
        org.tadam.pcap.PcapngWriter writer = new org.tadam.pcap.PcapngWriter(out, false)) {
      writer.startSection();
      int[] interfaces = {-1, -1};
      org.tadam.pcap.CaptureReader.read(WEB_DNS, p -> {
        try {
          if (interfaces[0] < 0) {
            interfaces[0] = writer.addInterface(p.linkType(), 65535, 6);
            interfaces[1] = writer.addInterface(p.linkType(), 262144, 6);
          }
          writer.write(interfaces[(int) (p.number() % 2)], p.timestampNanos(), p.data(), p.offset(), p.capturedLength(),
              p.originalLength());
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    }
    Side side = new SampleReader(ServiceTable.standard()).read("real", List.of(merged));
    StringWriter log = new StringWriter();
    JudgeVerdicts v = new NdpiJudge("ndpiReader", 600).judge(side, new PrintWriter(log));
    assertTrue(v.ok(), v.detail());
    assertTrue(log.toString().contains("reading a pcap copy"), log.toString());
    List<Integer> all = IntStream.range(0, side.connections().size()).boxed().toList();
    assertEquals(side.connections().size(), v.sum("content", all));
  }

  private static Path fakeTool(Path file, String body) throws IOException {
    Files.writeString(file, "#!/bin/sh\n" + body + "\n");
    assertTrue(file.toFile().setExecutable(true));
    return file;
  }

  @Test
  void aToolThatHangsOrFailsIsStoppedAndSaysWhy() {
    Assumptions.assumeTrue(new ExternalTool("sleep").locate() != null && new ExternalTool("false").locate() != null);
    long start = System.nanoTime();
    IOException slow = assertThrows(IOException.class, () -> new ExternalTool("sleep").run(List.of("30"), l -> { }, 1));
    assertTrue(slow.getMessage().contains("did not finish within 1 s"), slow.getMessage());
    assertTrue(System.nanoTime() - start < 20e9, "stopped at its time limit");
    IOException failed = assertThrows(IOException.class, () -> new ExternalTool("false").run(List.of(), l -> { }, 10));
    assertTrue(failed.getMessage().contains("exited with status 1"), failed.getMessage());
  }

  @Test
  void tsharkFindsNothingWrongInTheRealSample() throws Exception {
    Assumptions.assumeTrue(new ExternalTool("tshark").locate() != null, "tshark is not installed");
    Side side = new SampleReader(ServiceTable.standard()).read("real", List.of(WEB_DNS));
    JudgeVerdicts v = new TsharkJudge("tshark", 600).judge(side, new PrintWriter(new StringWriter()));
    assertTrue(v.ok(), v.detail());
    List<Integer> all = IntStream.range(0, side.connections().size()).boxed().toList();
    assertEquals(0, v.sum("malformed", all));
    assertEquals(0, v.sum("errors", all));
    assertTrue(v.detail().startsWith("TShark"), v.detail());
  }

  @Test
  void ndpiRecognisesEveryRealConnectionByContent() throws Exception {
    Assumptions.assumeTrue(new ExternalTool("ndpiReader").locate() != null, "ndpiReader is not installed");
    Side side = new SampleReader(ServiceTable.standard()).read("real", List.of(WEB_DNS));
    JudgeVerdicts v = new NdpiJudge("ndpiReader", 600).judge(side, new PrintWriter(new StringWriter()));
    assertTrue(v.ok(), v.detail());
    List<Integer> all = IntStream.range(0, side.connections().size()).boxed().toList();
    assertEquals(side.connections().size(), v.sum("seen", all));
    assertEquals(side.connections().size(), v.sum("content", all));
    for (int i : all) {
      assertEquals(side.connections().get(i).key().service().toUpperCase(java.util.Locale.ROOT), v.labels()[i]);
    }
  }
}
