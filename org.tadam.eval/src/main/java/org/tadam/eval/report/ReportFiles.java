package org.tadam.eval.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.tadam.eval.EvalResult;
import org.tadam.pcap.AtomicOutput;

/** Writes DIR/summary.json and DIR/report.html, each atomically (a temporary file renamed when complete). */
public final class ReportFiles {
  public static final String JSON = "summary.json";
  public static final String HTML = "report.html";

  private ReportFiles() {
  }

  public static void write(EvalResult result, Path directory) throws IOException {
    byte[] json = SummaryJson.of(result).getBytes(StandardCharsets.UTF_8);
    AtomicOutput.write(directory.resolve(JSON), out -> out.write(json));
    byte[] html = HtmlReport.of(result).getBytes(StandardCharsets.UTF_8);
    AtomicOutput.write(directory.resolve(HTML), out -> out.write(html));
    readableByAll(directory.resolve(JSON));
    readableByAll(directory.resolve(HTML));
  }

  /** The temporary file was private; a report is rw-r--r-- like any other written file. */
  private static void readableByAll(Path file) throws IOException {
    if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }
  }
}
