package org.tadam.spark;

import org.tadam.spark.cli.Commands;

/** {@code tadam spark}: the jobs' command line (ingest, learn, generate); see the module README. */
public final class TadamSpark {
  public static final int EXIT_ERROR = 2;

  private TadamSpark() {
  }

  public static void main(String[] args) {
    System.exit(Commands.execute(args));
  }
}
