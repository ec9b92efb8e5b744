package org.tadam.spark.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The subcommands of {@code tadam spark}. */
@Command(name = "tadam spark", mixinStandardHelpOptions = true, version = "tadam spark 0.1.0",
    description = "TADAM's ingestion, learning and generation as Apache Spark jobs (local mode or a cluster).",
    subcommands = {IngestCommand.class, LearnCommand.class, GenerateCommand.class})
public final class Commands implements Runnable {
  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  /** Runs the command line; returns the exit code (0 ok, 2 bad usage or damaged input). */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new Commands());
    cli.setExecutionExceptionHandler((e, line, parsed) -> {
      line.getErr().println("tadam spark: " + e.getMessage());
      if (System.getenv("TADAM_DEBUG") != null) {
        e.printStackTrace(line.getErr());
      }
      return org.tadam.spark.TadamSpark.EXIT_ERROR;
    });
    return cli.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }
}
