package org.tadam.spark.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.tadam.spark.IngestJob;
import org.tadam.spark.ingest.FileResult;
import org.tadam.spark.ingest.IngestSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = {"Reads pcap/pcapng files (or directories of them) in parallel into timed words, written as Parquet "
        + "partitioned by service (DIR/service=NAME/); connections cut by a rotated capture are joined again.",
        "Every input is listed in DIR/_tadam_inputs.tsv; unreadable or damaged files are reported by name and the job "
            + "goes on. Exit code 0 = ok, 2 = a file was unreadable or damaged (the other files' words are written)."})
final class IngestCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "CAPTURE", description = "capture files or directories")
  private List<Path> captures = new ArrayList<>();

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Parquet output (written beside it, then renamed into place)")
  private String output;

  @Option(names = "--service", paramLabel = "S", description = "only connections of this service (repeatable)")
  private List<String> services = new ArrayList<>();

  @Option(names = "--service-port", paramLabel = "PORT[/PROTO]=NAME", description = "names a server port (repeatable)")
  private List<String> servicePorts = new ArrayList<>();

  @Option(names = "--max-packets", paramLabel = "N", defaultValue = "1000", description = "letters per word (default: ${DEFAULT-VALUE})")
  private int maxPackets;

  @Option(names = "--no-join", description = "read every file as an independent capture, as tadam words does "
      + "(by default a connection cut by a rotated capture, same 5-tuple in the next file of the same directory "
      + "within the idle timeout, is read again as one)")
  private boolean noJoin;

  @Option(names = "--no-payloads", description = "words only, as tadam words keeps them (by default the payload bytes "
      + "of each connection's first packets are kept too: tadam spark learn builds its payload pools from them)")
  private boolean noPayloads;

  @Mixin
  private SparkOptions spark = new SparkOptions();

  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    IngestSettings settings = new IngestSettings(servicePorts, Set.copyOf(services), maxPackets, 60, true, 0.05,
        !noPayloads, !noJoin);
    try {
      settings.options();
    } catch (IllegalArgumentException e) {
      err.println("tadam spark ingest: " + e.getMessage());
      return org.tadam.spark.TadamSpark.EXIT_ERROR;
    }
    List<String> files = Inputs.expand(captures);
    if (files.isEmpty()) {
      err.println("tadam spark ingest: no capture file found");
      return org.tadam.spark.TadamSpark.EXIT_ERROR;
    }
    long began = System.nanoTime();
    IngestJob.Result r;
    try (SparkSession session = spark.session("ingest")) {
      r = IngestJob.run(session, files, settings, output);
    }
    long frames = r.files().stream().mapToLong(FileResult::frames).sum();
    long bytes = r.files().stream().mapToLong(FileResult::bytes).sum();
    err.printf(Locale.ROOT, "files: %d (%d with problems), frames: %d, bytes: %d, words: %d, joined across files: %d, %.1f s%n",
        r.files().size(), r.problems().size(), frames, bytes, r.words(), r.joined(), (System.nanoTime() - began) / 1e9);
    FileResult slowest = r.files().stream().max(Comparator.comparingDouble(FileResult::seconds)).orElseThrow();
    err.printf(Locale.ROOT, "reading in tasks: %.2f s in all, longest %.2f s (%s)%n",
        r.files().stream().mapToDouble(FileResult::seconds).sum(), slowest.seconds(), slowest.path());
    err.printf(Locale.ROOT, "phases: read %.1f s, join %.1f s, write %.1f s%n", r.readSeconds(), r.joinSeconds(),
        r.writeSeconds());
    r.chains().stream().limit(10).forEach(c -> err.println("  joined: " + c.pieces().get(0).flow() + " across "
        + c.pieces().stream().map(p -> java.nio.file.Path.of(r.files().get(p.file()).path()).getFileName().toString())
            .distinct().toList()));
    r.perService().forEach((s, n) -> err.printf("  %-20s %d%n", s, n));
    for (FileResult f : r.problems()) {
      err.println("tadam spark ingest: " + f.path() + ": " + f.problem());
    }
    err.println(r.words() + " words written to " + output);
    err.flush();
    return r.problems().isEmpty() ? 0 : org.tadam.spark.TadamSpark.EXIT_ERROR;
  }
}
