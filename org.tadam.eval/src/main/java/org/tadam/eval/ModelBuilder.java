package org.tadam.eval;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * How --learn turns the first half of the real capture into generators: learning and compiling
 * are other modules' work (the command line passes {@code tadam learn} and {@code tadam compile}).
 */
public interface ModelBuilder {

  /**
   * Learns one model per service of {@code capture} (only {@code services}) and compiles each into
   * a generator jar, all under {@code directory}.
   */
  List<Generator> build(Path capture, Set<String> services, Path directory, PrintWriter progress) throws EvalException;

  /** The commands it runs, for the report. */
  String describe();
}
