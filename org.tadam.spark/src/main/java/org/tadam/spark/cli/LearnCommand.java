package org.tadam.spark.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.tadam.spark.LearnJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "learn", mixinStandardHelpOptions = true,
    description = {"Learns one TADAM automaton per service (and outcome with --by-outcome) from the words of "
        + "'tadam spark ingest', one learner task per group in parallel; writes DIR/NAME.tadam, the same bytes as "
        + "'tadam learn' on the same captures.", "Exit code 0 = ok, 2 = a model could not be made or written."})
final class LearnCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "WORDS", description = "output directory of tadam spark ingest")
  private String words;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "directory for the .tadam files")
  private Path output;

  @Option(names = "--service", paramLabel = "S", description = "only this service (repeatable)")
  private List<String> services = new ArrayList<>();

  @Option(names = "--by-outcome", description = "one automaton per service and connection outcome")
  private boolean byOutcome;

  @Option(names = "--max-iterations", paramLabel = "N", defaultValue = "100000", description = "stop after N operations (default: ${DEFAULT-VALUE})")
  private int maxIterations;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = "learner threads per task (default: ${DEFAULT-VALUE}; Spark runs the groups in parallel)")
  private int threads;

  @Mixin
  private SparkOptions spark = new SparkOptions();

  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    // said before Spark starts: Spark would log a stack trace first
    if (!words.contains("://") && !Files.isDirectory(Path.of(words))) {
      err.println("tadam spark learn: " + words + ": no such directory (give the output directory of tadam spark ingest)");
      return org.tadam.spark.TadamSpark.EXIT_ERROR;
    }
    List<LearnJob.Model> models;
    try (SparkSession session = spark.session("learn")) {
      models = LearnJob.run(session, words, new LearnJob.Settings(byOutcome, maxIterations, threads, Set.copyOf(services)),
          output);
    }
    int failures = 0;
    out.printf("%-24s %12s %8s %6s %12s %12s %8s  %s%n", "service", "connections", "states", "edges", "model bits",
        "data bits", "seconds", "file");
    for (LearnJob.Model m : models) {
      if (m.problem() != null) {
        err.println("tadam spark learn: " + m.label() + ": " + m.problem());
        failures++;
        continue;
      }
      out.printf(Locale.ROOT, "%-24s %12d %8d %6d %12.1f %12.1f %8.2f  %s%n", m.label(), m.connections(), m.states(),
          m.edges(), m.modelBits(), m.dataBits(), m.seconds(), output.resolve(m.file()));
    }
    out.flush();
    if (models.isEmpty()) {
      err.println("tadam spark learn: no words to learn from in " + words);
      failures++;
    }
    err.flush();
    return failures == 0 ? 0 : org.tadam.spark.TadamSpark.EXIT_ERROR;
  }
}
