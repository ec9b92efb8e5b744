package org.tadam.spark.ingest;

import java.io.Serializable;
import java.util.List;

/**
 * What one capture file gave: its words and the counts the job reports.
 *
 * @param firstNanos earliest connection start in the file (Long.MAX_VALUE when it has none)
 * @param lastNanos latest connection end in the file (Long.MIN_VALUE when it has none)
 * @param seconds time the task spent on the file
 * @param problem why the file is unreadable or damaged, in words, or null when it read cleanly; words read
 *     before the damage are kept in {@code rows}
 */
public record FileResult(int index, String path, long frames, long bytes, double seconds, long firstNanos,
    long lastNanos, String problem, List<WordRow> rows) implements Serializable {

  /** The same counts without the words (what the driver collects). */
  public FileResult summary() {
    return new FileResult(index, path, frames, bytes, seconds, firstNanos, lastNanos, problem, List.of());
  }
}
