package org.tadam.capture;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;
import org.tadam.capture.decode.DecodedPacket;
import org.tadam.capture.decode.PacketDecoder;
import org.tadam.capture.flow.Connection;
import org.tadam.capture.flow.ConnectionTracker;
import org.tadam.pcap.CaptureFormatException;
import org.tadam.pcap.CaptureReader;
import org.tadam.pcap.ReadReport;
import org.tadam.capture.word.TimedWord;

/**
 * The ingestion pipeline: capture files → frames → TCP/UDP packets → connections → timed words,
 * streamed (words reach the consumer as connections end). Each file is an independent capture:
 * connections do not continue across files, so the tracker is flushed at the end of each file.
 * A file with a format error keeps the words of everything read before the error; the error is in
 * the report.
 */
public final class CaptureIngest {
  private final IngestOptions options;

  public CaptureIngest(IngestOptions options) {
    this.options = options;
  }

  /** Connections of all files, unfiltered, with the report. */
  public IngestReport connections(List<Path> files, Consumer<Connection> sink) {
    IngestReport report = new IngestReport();
    run(files, sink, report);
    return report;
  }

  /** Timed words of the connections whose service passes the filter, with the report. */
  public IngestReport words(List<Path> files, Consumer<TimedWord> sink) {
    IngestReport report = new IngestReport();
    run(files, c -> {
      if (options.serviceFilter().isEmpty() || options.serviceFilter().contains(c.service())) {
        sink.accept(TimedWord.of(c, options.alphabet(), options.quantisation()));
      } else {
        report.countFilteredOut();
      }
    }, report);
    return report;
  }

  /** Connections of one capture read from a channel (e.g. an in-memory capture). */
  public IngestReport connections(ReadableByteChannel channel, String name,
      Consumer<Connection> sink) throws IOException {
    IngestReport report = new IngestReport();
    ingest(channel, name, c -> {
      report.connection(c);
      sink.accept(c);
    }, report);
    return report;
  }

  private void ingest(ReadableByteChannel channel, String name, Consumer<Connection> sink,
      IngestReport report) throws IOException {
    ReadReport fileReport = new ReadReport(name);
    PacketDecoder decoder = new PacketDecoder(fileReport.skips());
    decoder.source(name);
    ConnectionTracker tracker = new ConnectionTracker(options.tracker(), options.services(), sink);
    tracker.source(name);
    try {
      CaptureReader.read(channel, name, raw -> {
        DecodedPacket p = decoder.decode(raw);
        if (p != null) {
          tracker.accept(p);
        }
      }, fileReport);
    } catch (CaptureFormatException e) {
      // Recorded in fileReport; what was read before the error is still emitted below.
    }
    tracker.flush();
    report.file(fileReport, tracker);
  }

  private void run(List<Path> files, Consumer<Connection> sink, IngestReport report) {
    Consumer<Connection> counting = c -> {
      report.connection(c);
      sink.accept(c);
    };
    for (Path file : files) {
      String name = file.toString();
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
        ingest(channel, name, counting, report);
      } catch (IOException e) {
        report.unreadable(name, reason(e));
      }
    }
  }

  /** Why a file could not be opened, in words (the exception's message is only the file name). */
  private static String reason(IOException e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
