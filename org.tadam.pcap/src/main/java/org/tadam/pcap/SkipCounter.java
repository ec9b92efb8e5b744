package org.tadam.pcap;

import java.util.EnumMap;
import java.util.Map;

/**
 * Counts skipped frames per reason and remembers where each reason was first seen; also counts the
 * IP fragments merged by reassembly, which are the only frames neither tracked nor skipped.
 */
public final class SkipCounter {
  private final long[] counts = new long[SkipReason.values().length];
  private final String[] firstSeen = new String[counts.length];
  private long reassembled;
  private long mergedFragments;
  private long trimmedOverlaps;

  /** Counts one skip; the first one of each reason is remembered as "SOURCE packet N @ offset O". */
  public void count(SkipReason reason, String source, long packetNumber, long offset) {
    int i = reason.ordinal();
    if (counts[i]++ == 0) {
      firstSeen[i] = source + " packet " + packetNumber + " @ offset " + offset;
    }
  }

  public long count(SkipReason reason) {
    return counts[reason.ordinal()];
  }

  public String firstSeen(SkipReason reason) {
    return firstSeen[reason.ordinal()];
  }

  /** Frames that were not tracked (TRUNCATED_RECORD and CORRUPT_BLOCK are not frames). */
  public long skippedFrames() {
    long sum = 0;
    for (SkipReason r : SkipReason.values()) {
      if (r != SkipReason.TRUNCATED_RECORD && r != SkipReason.CORRUPT_BLOCK) {
        sum += counts[r.ordinal()];
      }
    }
    return sum;
  }

  /**
   * One IP datagram reassembled from {@code fragments} frames. The frame that completed it is
   * decoded as usual (tracked, or skipped with a reason); the others are <em>merged</em>: neither
   * tracked nor skipped, so per file frames = tracked packets + {@link #skippedFrames()} +
   * {@link #mergedFragments()}.
   */
  public void countReassembled(int fragments) {
    reassembled++;
    mergedFragments += fragments - 1;
  }

  /** An IPv4 fragment overlapping bytes already received (kept: first copy wins); not a frame. */
  public void countTrimmedOverlap() {
    trimmedOverlaps++;
  }

  /** IP datagrams reassembled from fragments. */
  public long reassembled() {
    return reassembled;
  }

  /** Fragment frames folded into a datagram that was decoded on another frame. */
  public long mergedFragments() {
    return mergedFragments;
  }

  /** IPv4 fragments that overlapped bytes already received (each still part of its datagram). */
  public long trimmedOverlaps() {
    return trimmedOverlaps;
  }

  public void addAll(SkipCounter other) {
    reassembled += other.reassembled;
    mergedFragments += other.mergedFragments;
    trimmedOverlaps += other.trimmedOverlaps;
    for (int i = 0; i < counts.length; i++) {
      if (other.counts[i] > 0 && counts[i] == 0) {
        firstSeen[i] = other.firstSeen[i];
      }
      counts[i] += other.counts[i];
    }
  }

  public Map<SkipReason, Long> nonZero() {
    Map<SkipReason, Long> m = new EnumMap<>(SkipReason.class);
    for (SkipReason r : SkipReason.values()) {
      if (counts[r.ordinal()] > 0) {
        m.put(r, counts[r.ordinal()]);
      }
    }
    return m;
  }
}
