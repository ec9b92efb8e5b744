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
import org.tadam.pcap.RawPacket;
import org.tadam.pcap.ReadReport;
import org.tadam.capture.word.TimedWord;

/**
 * The ingestion pipeline: capture files → frames → TCP/UDP packets → connections → timed words,
 * streamed (words reach the consumer as connections end). Each file is an independent capture:
 * connections do not continue across files, so the tracker is flushed at the end of each file.
 * A file with a format error keeps the words of everything read before the error; the error is in
 * the report. A {@link LiveCapture} goes through the same per-packet chain as a file.
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
    run(files, toWords(sink, report), report);
    return report;
  }

  /**
   * Timed words of a live capture, read until its duration is over or it is stopped; the
   * connections still open then are flushed as at the end of a file.
   *
   * @param progress told the packets and connections (ended and open) while capturing; may be null
   */
  public IngestReport words(LiveCapture live, LiveCapture.Progress progress,
      Consumer<TimedWord> sink) {
    IngestReport report = new IngestReport();
    Consumer<Connection> words = toWords(sink, report);
    Pipeline pipeline = new Pipeline(new ReadReport(live.source()), c -> {
      report.connection(c);
      words.accept(c);
    });
    live.run(pipeline, pipeline.read, () -> pipeline.tracker.connections()
        + pipeline.tracker.openConnections(), progress);
    pipeline.finish(report);
    return report;
  }

  private Consumer<Connection> toWords(Consumer<TimedWord> sink, IngestReport report) {
    return c -> {
      if (options.serviceFilter().isEmpty() || options.serviceFilter().contains(c.service())) {
        sink.accept(TimedWord.of(c, options.alphabet(), options.quantisation()));
      } else {
        report.countFilteredOut();
      }
    };
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
    Pipeline pipeline = new Pipeline(new ReadReport(name), sink);
    try {
      CaptureReader.read(channel, name, pipeline, pipeline.read);
    } catch (CaptureFormatException e) {
      // Recorded in the read report; what was read before the error is still emitted below.
    }
    pipeline.finish(report);
  }

  /**
   * Frames of one capture (a file or a live capture) → decoder → tracker; one per capture, so that
   * connections never span captures and both kinds of input are decoded and tracked alike.
   */
  private final class Pipeline implements Consumer<RawPacket> {
    final ReadReport read;
    final PacketDecoder decoder;
    final ConnectionTracker tracker;

    Pipeline(ReadReport read, Consumer<Connection> sink) {
      this.read = read;
      decoder = new PacketDecoder(read.skips());
      decoder.source(read.source());
      tracker = new ConnectionTracker(options.tracker(), options.services(), sink);
      tracker.source(read.source());
    }

    @Override
    public void accept(RawPacket raw) {
      DecodedPacket p = decoder.decode(raw);
      if (p != null) {
        tracker.accept(p);
      }
    }

    /** End of the capture: emits the connections still open and adds the counts to the report. */
    void finish(IngestReport report) {
      decoder.finish();
      tracker.flush();
      report.file(read, tracker);
    }
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
