package org.tadam.capture;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tadam.capture.flow.ConnState;
import org.tadam.capture.flow.Connection;
import org.tadam.capture.flow.ConnectionTracker;
import org.tadam.pcap.LinkType;
import org.tadam.pcap.ReadReport;
import org.tadam.pcap.SkipCounter;
import org.tadam.pcap.SkipReason;

/**
 * What an ingestion run did: per file (format, frames, errors), what was skipped and why, and
 * connections per service and outcome. Invariant per file: frames = tracked packets + skipped
 * frames + merged IP fragments (the fragments of a reassembled datagram other than the one that
 * completed it, see {@link SkipCounter#countReassembled}).
 */
public final class IngestReport {
  private final List<ReadReport> files = new ArrayList<>();
  private final Map<String, String> unreadable = new LinkedHashMap<>();
  private final SkipCounter skips = new SkipCounter();
  private final Map<String, long[]> perService = new TreeMap<>();
  private long frames;
  private long bytes;
  private long trackedPackets;
  private long connections;
  private long truncated;
  private long evicted;
  private long midstream;
  private long filteredOut;

  void unreadable(String file, String message) {
    unreadable.put(file, message);
  }

  void file(ReadReport r, ConnectionTracker t) {
    files.add(r);
    skips.addAll(r.skips());
    frames += r.frames();
    bytes += r.bytes();
    trackedPackets += t.packets();
    truncated += t.truncated();
    evicted += t.evicted();
  }

  void connection(Connection c) {
    connections++;
    if (c.midstream()) {
      midstream++;
    }
    perService.computeIfAbsent(c.service(), k -> new long[ConnState.values().length])[c.state()
        .ordinal()]++;
  }

  void countFilteredOut() {
    filteredOut++;
  }

  public List<ReadReport> files() {
    return files;
  }

  public Map<String, String> unreadable() {
    return unreadable;
  }

  public SkipCounter skips() {
    return skips;
  }

  public long frames() {
    return frames;
  }

  public long bytes() {
    return bytes;
  }

  public long trackedPackets() {
    return trackedPackets;
  }

  public long connections() {
    return connections;
  }

  public long truncated() {
    return truncated;
  }

  public long evicted() {
    return evicted;
  }

  public long filteredOut() {
    return filteredOut;
  }

  /** Connections per service, counts indexed by {@link ConnState#ordinal()}. */
  public Map<String, long[]> perService() {
    return perService;
  }

  /** Connections per service, all states together (a --service filter left them out or not). */
  public Map<String, Long> connectionsPerService() {
    Map<String, Long> totals = new TreeMap<>();
    perService.forEach((service, states) -> totals.put(service, java.util.Arrays.stream(states).sum()));
    return totals;
  }

  /** True when a file could not be opened or ended with a format error. */
  public boolean hasErrors() {
    return !unreadable.isEmpty() || files.stream().anyMatch(f -> f.error() != null);
  }

  /** Human-readable summary table (for stderr). */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("files: %d read, %d unreadable%n", files.size(), unreadable.size()));
    for (ReadReport f : files) {
      StringBuilder links = new StringBuilder();
      f.linkTypes().forEach(l -> links.append(links.length() == 0 ? "" : ",")
          .append(LinkType.name(l)));
      sb.append(String.format("  %s  %s  %s  %d frames  %d bytes%s%n", f.source(), f.format(),
          links, f.frames(), f.bytes(), f.error() == null ? "" : "  ERROR: " + f.error()
              .getMessage()));
    }
    unreadable.forEach((f, m) -> sb.append(String.format("  %s  UNREADABLE: %s%n", f, m)));
    sb.append(String.format("packets: %d frames, %d tracked TCP/UDP, %d skipped", frames,
        trackedPackets, skips.skippedFrames()));
    if (skips.reassembled() > 0 || skips.trimmedOverlaps() > 0) {
      sb.append(String.format(", %d IP fragments merged into %d reassembled datagrams (%d IPv4 "
          + "overlaps trimmed, first copy kept)", skips.mergedFragments(), skips.reassembled(),
          skips.trimmedOverlaps()));
    }
    sb.append(System.lineSeparator());
    skips.nonZero().forEach((r, n) -> sb.append(String.format(
        "  skipped %-24s %8d  (%s; first: %s)%n", r, n, r.description(), skips.firstSeen(r))));
    sb.append(String.format("connections: %d (%d mid-stream, %d truncated at the packet cap, %d "
        + "evicted early, %d filtered out by --service)%n", connections, midstream, truncated,
        evicted, filteredOut));
    if (!perService.isEmpty()) {
      ConnState[] states = ConnState.values();
      boolean[] used = new boolean[states.length];
      perService.values().forEach(c -> {
        for (int i = 0; i < c.length; i++) {
          used[i] |= c[i] > 0;
        }
      });
      int width = Math.max(7, perService.keySet().stream().mapToInt(String::length).max()
          .orElse(7));
      sb.append(String.format("  %-" + width + "s %7s", "service", "total"));
      for (int i = 0; i < states.length; i++) {
        if (used[i]) {
          sb.append(String.format(" %6s", states[i]));
        }
      }
      sb.append(System.lineSeparator());
      perService.forEach((service, c) -> {
        long total = 0;
        for (long n : c) {
          total += n;
        }
        sb.append(String.format("  %-" + width + "s %7d", service, total));
        for (int i = 0; i < states.length; i++) {
          if (used[i]) {
            sb.append(String.format(" %6d", c[i]));
          }
        }
        sb.append(System.lineSeparator());
      });
    }
    return sb.toString();
  }

  /** Fragment frames merged into a reassembled datagram decoded on another frame. */
  public long mergedFragments() {
    return skips.mergedFragments();
  }

  /** Skipped frames of one reason over all files (convenience for tests). */
  public long skipped(SkipReason reason) {
    return skips.count(reason);
  }
}
