package org.tadam.eval.anomaly;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tadam.capture.IngestOptions;
import org.tadam.eval.anomaly.detect.Detector;
import org.tadam.eval.anomaly.detect.HmmDetector;
import org.tadam.eval.anomaly.detect.MarkovChainDetector;
import org.tadam.eval.anomaly.detect.StateMergingDetector;
import org.tadam.eval.anomaly.detect.TadamDetector;
import org.tadam.eval.anomaly.labels.Micros;
import org.tadam.eval.anomaly.report.AnomalyReportFiles;

/**
 * The whole benchmark on hand-made traffic: normal sessions to port 8000 (two request sizes) for
 * training; for the test, more of them, SYN scans, sessions with a request size never seen, a
 * connection no label names and a label row naming no connection.
 */
class AnomalyBenchTest {

  private static List<Detector> detectors() {
    List<Detector> all = new ArrayList<>(TadamDetector.both(1, IngestOptions.defaults().quantisation(), null,
        TadamDetector.ModelStore.NONE));
    all.addAll(List.of(new MarkovChainDetector(), new HmmDetector(1), new StateMergingDetector()));
    return all;
  }

  private static String row(int client, long micros, String label) {
    return String.join("\t", "tcp", "10.0.0." + (client % 200 + 2), Integer.toString(client), Traffic.SERVER, "8000",
        Micros.text(micros), label);
  }

  private record Inputs(Path train, Path test, Path labels) {
  }

  private static Inputs inputs(Path dir, boolean withAttacks) throws Exception {
    Traffic train = new Traffic();
    for (int i = 0; i < 30; i++) {
      train.session(40000 + i, 8000, i % 3 == 0 ? "GET /a HTTP/1.1\r\n\r\n" : "GET /index.html HTTP/1.1\r\n\r\n", 100 + i % 3);
    }
    Traffic test = new Traffic();
    StringBuilder labels = new StringBuilder("proto\tclient_ip\tclient_port\tserver_ip\tserver_port\tfirst_ts\tlabel\n");
    for (int i = 0; i < 10; i++) {
      labels.append(row(50000 + i, test.now(), "normal")).append('\n');
      test.session(50000 + i, 8000, i % 2 == 0 ? "GET /a HTTP/1.1\r\n\r\n" : "GET /index.html HTTP/1.1\r\n\r\n", 101);
    }
    if (withAttacks) {
      for (int i = 0; i < 6; i++) {
        labels.append(row(51000 + i, test.now(), "scan")).append('\n');
        test.scan(51000 + i, 8000);
        labels.append(row(52000 + i, test.now(), "big-request")).append('\n');
        test.session(52000 + i, 8000, "GET /" + "x".repeat(400) + " HTTP/1.1\r\n\r\n", 101);
      }
    }
    test.session(53000, 8000, "GET /a HTTP/1.1\r\n\r\n", 101);
    labels.append(row(54000, test.now() + 999, "normal")).append('\n');
    return new Inputs(train.write(dir.resolve("train.pcap")), test.write(dir.resolve("test.pcap")),
        Files.writeString(dir.resolve("labels.tsv"), labels));
  }

  private static BenchResult run(Inputs in, List<Detector> detectors) throws Exception {
    AnomalyOptions options = new AnomalyOptions(IngestOptions.defaults(), AnomalyOptions.DEFAULT_MIN_CONNECTIONS, "normal", detectors);
    return new AnomalyBench(options, new PrintWriter(new StringWriter())).run(List.of(in.train()), in.test(), in.labels());
  }

  @Test
  void everyDetectorSeparatesScansAndUnseenRequestsFromNormalSessions(@TempDir Path dir) throws Exception {
    BenchResult r = run(inputs(dir, true), detectors());
    assertEquals(List.of("big-request", "scan"), List.copyOf(r.attacks().keySet()));
    assertEquals(10, r.count("normal"));
    for (int d = 0; d < r.detectors().size(); d++) {
      assertEquals(1.0, r.attacks().get("scan").get(d).area(), 1e-12, r.detectors().get(d).name());
      assertTrue(r.attacks().get("big-request").get(d).area() > 0.9, r.detectors().get(d).name());
      for (BenchResult.ScoredConnection c : r.connections()) {
        assertTrue(Double.isFinite(c.scores()[d]), c.toString());
      }
    }
    // the connection no row names, and the row 999 µs off
    assertEquals(1, r.unlabeled().size());
    assertNull(r.unlabeled().get(0).label());
    assertEquals(1, r.unmatchedRows().size());
    assertEquals(24, r.unmatchedRows().get(0).line(), "the header, 10 normal rows, 12 attack rows, then this one");
  }

  @Test
  void theReportIsWrittenAndTheSameInputsGiveTheSameFiles(@TempDir Path dir) throws Exception {
    Inputs in = inputs(dir, true);
    List<Detector> fast = List.of(new MarkovChainDetector(), new StateMergingDetector());
    Path first = Files.createDirectories(dir.resolve("first"));
    Path second = Files.createDirectories(dir.resolve("second"));
    BenchResult once = run(in, fast);
    AnomalyReportFiles.write(once, first);
    AnomalyReportFiles.write(run(in, fast), second);
    for (String f : List.of(AnomalyReportFiles.HTML, AnomalyReportFiles.JSON, AnomalyReportFiles.SCORES)) {
      assertArrayEquals(Files.readAllBytes(first.resolve(f)), Files.readAllBytes(second.resolve(f)), f);
    }
    String html = Files.readString(first.resolve(AnomalyReportFiles.HTML));
    assertEquals(2, html.split("data:image/png;base64,", -1).length - 1, "one ROC plot per attack label");
    JsonNode json = new ObjectMapper().readTree(first.resolve(AnomalyReportFiles.JSON).toFile());
    assertEquals(1.0, json.at("/auroc/scan/Markov chain").asDouble(), 1e-12);
    assertEquals(1, json.at("/connections/unlabelled").asInt());
    assertEquals(1, json.at("/connections/unmatchedRows").size());
    assertEquals(6, json.at("/connections/perLabel/scan").asInt());
    List<String> scores = Files.readAllLines(first.resolve(AnomalyReportFiles.SCORES));
    assertEquals(once.connections().size() + 1, scores.size());
    assertTrue(scores.get(0).startsWith("index\tconnection\tprotocol\tservice\tlabel\tgroup\tMarkov chain\tMarkov chain reason"));
  }

  @Test
  void oneClassOnlyLeavesTheAreaUndefined(@TempDir Path dir) throws Exception {
    BenchResult r = run(inputs(dir, false), List.of(new MarkovChainDetector()));
    assertTrue(r.attacks().isEmpty());
    assertTrue(Double.isNaN(r.meanArea(0)));
    Path out = Files.createDirectories(dir.resolve("out"));
    AnomalyReportFiles.write(r, out);
    assertTrue(Files.readString(out.resolve(AnomalyReportFiles.HTML)).contains("AU-ROC is undefined"));
    assertFalse(Files.readString(out.resolve(AnomalyReportFiles.JSON)).contains("NaN"));
  }
}
