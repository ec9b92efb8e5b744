package org.tadam.spark.cli;

import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/** Where the job runs: {@code --master} as spark-submit takes it; local mode on all cores when not given. */
final class SparkOptions {
  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master, e.g. local[2] (default: local[*], or the one spark-submit was given); for a cluster use "
          + "spark-submit, which ships the jars to the executors")
  String master;

  SparkSession session(String job) {
    SparkSession.Builder b = SparkSession.builder().appName("tadam " + job)
        // service names are text even when they look like numbers
        .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false");
    if (master != null) {
      b.master(master);
    } else if (System.getProperty("spark.master") == null) {
      b.master("local[*]");
    }
    if (System.getProperty("spark.ui.enabled") == null) {
      b.config("spark.ui.enabled", "false");
    }
    return b.getOrCreate();
  }
}
