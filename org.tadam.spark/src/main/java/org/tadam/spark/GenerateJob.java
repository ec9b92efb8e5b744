package org.tadam.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarFile;
import org.apache.spark.SparkFiles;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.tadam.generator.runtime.CaptureFormat;
import org.tadam.generator.runtime.GeneratorSettings;
import org.tadam.generator.runtime.ScenarioModel;
import org.tadam.generator.runtime.TrafficGenerator;
import org.tadam.pcap.AtomicOutput;
import org.tadam.spark.generate.PcapMerge;

/**
 * Generation: a compiled generator jar ({@code tadam compile}) run in shards. The run of {@code --seed S} is cut
 * into consecutive ranges of connection numbers; each task loads the jar's scenario and writes its range as one
 * nanosecond pcap shard (the runtime's own run, limited to its range: {@link GeneratorSettings#firstConnection}); {@link PcapMerge} makes them one time-ordered capture with the
 * bytes of {@code java -jar gen.jar --seed S --connections N} on one machine.
 */
public final class GenerateJob {

  /**
   * @param connections connections of the whole run (0: bounded by {@code durationNanos})
   * @param learnedNoise replay the models' learned noise ({@code --noise learned})
   */
  public record Settings(long seed, long connections, long durationNanos, boolean learnedNoise, int shards)
      implements Serializable {
  }

  /** One shard as written. */
  public record Shard(int number, String path, long from, long to, long packets, long bytes, double seconds)
      implements Serializable {
  }

  /** Scenarios already loaded in this executor, by jar path: one class loader per jar, not per shard. */
  private static final Map<String, Loaded> LOADED = new ConcurrentHashMap<>();

  private GenerateJob() {
  }

  /** Writes {@code shards/part-NNNNN.pcap}; the shards are nanosecond pcap files. */
  public static List<Shard> run(SparkSession spark, Path jar, Settings settings, Path shards) throws IOException {
    GeneratorSettings run = settings(load(jar, GenerateJob.class.getClassLoader()), settings);
    long total = TrafficGenerator.connections(run);
    int n = (int) Math.max(1, Math.min(settings.shards(), Math.max(1, total)));
    List<long[]> ranges = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      ranges.add(new long[] {k, total * k / n, total * (k + 1) / n});
    }
    Files.createDirectories(shards);
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    jsc.addFile(jar.toAbsolutePath().toString());
    String jarName = jar.getFileName().toString();
    String dir = shards.toAbsolutePath().toString();
    return jsc.parallelize(ranges, n).map(r -> shard(jarName, settings, dir, (int) r[0], r[1], r[2])).collect();
  }

  private static Shard shard(String jarName, Settings settings, String dir, int number, long from, long to)
      throws IOException {
    long began = System.nanoTime();
    Loaded loaded = LOADED.computeIfAbsent(SparkFiles.get(jarName), path -> {
      try {
        return load(Path.of(path), TrafficGenerator.class.getClassLoader());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    GeneratorSettings run = settings(loaded, settings);
    run.firstConnection = from;
    run.lastConnection = to;
    Path target = Path.of(dir, String.format("part-%05d.pcap", number));
    long[] packets = {0};
    AtomicOutput.write(target, out -> packets[0] = new TrafficGenerator(loaded.scenario, run)
        .run(Channels.newChannel(out)).packets());
    return new Shard(number, target.toString(), from, to, packets[0], Files.size(target),
        (System.nanoTime() - began) / 1e9);
  }

  /** Merges the shards into one pcap (micro- or nanosecond timestamps). */
  public static long merge(List<Shard> shards, Path target, boolean nanos) throws IOException {
    List<Shard> ordered = new ArrayList<>(shards);
    ordered.sort((a, b) -> Integer.compare(a.number(), b.number()));
    return PcapMerge.merge(ordered.stream().map(s -> Path.of(s.path())).toList(), target, nanos);
  }

  private static GeneratorSettings settings(Loaded loaded, Settings s) {
    GeneratorSettings run = loaded.defaults.copy();
    run.seed = s.seed();
    run.connections = s.connections();
    run.durationNanos = s.connections() > 0 ? 0 : s.durationNanos();
    run.learnedNoise = s.learnedNoise();
    run.format = CaptureFormat.PCAP_NANOS;
    return run;
  }

  private record Loaded(ScenarioModel scenario, GeneratorSettings defaults) {
  }

  /**
   * The scenario and defaults of a generator jar: its main class comes from the jar, the runtime from
   * {@code parent} (the same classes the jar carries), so that the shard writer and the scenario share them.
   */
  private static Loaded load(Path jar, ClassLoader parent) throws IOException {
    String main;
    try (JarFile j = new JarFile(jar.toFile())) {
      main = j.getManifest() == null ? null : j.getManifest().getMainAttributes().getValue("Main-Class");
    }
    if (main == null) {
      throw new IOException(jar + ": not a generator jar (no Main-Class)");
    }
    URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, parent);
    try {
      Class<?> c = Class.forName(main, true, loader);
      return new Loaded((ScenarioModel) c.getMethod("scenario").invoke(null),
          (GeneratorSettings) c.getMethod("defaults").invoke(null));
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IOException(jar + ": not a generator jar of this TADAM version (" + e + ")", e);
    }
  }
}
