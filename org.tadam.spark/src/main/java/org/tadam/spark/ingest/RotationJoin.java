package org.tadam.spark.ingest;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tadam.capture.flow.TrackerOptions;

/**
 * Finds the connections that a rotated capture cut in two (or more): a connection still open at the end of one
 * file (the tracker emitted it with ending "end-of-file") continued by one that starts near the beginning of a
 * later file of the same directory (rotating capture tools write there: tcpdump -C/-G, dumpcap -b), with the same
 * 5-tuple, with no time overlap between the files and a gap shorter than the idle timeout after which a single
 * tracker would have ended it anyway (TCP 300 s, UDP 60 s). A TCP continuation
 * starts mid-stream (no SYN). Each piece is joined at most once on each side, so joins form chains; the pieces of
 * a chain are read again as one connection ({@link Rejoin}).
 */
public final class RotationJoin {

  /** A connection at a file's edge: a candidate piece of a cut connection. */
  public record Piece(int file, long seq, String flow, String protocol, boolean midstream, long startNanos,
      long endNanos, boolean tail) implements Serializable {
  }

  /** The pieces of one cut connection, in file order (by time). */
  public record Chain(List<Piece> pieces) implements Serializable {
  }

  private RotationJoin() {
  }

  /** Whether a row can be a piece at all: open at its file's end, or starting within a timeout of its start. */
  public static boolean candidate(WordRow r, FileResult file, TrackerOptions t) {
    return "end-of-file".equals(r.ending()) || head(r, file, t);
  }

  private static boolean head(WordRow r, FileResult file, TrackerOptions t) {
    boolean continues = "udp".equals(r.protocol()) || r.midstream();
    return continues && r.startNanos() - file.firstNanos() <= timeout(r.protocol(), t);
  }

  private static long timeout(String protocol, TrackerOptions t) {
    return "udp".equals(protocol) ? t.udpTimeoutNanos() : t.tcpTimeoutNanos();
  }

  public static Piece piece(WordRow r) {
    return new Piece(r.fileIndex(), r.seq(), r.flow(), r.protocol(), r.midstream(), r.startNanos(), r.endNanos(),
        "end-of-file".equals(r.ending()));
  }

  /**
   * The chains among the candidate rows of the files (summaries: their time spans).
   *
   * @param files every file of the job, indexed by {@link FileResult#index()}
   */
  public static List<Chain> chains(List<FileResult> files, List<WordRow> candidates, TrackerOptions t) {
    Map<Integer, FileResult> byIndex = new HashMap<>();
    files.forEach(f -> byIndex.put(f.index(), f));
    List<FileResult> byTime = new ArrayList<>(files.stream().filter(f -> f.firstNanos() <= f.lastNanos()).toList());
    byTime.sort(Comparator.comparingLong(FileResult::firstNanos).thenComparingInt(FileResult::index));
    // heads per file and flow, earliest first
    Map<Integer, Map<String, List<WordRow>>> heads = new HashMap<>();
    for (WordRow r : candidates) {
      if (head(r, byIndex.get(r.fileIndex()), t)) {
        heads.computeIfAbsent(r.fileIndex(), k -> new HashMap<>()).computeIfAbsent(r.flow(), k -> new ArrayList<>())
            .add(r);
      }
    }
    heads.values().forEach(m -> m.values().forEach(l -> l.sort(Comparator.comparingLong(WordRow::startNanos))));
    Map<String, WordRow> next = new HashMap<>();
    Map<String, WordRow> previous = new HashMap<>();
    List<WordRow> tails = new ArrayList<>(candidates.stream().filter(r -> "end-of-file".equals(r.ending())).toList());
    tails.sort(Comparator.comparingLong(WordRow::endNanos).thenComparingInt(WordRow::fileIndex)
        .thenComparingLong(WordRow::seq));
    for (WordRow tail : tails) {
      FileResult a = byIndex.get(tail.fileIndex());
      for (FileResult b : byTime) {
        if (b.index() == a.index() || b.firstNanos() < a.lastNanos() || !directory(a).equals(directory(b))) {
          continue;
        }
        if (b.firstNanos() - a.lastNanos() > timeout(tail.protocol(), t)) {
          break;
        }
        WordRow match = null;
        for (WordRow h : heads.getOrDefault(b.index(), Map.of()).getOrDefault(tail.flow(), List.of())) {
          long gap = h.startNanos() - tail.endNanos();
          if (!previous.containsKey(key(h)) && h.protocol().equals(tail.protocol()) && gap >= 0
              && gap <= timeout(tail.protocol(), t)) {
            match = h;
            break;
          }
        }
        if (match != null) {
          next.put(key(tail), match);
          previous.put(key(match), tail);
          break;
        }
      }
    }
    List<Chain> chains = new ArrayList<>();
    Map<String, WordRow> starts = new TreeMap<>();
    for (WordRow tail : tails) {
      if (next.containsKey(key(tail)) && !previous.containsKey(key(tail))) {
        starts.put(key(tail), tail);
      }
    }
    for (WordRow first : starts.values()) {
      List<Piece> pieces = new ArrayList<>();
      for (WordRow r = first; r != null; r = next.get(key(r))) {
        pieces.add(piece(r));
      }
      chains.add(new Chain(pieces));
    }
    return chains;
  }

  private static String directory(FileResult f) {
    int slash = f.path().lastIndexOf('/');
    return slash < 0 ? "" : f.path().substring(0, slash);
  }

  static String key(WordRow r) {
    return String.format("%08d:%012d", r.fileIndex(), r.seq());
  }
}
