package org.tadam.eval.sample;

import java.nio.file.Path;
import java.util.List;

/**
 * One side of a comparison: its capture files and their connections in reading order (an index in
 * {@code connections} is how outside tools' verdicts are attached).
 *
 * @param warnings what reading skipped, one line each (per file and reason, with its first place)
 */
public record Side(String name, List<Path> files, List<ConnectionStats> connections, List<String> warnings) {

  public Side {
    files = List.copyOf(files);
    connections = List.copyOf(connections);
    warnings = List.copyOf(warnings);
  }
}
