package org.tadam.eval.holdout;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tadam.eval.judge.ExternalTool;

/**
 * Runs a compiled generator as its users do, {@code java -jar GEN.jar --seed S --connections N -o
 * OUT.pcap}, with the Java that runs this evaluation: a separate process, so a generator behaves
 * exactly as it does on its own (the same seed gives the same bytes).
 */
public final class GeneratorRunner {
  /** One hour per generator; the loopback services need seconds. */
  private static final long TIMEOUT_SECONDS = 3600;

  private GeneratorRunner() {
  }

  /** Runs the jar and returns the line it printed (its summary). */
  public static String run(Path jar, long seed, long connections, Path output) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> lines = new ArrayList<>();
    new ExternalTool(java.toString()).run(List.of("-jar", jar.toString(), "--seed", Long.toString(seed), "--connections",
        Long.toString(connections), "-o", output.toString()), lines::add, TIMEOUT_SECONDS);
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }
}
