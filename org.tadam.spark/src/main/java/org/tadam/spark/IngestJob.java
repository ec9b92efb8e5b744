package org.tadam.spark;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.tadam.capture.flow.TrackerOptions;
import org.tadam.spark.ingest.FileResult;
import org.tadam.spark.ingest.FileWords;
import org.tadam.spark.ingest.IngestSettings;
import org.tadam.spark.ingest.Rejoin;
import org.tadam.spark.ingest.RotationJoin;
import org.tadam.spark.ingest.WordRow;
import scala.Tuple2;

/**
 * Ingestion: capture files → timed words as Parquet, partitioned by service ({@code service=NAME/}). One task per
 * file runs the single-machine reader; connections cut by a rotation are found among the files' edges and read
 * again whole ({@link RotationJoin}, {@link Rejoin}). Every file is listed with its counts and problem, if any, in
 * {@value #INPUTS} inside the output (Spark's readers skip files starting with '_').
 */
public final class IngestJob {
  public static final String INPUTS = "_tadam_inputs.tsv";

  /**
   * @param files the job's files, in input order (their index orders the words as the single reader would)
   * @param chains the pieces of cut connections that were joined
   * @param joined connections read again whole across files
   * @param perService words written per service
   * @param readSeconds wall time of reading the files (and collecting their edges)
   * @param joinSeconds wall time of joining cut connections and counting the words
   * @param writeSeconds wall time of writing the Parquet output
   */
  public record Result(List<FileResult> files, List<RotationJoin.Chain> chains, long joined,
      Map<String, Long> perService, double readSeconds, double joinSeconds, double writeSeconds) {
    public long words() {
      return perService.values().stream().mapToLong(Long::longValue).sum();
    }

    public List<FileResult> problems() {
      return files.stream().filter(f -> f.problem() != null).toList();
    }
  }

  private IngestJob() {
  }

  /** Reads {@code inputs} (capture paths every executor can open) and writes the words to {@code output}. */
  public static Result run(SparkSession spark, List<String> inputs, IngestSettings settings, String output)
      throws IOException {
    settings.options(); // a malformed option fails here, before any task
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<Tuple2<Integer, String>> indexed = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      indexed.add(new Tuple2<>(i, inputs.get(i)));
    }
    List<List<Tuple2<Integer, String>>> bins = bins(indexed, jsc.defaultParallelism() * 4);
    JavaRDD<FileResult> read = jsc.parallelize(bins, bins.size())
        .flatMap(bin -> bin.stream().map(e -> FileWords.read(settings.options(), e._1(), e._2())).iterator())
        .persist(StorageLevel.MEMORY_AND_DISK());
    long began = System.nanoTime();
    try {
      // one pass for the counts and the connections at the files' edges, the only rows the driver sees
      List<FileResult> edges = read.map(f -> {
        TrackerOptions timeouts = settings.options().tracker(); // once per file: it reads the port table
        return new FileResult(f.index(), f.path(), f.frames(), f.bytes(), f.seconds(), f.firstNanos(), f.lastNanos(),
            f.problem(), f.rows().stream().filter(r -> RotationJoin.candidate(r, f, timeouts))
                .map(WordRow::withoutWord).toList());
      }).collect();
      // in input order (tasks return them by group)
      List<FileResult> summaries = edges.stream().map(FileResult::summary)
          .sorted(Comparator.comparingInt(FileResult::index)).toList();
      List<WordRow> candidates = edges.stream().flatMap(f -> f.rows().stream()).toList();
      long readDone = System.nanoTime();
      TrackerOptions tracker = settings.options().tracker();
      List<RotationJoin.Chain> chains = settings.joinRotations() ? RotationJoin.chains(summaries, candidates, tracker)
          : List.of();
      Set<String> replaced = new HashSet<>();
      Map<List<Integer>, List<RotationJoin.Chain>> byFiles = new LinkedHashMap<>();
      for (RotationJoin.Chain c : chains) {
        c.pieces().forEach(p -> replaced.add(p.file() + ":" + p.seq()));
        byFiles.computeIfAbsent(c.pieces().stream().map(RotationJoin.Piece::file).distinct().toList(),
            k -> new ArrayList<>()).add(c);
      }
      Map<Integer, String> paths = new TreeMap<>();
      indexed.forEach(e -> paths.put(e._1(), e._2()));
      Broadcast<Set<String>> gone = jsc.broadcast(replaced);
      JavaRDD<WordRow> kept = read.flatMap(f -> f.rows().stream()
          .filter(r -> !gone.value().contains(r.fileIndex() + ":" + r.seq())).iterator());
      JavaRDD<WordRow> rejoined = jsc.parallelize(new ArrayList<>(byFiles.values()), Math.max(1, byFiles.size()))
          .flatMap(group -> Rejoin.words(settings.options(), group, paths).iterator());
      Set<String> services = settings.services();
      JavaRDD<WordRow> words = kept.union(rejoined)
          .filter(r -> services.isEmpty() || services.contains(r.service()))
          .persist(StorageLevel.MEMORY_AND_DISK());
      Map<String, Long> perService = new TreeMap<>(words.map(WordRow::service).countByValue());
      long joined = words.filter(r -> r.files() > 1).count();
      long joinDone = System.nanoTime();
      Configuration conf = jsc.hadoopConfiguration();
      Path tmp = Outputs.temporary(conf, output);
      try {
        JavaRDD<Row> rows = words.map(WordRow::toRow);
        // no shuffle: each task writes its files' words, one Parquet file per service it met
        spark.createDataFrame(rows, WordRow.SCHEMA)
            .sortWithinPartitions(col("service"), col("file_index"), col("seq"), col("start_ns")).write().partitionBy("service").parquet(tmp.toString());
        writeInputs(conf, new Path(tmp, INPUTS), summaries);
        Outputs.commit(conf, tmp, output);
      } catch (IOException | RuntimeException e) {
        Outputs.discard(conf, tmp);
        throw e;
      }
      words.unpersist();
      return new Result(summaries, chains, joined, perService, (readDone - began) / 1e9,
          (joinDone - readDone) / 1e9, (System.nanoTime() - joinDone) / 1e9);
    } finally {
      read.unpersist();
    }
  }

  /**
   * Files in about {@code n} groups of similar total size (largest first into the lightest group), so that many
   * small captures do not each cost a task and large ones spread over the executors.
   */
  private static List<List<Tuple2<Integer, String>>> bins(List<Tuple2<Integer, String>> files, int n) {
    List<Tuple2<Integer, String>> bySize = new ArrayList<>(files);
    Map<String, Long> size = new HashMap<>();
    for (Tuple2<Integer, String> f : files) {
      try {
        size.put(f._2(), Files.size(java.nio.file.Path.of(f._2())));
      } catch (IOException | RuntimeException e) {
        size.put(f._2(), 0L); // unreadable: its task reports it
      }
    }
    bySize.sort(Comparator.comparingLong((Tuple2<Integer, String> f) -> -size.get(f._2())).thenComparing(Tuple2::_1));
    int k = Math.max(1, Math.min(n, files.size()));
    List<List<Tuple2<Integer, String>>> bins = new ArrayList<>();
    long[] load = new long[k];
    for (int i = 0; i < k; i++) {
      bins.add(new ArrayList<>());
    }
    for (Tuple2<Integer, String> f : bySize) {
      int lightest = 0;
      for (int i = 1; i < k; i++) {
        if (load[i] < load[lightest]) {
          lightest = i;
        }
      }
      bins.get(lightest).add(f);
      load[lightest] += size.get(f._2()) + 1;
    }
    return bins;
  }

  /** One line per input file: index, path, frames, bytes, problem ("-" when none). */
  private static void writeInputs(Configuration conf, Path file, List<FileResult> files) throws IOException {
    StringBuilder sb = new StringBuilder("#index\tpath\tframes\tbytes\tproblem\n");
    for (FileResult f : files) {
      sb.append(f.index()).append('\t').append(f.path()).append('\t').append(f.frames()).append('\t')
          .append(f.bytes()).append('\t').append(f.problem() == null ? "-" : f.problem().replace('\t', ' '))
          .append('\n');
    }
    try (OutputStream out = file.getFileSystem(conf).create(file, true)) {
      out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The capture paths listed in an ingestion output, in input order (what learning names as its captures). */
  public static List<String> inputs(SparkSession spark, String words) throws IOException {
    Path file = new Path(words, INPUTS);
    List<String> paths = new ArrayList<>();
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    if (!file.getFileSystem(conf).exists(file)) {
      return paths;
    }
    try (var in = file.getFileSystem(conf).open(file)) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isEmpty() && !line.startsWith("#")) {
          paths.add(line.split("\t")[1]);
        }
      }
    }
    return paths;
  }
}
