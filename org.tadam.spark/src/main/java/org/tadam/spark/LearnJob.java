package org.tadam.spark;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.Partitioner;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.tadam.capture.ServiceGroups;
import org.tadam.capture.flow.ConnState;
import org.tadam.capture.flow.Connection;
import org.tadam.capture.flow.Endpoint;
import org.tadam.capture.word.TimedWord;
import org.tadam.capture.word.ValueQuantisation;
import org.tadam.dsl.TadamStandaloneSetup;
import org.tadam.dsl.io.ModelFiles;
import org.tadam.learner.LearnedModel;
import org.tadam.learner.LearnerOptions;
import org.tadam.learner.TadamLearner;
import org.tadam.learner.export.ModelExporter;
import org.tadam.model.Automaton;
import org.tadam.pcap.AtomicOutput;
import org.tadam.spark.ingest.WordRow;
import scala.Tuple2;

/**
 * Learning: one learner task per group of words ({@link ServiceGroups}: service, protocol when a service runs over
 * both, outcome with {@code byOutcome}), all groups in parallel. Each task learns exactly as {@code tadam learn}
 * does, from the group's words in the single reader's order (capture, then order of emission) with their payload
 * bytes, and returns the model's canonical text; the driver writes the {@code .tadam} files atomically.
 */
public final class LearnJob {

  /** @param threads learner threads per task (the model does not depend on it) */
  public record Settings(boolean byOutcome, int maxIterations, int threads, Set<String> services)
      implements Serializable {
    public Settings {
      services = Set.copyOf(services);
    }

    public static Settings defaults() {
      return new Settings(false, 100_000, 1, Set.of());
    }
  }

  /** One learned model: its label, file and the columns of the {@code tadam learn} summary. */
  public record Model(int order, String label, String file, long connections, int parsed, int states, int edges,
      double modelBits, double dataBits, double seconds, String text, String problem) implements Serializable {
  }

  private LearnJob() {
  }

  /** Learns from the words of an ingestion output and writes {@code DIR/NAME.tadam}. */
  public static List<Model> run(SparkSession spark, String words, Settings settings, Path output) throws IOException {
    Dataset<Row> df = spark.read().parquet(words);
    if (!settings.services().isEmpty()) {
      df = df.filter(col("service").isin(settings.services().toArray()));
    }
    List<String> captures = IngestJob.inputs(spark, words).stream().map(p -> Path.of(p).getFileName().toString())
        .toList();
    // the groups and their labels, decided once on the driver as ServiceGroups decides them
    ServiceGroups all = new ServiceGroups(settings.byOutcome());
    for (Row r : df.select("service", "protocol", "outcome").distinct().collectAsList()) {
      all.add(new TimedWord(r.getString(0), List.of(), connection(r.getString(0), r.getString(1), r.getString(2), 0,
          null)));
    }
    Map<String, Integer> partition = new HashMap<>();
    Map<String, String> labels = new HashMap<>();
    for (ServiceGroups.Group g : all.groups()) {
      String key = key(g.service(), g.protocol(), g.outcome() == null ? "" : g.outcome());
      partition.put(key, partition.size());
      labels.put(key, all.label(g, " "));
    }
    boolean byOutcome = settings.byOutcome();
    List<Model> models = df.javaRDD()
        .mapToPair(r -> new Tuple2<>(key(r.getString(r.fieldIndex("service")), r.getString(r.fieldIndex("protocol")),
            byOutcome ? r.getString(r.fieldIndex("outcome")) : ""), r))
        .groupByKey(new GroupPartitioner(partition))
        .map(g -> learn(partition.get(g._1()), labels.get(g._1()), g._2(), settings, captures))
        .collect();
    Files.createDirectories(output);
    List<Model> sorted = new ArrayList<>(models);
    sorted.sort(Comparator.comparingInt(Model::order));
    for (Model m : sorted) {
      if (m.text() != null) {
        AtomicOutput.write(output.resolve(m.file()), out -> out.write(m.text().getBytes(StandardCharsets.UTF_8)));
      }
    }
    return sorted;
  }

  private static String key(String service, String protocol, String outcome) {
    return service + "\u0000" + outcome + "\u0000" + protocol;
  }

  private static Connection connection(String service, String protocol, String outcome, int port,
      List<byte[]> payloads) {
    Endpoint responder = new Endpoint(0, 0, 0, port);
    return new Connection("", "tcp".equals(protocol) ? 6 : 17, responder, responder, service,
        ConnState.valueOf(outcome), false, false, 0, 0, 0, List.of(), payloads, "");
  }

  private static Model learn(int order, String label, Iterable<Row> rows, Settings settings, List<String> captures)
      throws Exception {
    List<Row> sorted = new ArrayList<>();
    rows.forEach(sorted::add);
    sorted.sort(Comparator.<Row>comparingInt(r -> r.getInt(r.fieldIndex("file_index")))
        .thenComparingLong(r -> r.getLong(r.fieldIndex("seq")))
        .thenComparingLong(r -> r.getLong(r.fieldIndex("start_ns"))));
    ServiceGroups one = new ServiceGroups(settings.byOutcome());
    for (Row r : sorted) {
      one.add(WordRow.word(r));
    }
    ServiceGroups.Group g = one.groups().get(0);
    TadamLearner learner = new TadamLearner(LearnerOptions.defaults().withMaxIterations(settings.maxIterations())
        .withThreads(settings.threads()));
    learner.addSamples(g.words());
    LearnedModel model = learner.computeModel();
    String name = label.replace(' ', '_');
    String file = ModelExporter.identifier(name) + ".tadam";
    Automaton automaton;
    try {
      automaton = ModelExporter.toModel(model, new ModelExporter.Info(name, g.protocol(), g.service(),
          List.copyOf(g.ports()), g.outcome(), ValueQuantisation.standard(), captures, null));
    } catch (IllegalArgumentException e) {
      return new Model(order, label, file, model.connections(), 0, 0, 0, 0, 0, model.seconds(), null, e.getMessage());
    }
    return new Model(order, label, file, model.connections(), automaton.getProvenance().getParsedConnections(),
        model.automaton().stateCount(), model.automaton().edgeCount(), model.modelBits(), model.dataBits(),
        model.seconds(), Dsl.files().toText(automaton), null);
  }

  /** The TADAM language, set up once per executor. */
  private static final class Dsl {
    private static ModelFiles files;

    static synchronized ModelFiles files() {
      if (files == null) {
        files = TadamStandaloneSetup.doSetup().getInstance(ModelFiles.class);
      }
      return files;
    }
  }

  /** One partition per group, so that no two groups share a task. */
  private static final class GroupPartitioner extends Partitioner {
    private final Map<String, Integer> index;

    GroupPartitioner(Map<String, Integer> index) {
      this.index = new HashMap<>(index);
    }

    @Override
    public int numPartitions() {
      return Math.max(1, index.size());
    }

    @Override
    public int getPartition(Object key) {
      return index.getOrDefault(key, 0);
    }
  }
}
