package org.tadam.eval.sample;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tadam.capture.CaptureIngest;
import org.tadam.capture.IngestOptions;
import org.tadam.capture.IngestReport;
import org.tadam.capture.flow.ServiceTable;
import org.tadam.capture.flow.TrackerOptions;
import org.tadam.capture.word.SymbolAbstraction;
import org.tadam.eval.EvalException;
import org.tadam.pcap.ReadReport;

/**
 * Captures → {@link Side}: each file through capture's ingestion (the decoding, connection
 * tracking and service naming of {@code tadam words}), one file at a time so that every
 * connection knows its file. Only the packet cap differs from {@code tadam words}: per-direction
 * packet and byte counts should count long connections whole, so up to {@link #PACKET_CAP}
 * packets are kept (the symbols still stop at the word's 1000 letters). Payload bytes are not kept.
 */
public final class SampleReader {
  public static final int PACKET_CAP = 100_000;

  private final IngestOptions options;

  public SampleReader(ServiceTable services) {
    options = IngestOptions.defaults().withServices(services)
        .withTracker(TrackerOptions.defaults().withMaxPackets(PACKET_CAP).withPayloadRetention(0, 0));
  }

  /** Reads every file; an unreadable file or a format error ends the evaluation with its message. */
  public Side read(String name, List<Path> files) throws EvalException {
    List<ConnectionStats> connections = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    SymbolAbstraction alphabet = options.alphabet();
    for (int i = 0; i < files.size(); i++) {
      int index = i;
      IngestReport report = new CaptureIngest(options).connections(List.of(files.get(i)),
          c -> connections.add(ConnectionStats.of(index, c, alphabet)));
      for (var e : report.unreadable().entrySet()) {
        throw new EvalException(e.getKey() + ": " + e.getValue());
      }
      for (ReadReport f : report.files()) {
        if (f.error() != null) {
          // the message names the file and the offset
          throw new EvalException(f.error().getMessage());
        }
      }
      report.skips().nonZero().forEach((reason, n) -> warnings.add(files.get(index) + ": skipped " + n + ": "
          + reason.description() + " (first: " + report.skips().firstSeen(reason) + ")"));
      if (report.truncated() > 0) {
        warnings.add(files.get(index) + ": " + report.truncated() + " connections longer than " + PACKET_CAP
            + " packets: only their first packets are counted");
      }
    }
    return new Side(name, files, connections, warnings);
  }
}
