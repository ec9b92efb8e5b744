package org.tadam.spark.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.tadam.spark.GenerateJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "generate", mixinStandardHelpOptions = true,
    description = {"Runs a compiled generator jar (tadam compile) in shards: each task writes the connections of its "
        + "range of the seed's run as DIR/part-NNNNN.pcap (nanosecond pcap); --merge makes one time-ordered pcap, "
        + "the same bytes as 'java -jar GEN.jar --seed S --connections N' on one machine.",
        "The shard directory must be on a file system every executor writes to (local mode: any)."})
final class GenerateCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "GEN.jar", description = "generator jar made by tadam compile")
  private Path jar;

  @Option(names = "--seed", defaultValue = "0", description = "seed of the run (default: ${DEFAULT-VALUE})")
  private long seed;

  @Option(names = "--connections", paramLabel = "N", description = "connections of the whole run")
  private Long connections;

  @Option(names = "--duration", paramLabel = "SECONDS", description = "or: the run's length in seconds of capture time")
  private Double duration;

  @Option(names = "--shards", paramLabel = "K", defaultValue = "8", description = "shards, one task each (default: ${DEFAULT-VALUE})")
  private int shards;

  @Option(names = "--noise", paramLabel = "learned|none", defaultValue = "none", description = "replay the models' learned noise (default: ${DEFAULT-VALUE})")
  private String noise;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "directory of the shards")
  private Path output;

  @Option(names = "--merge", paramLabel = "FILE", description = "also merge the shards into this pcap (written atomically)")
  private Path merge;

  @Option(names = "--format", paramLabel = "pcap|pcap-ns", defaultValue = "pcap", description = "timestamps of the merged file (default: ${DEFAULT-VALUE}, the generator's default)")
  private String format;

  @Option(names = "--keep-shards", description = "keep the shards after --merge")
  private boolean keepShards;

  @Mixin
  private SparkOptions spark = new SparkOptions();

  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    if ((connections == null) == (duration == null) || shards < 1 || !("pcap".equals(format) || "pcap-ns".equals(format))
        || !("learned".equals(noise) || "none".equals(noise))) {
      err.println("tadam spark generate: give exactly one of --connections N and --duration SECONDS, --shards >= 1, "
          + "--format pcap|pcap-ns, --noise learned|none");
      return org.tadam.spark.TadamSpark.EXIT_ERROR;
    }
    if (!Files.isRegularFile(jar)) {
      err.println("tadam spark generate: " + jar + ": no such file");
      return org.tadam.spark.TadamSpark.EXIT_ERROR;
    }
    GenerateJob.Settings settings = new GenerateJob.Settings(seed, connections == null ? 0 : connections,
        duration == null ? 0 : (long) (duration * 1e9), "learned".equals(noise), shards);
    long began = System.nanoTime();
    List<GenerateJob.Shard> written;
    try (SparkSession session = spark.session("generate")) {
      written = GenerateJob.run(session, jar, settings, output);
    }
    double generated = (System.nanoTime() - began) / 1e9;
    long packets = written.stream().mapToLong(GenerateJob.Shard::packets).sum();
    long bytes = written.stream().mapToLong(GenerateJob.Shard::bytes).sum();
    err.printf(Locale.ROOT, "%d shards, %d connections, %d packets, %.1f MB in %.1f s (%.1f MB/s)%n", written.size(),
        written.stream().mapToLong(s -> s.to() - s.from()).sum(), packets, bytes / 1e6, generated,
        bytes / 1e6 / generated);
    err.printf(Locale.ROOT, "writing in tasks: %.2f s in all, longest %.2f s%n",
        written.stream().mapToDouble(GenerateJob.Shard::seconds).sum(),
        written.stream().mapToDouble(GenerateJob.Shard::seconds).max().orElse(0));
    if (merge != null) {
      long t = System.nanoTime();
      long merged = GenerateJob.merge(written, merge, "pcap-ns".equals(format));
      err.printf(Locale.ROOT, "merged %d packets into %s in %.1f s%n", merged, merge, (System.nanoTime() - t) / 1e9);
      if (!keepShards) {
        for (GenerateJob.Shard s : written) {
          Files.deleteIfExists(Path.of(s.path()));
        }
      }
    }
    err.flush();
    return 0;
  }
}
