package org.tadam.eval.anomaly.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import org.tadam.eval.anomaly.BenchResult;
import org.tadam.pcap.AtomicOutput;

/**
 * Writes DIR/report.html, DIR/summary.json and DIR/scores.tsv (one row per test connection: its
 * label and every detector's score and reason), each atomically: a temporary file renamed when
 * complete, so an interrupted run never leaves half a report.
 */
public final class AnomalyReportFiles {
  public static final String HTML = "report.html";
  public static final String JSON = "summary.json";
  public static final String SCORES = "scores.tsv";

  private AnomalyReportFiles() {
  }

  public static void write(BenchResult result, Path directory) throws IOException {
    write(directory.resolve(JSON), AnomalySummaryJson.of(result));
    write(directory.resolve(SCORES), scores(result));
    write(directory.resolve(HTML), AnomalyHtml.of(result));
  }

  static String scores(BenchResult r) {
    StringBuilder sb = new StringBuilder("index\tconnection\tprotocol\tservice\tlabel\tgroup");
    r.detectors().forEach(d -> sb.append('\t').append(d.name()).append('\t').append(d.name()).append(" reason"));
    sb.append('\n');
    for (BenchResult.ScoredConnection c : r.connections()) {
      sb.append(c.index()).append('\t').append(c.connection()).append('\t').append(c.protocol()).append('\t').append(c.service())
          .append('\t').append(c.label() == null ? "-" : c.label()).append('\t').append(c.group() == null ? "-" : c.group());
      for (int d = 0; d < c.scores().length; d++) {
        sb.append('\t').append(String.format(Locale.ROOT, "%.4f", c.scores()[d])).append('\t').append(c.reasons()[d]);
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static void write(Path file, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    AtomicOutput.write(file, out -> out.write(bytes));
    // the temporary file was private; a report is rw-r--r-- like any other written file
    if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }
  }
}
