package org.tadam.eval.anomaly.labels;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tadam.capture.flow.Connection;
import org.tadam.capture.flow.Endpoint;

/**
 * Gives connections their label rows: same protocol, same two endpoints in either direction, and
 * first packets at most {@link #TOLERANCE_MICROS} apart (the labels' own timestamps are
 * microseconds). Each row labels at most one connection and each connection takes at most one
 * row, the nearest in time (then the earlier line). What is left over on either side is kept, to
 * be reported, never dropped silently.
 */
public final class LabelMatcher {
  /** First packets this close count as the same connection's. */
  public static final long TOLERANCE_MICROS = 1;

  /**
   * @param labels per connection (index as given) its label, null when no row matched it
   * @param unmatchedRows rows that matched no connection, in file order
   * @param unlabeled indexes of the connections no row matched
   */
  public record Result(List<String> labels, List<LabelRow> unmatchedRows, List<Integer> unlabeled) {
  }

  private record Side(int version, long hi, long lo, int port) {
    static final Comparator<Side> ORDER = Comparator.comparingInt(Side::version).thenComparingLong(Side::hi)
        .thenComparingLong(Side::lo).thenComparingInt(Side::port);
  }

  private record Key(String protocol, Side a, Side b) {
    static Key of(String protocol, Side x, Side y) {
      return Side.ORDER.compare(x, y) <= 0 ? new Key(protocol, x, y) : new Key(protocol, y, x);
    }
  }

  private LabelMatcher() {
  }

  public static Result match(List<LabelRow> rows, List<Connection> connections) {
    Map<Key, List<Integer>> byKey = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      LabelRow r = rows.get(i);
      Key k = Key.of(r.protocol(), side(r.clientAddress(), r.clientPort()), side(r.serverAddress(), r.serverPort()));
      byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(i);
    }
    boolean[] used = new boolean[rows.size()];
    List<String> labels = new ArrayList<>(connections.size());
    List<Integer> unlabeled = new ArrayList<>();
    for (int c = 0; c < connections.size(); c++) {
      Connection conn = connections.get(c);
      Key k = Key.of(conn.protocolName(), side(conn.initiator()), side(conn.responder()));
      long start = Micros.ofNanos(conn.startNanos());
      int best = -1;
      long bestGap = Long.MAX_VALUE;
      for (int i : byKey.getOrDefault(k, List.of())) {
        long gap = Math.abs(rows.get(i).firstMicros() - start);
        if (!used[i] && gap <= TOLERANCE_MICROS && gap < bestGap) {
          best = i;
          bestGap = gap;
        }
      }
      if (best < 0) {
        labels.add(null);
        unlabeled.add(c);
      } else {
        used[best] = true;
        labels.add(rows.get(best).label());
      }
    }
    List<LabelRow> unmatched = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      if (!used[i]) {
        unmatched.add(rows.get(i));
      }
    }
    return new Result(labels, unmatched, unlabeled);
  }

  private static Side side(HostAddress a, int port) {
    return new Side(a.version(), a.hi(), a.lo(), port);
  }

  private static Side side(Endpoint e) {
    return new Side(e.ipVersion(), e.hi(), e.lo(), e.port());
  }
}
