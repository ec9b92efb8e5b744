package org.tadam.eval;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tadam.eval.holdout.GeneratorRunner;
import org.tadam.eval.holdout.HalfWriter;
import org.tadam.eval.holdout.Halves;
import org.tadam.eval.sample.ConnectionStats;
import org.tadam.eval.sample.SampleReader;
import org.tadam.eval.sample.ServiceKey;
import org.tadam.eval.sample.Side;

/**
 * {@code tadam eval}: how realistic generated traffic is, per service, against real traffic and
 * against the floor (the real capture's first half against its second half). {@link #compare}
 * takes two captures as they are; {@link #holdout} learns on the first half of the real capture,
 * generates as many connections as its second half has and compares with the second half.
 */
public final class RealismEval {
  private final EvalOptions options;
  private final PrintWriter progress;

  /** @param progress where progress and warnings go (stderr) */
  public RealismEval(EvalOptions options, PrintWriter progress) {
    this.options = options;
    this.progress = progress;
  }

  /** Real capture(s) against generated capture(s). */
  public EvalResult compare(List<Path> real, List<Path> generated) throws EvalException {
    Side r = read("real", real);
    Side g = read("generated", generated);
    Halves halves = Halves.of(r.connections());
    Map<ServiceKey, List<ConnectionStats>> realBy = byService(r.connections());
    Map<ServiceKey, List<ConnectionStats>> genBy = byService(g.connections());
    if (realBy.keySet().stream().noneMatch(genBy::containsKey)) {
      throw new EvalException("no service in common: " + String.join(" ", real.stream().map(Path::toString).toList())
          + " has " + names(realBy.keySet()) + "; " + String.join(" ", generated.stream().map(Path::toString).toList())
          + " has " + names(genBy.keySet()));
    }
    Map<ServiceKey, Map<String, Long>> detected = Map.of();
    return new Assembly(options, progress).result("compare", r, g, realBy, genBy, halves, detected, List.of(), null);
  }

  /**
   * The holdout protocol: learn on the first half of {@code real} (services whose halves are both
   * large enough), generate as many connections per service as the second half has, compare.
   * Work files (the first half, models, jars, generated captures) go under {@code directory}.
   */
  public EvalResult holdout(Path real, Path directory, ModelBuilder builder) throws EvalException {
    Side r = read("real", List.of(real));
    Halves halves = Halves.of(r.connections());
    Set<ServiceKey> eligible = new TreeSet<>();
    halves.first().keySet().stream().filter(k -> halves.smaller(k) >= options.minConnections()).forEach(eligible::add);
    if (eligible.isEmpty()) {
      throw new EvalException(real + ": no service has two halves of at least " + options.minConnections()
          + " connections to learn from and compare with");
    }
    Path firstHalf = directory.resolve("real-first-half.pcapng");
    List<ConnectionStats> learnFrom = new ArrayList<>();
    eligible.forEach(k -> learnFrom.addAll(halves.first().get(k)));
    try {
      Files.createDirectories(directory.resolve("generated"));
      long frames = HalfWriter.write(r, learnFrom, firstHalf);
      say("wrote the first half (" + learnFrom.size() + " connections, " + frames + " frames) to " + firstHalf);
    } catch (IOException e) {
      throw new EvalException(directory + ": cannot write the first half: " + e.getMessage());
    }
    Set<String> services = new TreeSet<>();
    eligible.forEach(k -> services.add(k.service()));
    List<Generator> generators = builder.build(firstHalf, services, directory.resolve("models"), progress);
    List<Path> outputs = new ArrayList<>();
    List<ServiceKey> outputKeys = new ArrayList<>();
    for (Generator gen : generators) {
      if (gen.problem() != null) {
        say(gen.key().service() + ": no generator: " + gen.problem());
        continue;
      }
      List<ConnectionStats> second = halves.second().get(gen.key());
      if (second == null || !eligible.contains(gen.key())) {
        continue;
      }
      Path out = directory.resolve("generated").resolve(fileName(gen.key()) + ".pcap");
      say("generating " + second.size() + " connections of " + gen.key().service() + "/" + gen.key().protocol()
          + " (java -jar " + gen.jar().getFileName() + " --seed " + options.seed() + ")");
      try {
        say(GeneratorRunner.run(gen.jar(), options.seed(), second.size(), out));
      } catch (IOException e) {
        say(gen.key().service() + ": the generator failed: " + e.getMessage());
        continue;
      }
      outputs.add(out);
      outputKeys.add(gen.key());
    }
    if (outputs.isEmpty()) {
      throw new EvalException("no generator could be built and run (see the messages above)");
    }
    Side raw = read("generated", outputs);
    // a generated connection belongs to the service of the model that made it; detection is reported beside
    Map<ServiceKey, Map<String, Long>> detected = new TreeMap<>();
    List<ConnectionStats> relabelled = new ArrayList<>();
    for (ConnectionStats c : raw.connections()) {
      ServiceKey key = outputKeys.get(c.file());
      detected.computeIfAbsent(key, k -> new TreeMap<>()).merge(c.key().service(), 1L, Long::sum);
      relabelled.add(c.withKey(key));
    }
    Side g = new Side(raw.name(), raw.files(), relabelled, raw.warnings());
    Map<ServiceKey, List<ConnectionStats>> realBy = new TreeMap<>(halves.second());
    return new Assembly(options, progress).result("learn", r, g, realBy, byService(g.connections()), halves, detected,
        generators, builder.describe());
  }

  private Side read(String name, List<Path> files) throws EvalException {
    say("reading " + name + ": " + String.join(" ", files.stream().map(Path::toString).toList()));
    Side side = new SampleReader(options.services()).read(name, files);
    side.warnings().forEach(w -> say(w));
    return side;
  }

  private void say(String message) {
    progress.println("tadam eval: " + message);
    progress.flush();
  }

  static Map<ServiceKey, List<ConnectionStats>> byService(List<ConnectionStats> connections) {
    Map<ServiceKey, List<ConnectionStats>> by = new TreeMap<>();
    connections.forEach(c -> by.computeIfAbsent(c.key(), k -> new ArrayList<>()).add(c));
    return by;
  }

  private static String names(Set<ServiceKey> keys) {
    if (keys.isEmpty()) {
      return "no connection";
    }
    Map<String, String> names = new LinkedHashMap<>();
    keys.forEach(k -> names.put(k.service() + "/" + k.protocol(), ""));
    return String.join(", ", names.keySet());
  }

  /** A file name for a service: letters, digits, dot, dash; the rest becomes '_'. */
  static String fileName(ServiceKey key) {
    return (key.service() + "_" + key.protocol()).replaceAll("[^A-Za-z0-9.-]", "_");
  }
}
