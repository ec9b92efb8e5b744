package org.tadam.eval.judge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tadam.eval.sample.ConnectionStats;
import org.tadam.eval.sample.FlowTuple;
import org.tadam.eval.sample.Side;

/**
 * Finds the connection of a side that a tool's line is about: by file, 5-tuple and, when a
 * 5-tuple was reused, by time (the last connection that started at or before the frame).
 */
public final class FlowIndex {
  /** Timestamps printed by tools are rounded; a frame this much before a start still belongs to it. */
  private static final long SLACK_NANOS = 1_000;

  private final List<Map<String, List<Integer>>> byFile = new ArrayList<>();
  private final List<ConnectionStats> connections;

  public FlowIndex(Side side) {
    connections = side.connections();
    for (int f = 0; f < side.files().size(); f++) {
      byFile.add(new HashMap<>());
    }
    for (int i = 0; i < connections.size(); i++) {
      ConnectionStats c = connections.get(i);
      byFile.get(c.file()).computeIfAbsent(c.tuple().key(), k -> new ArrayList<>()).add(i);
    }
    // connections come out in the order they end; a reused 5-tuple must be searched by start
    byFile.forEach(m -> m.values().forEach(l -> l.sort((a, b) -> Long.compare(
        connections.get(a).startNanos(), connections.get(b).startNanos()))));
  }

  /** The connection of a frame, or -1 when no connection has its 5-tuple. */
  public int find(int file, FlowTuple tuple, long timeNanos) {
    List<Integer> candidates = byFile.get(file).get(tuple.key());
    if (candidates == null) {
      return -1;
    }
    int found = candidates.get(0);
    for (int i : candidates) {
      if (connections.get(i).startNanos() <= timeNanos + SLACK_NANOS) {
        found = i;
      }
    }
    return found;
  }

  /** Whether any connection of the side was read from file {@code file}. */
  public boolean hasConnections(int file) {
    return !byFile.get(file).isEmpty();
  }

  /** Every connection with this 5-tuple (a tool that keeps one flow per 5-tuple speaks for all of them). */
  public List<Integer> all(int file, FlowTuple tuple) {
    return byFile.get(file).getOrDefault(tuple.key(), List.of());
  }
}
