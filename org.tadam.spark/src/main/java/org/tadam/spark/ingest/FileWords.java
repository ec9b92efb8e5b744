package org.tadam.spark.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tadam.capture.CaptureIngest;
import org.tadam.capture.IngestOptions;
import org.tadam.capture.IngestReport;
import org.tadam.capture.word.TimedWord;
import org.tadam.pcap.ReadReport;
import org.tadam.pcap.SkipReason;

/**
 * One capture file through the single-machine chain ({@link CaptureIngest}: reader, decoder, tracker, words),
 * so that a file gives the same words here as under {@code tadam words}. An unreadable or damaged file is
 * described, never thrown: the batch goes on.
 */
public final class FileWords {
  private FileWords() {
  }

  public static FileResult read(IngestOptions options, int index, String path) {
    long began = System.nanoTime();
    List<WordRow> rows = new ArrayList<>();
    long[] span = {Long.MAX_VALUE, Long.MIN_VALUE};
    IngestReport report = new CaptureIngest(options).connections(List.of(Path.of(path)), c -> {
      span[0] = Math.min(span[0], c.startNanos());
      span[1] = Math.max(span[1], c.endNanos());
      // every connection, also of services not asked for: a piece's service is known only once it is joined
      rows.add(WordRow.of(c, TimedWord.of(c, options.alphabet(), options.quantisation()), index, rows.size(), 1));
    });
    String problem = null;
    for (Map.Entry<String, String> e : report.unreadable().entrySet()) {
      problem = "unreadable: " + e.getValue();
    }
    long frames = 0;
    long bytes = 0;
    for (ReadReport r : report.files()) {
      frames += r.frames();
      bytes += r.bytes();
      if (r.error() != null) {
        problem = "damaged: " + r.error().getMessage();
      } else if (r.skips().count(SkipReason.TRUNCATED_RECORD) > 0) {
        problem = "truncated: " + SkipReason.TRUNCATED_RECORD.description() + " ("
            + r.skips().firstSeen(SkipReason.TRUNCATED_RECORD) + ")";
      }
    }
    return new FileResult(index, path, frames, bytes, (System.nanoTime() - began) / 1e9, span[0], span[1], problem,
        rows);
  }
}
