package org.tadam.spark.ingest;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tadam.capture.IngestOptions;
import org.tadam.capture.decode.DecodedPacket;
import org.tadam.capture.decode.PacketDecoder;
import org.tadam.capture.flow.Connection;
import org.tadam.capture.flow.ConnectionTracker;
import org.tadam.capture.flow.Endpoint;
import org.tadam.capture.word.TimedWord;
import org.tadam.pcap.CaptureFormatException;
import org.tadam.pcap.CaptureReader;
import org.tadam.pcap.ReadReport;

/**
 * Reads the pieces of cut connections again as whole connections: the files of their chains in time order, each
 * through its own decoder (fragments do not span files, as in the single-machine reader), and the packets of each
 * chain's 5-tuple inside its pieces' time spans into one tracker per chain. The tracker is the single-machine
 * one, so the joined word is the word a single reader of the unrotated capture would have made.
 */
public final class Rejoin {
  private Rejoin() {
  }

  /**
   * The joined words of chains that all run through the same files.
   *
   * @param paths capture path per file index
   */
  public static List<WordRow> words(IngestOptions options, List<RotationJoin.Chain> chains, Map<Integer, String> paths)
      throws IOException {
    Set<Integer> files = new LinkedHashSet<>();
    Map<String, List<Route>> routes = new HashMap<>();
    Set<Long> ports = new java.util.HashSet<>();
    List<List<Connection>> joined = new ArrayList<>();
    for (RotationJoin.Chain chain : chains) {
      List<Connection> out = new ArrayList<>();
      joined.add(out);
      ConnectionTracker tracker = new ConnectionTracker(options.tracker(), options.services(), out::add);
      tracker.source(paths.get(chain.pieces().get(0).file()));
      for (RotationJoin.Piece p : chain.pieces()) {
        files.add(p.file());
        routes.computeIfAbsent(p.flow(), k -> new ArrayList<>()).add(new Route(p, tracker));
        String[] parts = p.flow().split(" ");
        ports.add(portPair(Integer.parseInt(parts[0]), port(parts[1]), port(parts[2])));
      }
    }
    for (int file : files) {
      String path = paths.get(file);
      ReadReport report = new ReadReport(path);
      PacketDecoder decoder = new PacketDecoder(report.skips());
      decoder.source(path);
      try (FileChannel channel = FileChannel.open(Path.of(path), StandardOpenOption.READ)) {
        CaptureReader.read(channel, path, raw -> {
          DecodedPacket p = decoder.decode(raw);
          // the endpoints' text is made only for packets whose protocol and ports match a chain
          if (p != null && ports.contains(portPair(p.protocol(), p.srcPort(), p.dstPort()))) {
            route(routes, file, p);
          }
        }, report);
      } catch (CaptureFormatException e) {
        // the first reading kept what came before the damage; the pieces end before it too
      }
      decoder.finish();
    }
    List<WordRow> rows = new ArrayList<>();
    for (int i = 0; i < chains.size(); i++) {
      RotationJoin.Piece first = chains.get(i).pieces().get(0);
      int spanned = (int) chains.get(i).pieces().stream().mapToInt(RotationJoin.Piece::file).distinct().count();
      routes.values().stream().flatMap(List::stream).filter(r -> r.piece == first).findFirst()
          .ifPresent(r -> r.tracker.flush());
      for (Connection c : joined.get(i)) {
        rows.add(WordRow.of(c, TimedWord.of(c, options.alphabet(), options.quantisation()), first.file(), first.seq(),
            spanned));
      }
    }
    return rows;
  }

  private static int port(String endpoint) {
    return Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
  }

  private static long portPair(int protocol, int a, int b) {
    return ((long) protocol << 32) | ((long) Math.min(a, b) << 16) | Math.max(a, b);
  }

  private static void route(Map<String, List<Route>> routes, int file, DecodedPacket p) {
    String flow = WordRow.flow(p.protocol(), new Endpoint(p.ipVersion(), p.srcHi(), p.srcLo(), p.srcPort()),
        new Endpoint(p.ipVersion(), p.dstHi(), p.dstLo(), p.dstPort()));
    List<Route> candidates = routes.get(flow);
    if (candidates == null) {
      return;
    }
    long t = p.timestampNanos();
    for (Route r : candidates) {
      if (r.piece.file() == file && t >= r.piece.startNanos() && t <= r.piece.endNanos()) {
        r.tracker.accept(p);
        return;
      }
    }
  }

  private record Route(RotationJoin.Piece piece, ConnectionTracker tracker) {
  }
}
