package org.tadam.eval.anomaly.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tadam.capture.CaptureIngest;
import org.tadam.capture.IngestOptions;
import org.tadam.capture.flow.Connection;

/**
 * Label rows against the connections of a real capture (the bundled web-dns sample, whose first
 * connections' starts are read from the capture itself): either direction, 1 µs of tolerance, and
 * what is left over on each side.
 */
class LabelMatcherTest {
  private static final Path SAMPLE = Path.of(System.getProperty("tadam.samples", "../samples"), "captures", "web-dns.pcap");

  private static List<Connection> connections() {
    List<Connection> all = new ArrayList<>();
    new CaptureIngest(IngestOptions.defaults()).connections(List.of(SAMPLE), all::add);
    return all;
  }

  private static String row(Connection c, boolean reversed, long shiftMicros, String label) {
    var a = reversed ? c.responder() : c.initiator();
    var b = reversed ? c.initiator() : c.responder();
    return String.join("\t", c.protocolName(), a.address(), Integer.toString(a.port()), b.address(), Integer.toString(b.port()),
        Micros.text(Micros.ofNanos(c.startNanos()) + shiftMicros), label);
  }

  /** The same row with the other transport protocol. */
  private static String other(String row) {
    return row.startsWith("tcp") ? "udp" + row.substring(3) : "tcp" + row.substring(3);
  }

  @Test
  void rowsMatchTheirConnectionInEitherDirectionToTheMicrosecond(@TempDir Path dir) throws Exception {
    List<Connection> conns = connections();
    Path file = dir.resolve("labels.tsv");
    Files.writeString(file, "proto\tclient_ip\tclient_port\tserver_ip\tserver_port\tfirst_ts\tlabel\n"
        + row(conns.get(0), false, 0, "normal") + "\n"
        + row(conns.get(1), true, 0, "scan") + "\n"
        + "# a comment\n\n"
        + row(conns.get(2), false, 1, "normal") + "\n"
        + row(conns.get(3), false, 2, "late") + "\n"
        + other(row(conns.get(4), false, 0, "normal")) + "\n");
    List<LabelRow> rows = LabelFile.read(file);
    assertEquals(5, rows.size());
    LabelMatcher.Result r = LabelMatcher.match(rows, conns);
    assertEquals("normal", r.labels().get(0));
    assertEquals("scan", r.labels().get(1), "written server first");
    assertEquals("normal", r.labels().get(2), "1 µs apart");
    assertNull(r.labels().get(3), "2 µs apart is another connection");
    // the row 2 µs late and the row of the other protocol match nothing
    assertEquals(List.of(7, 8), r.unmatchedRows().stream().map(LabelRow::line).toList());
    assertEquals(conns.size() - 3, r.unlabeled().size());
    assertEquals(3, r.unlabeled().get(0));
  }

  @Test
  void aRowLabelsOneConnectionAndAConnectionTakesTheNearestRow(@TempDir Path dir) throws Exception {
    List<Connection> conns = connections().subList(0, 1);
    Path file = dir.resolve("labels.tsv");
    Files.writeString(file, row(conns.get(0), false, 1, "first") + "\n" + row(conns.get(0), false, 0, "second") + "\n");
    LabelMatcher.Result r = LabelMatcher.match(LabelFile.read(file), conns);
    assertEquals(List.of("second"), r.labels());
    assertEquals(1, r.unmatchedRows().size());
    assertEquals("first", r.unmatchedRows().get(0).label());
  }
}
