package org.tadam.eval.anomaly;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.tadam.capture.CaptureIngest;
import org.tadam.capture.IngestReport;
import org.tadam.capture.word.TextWordFormat;
import org.tadam.capture.word.TimedWord;
import org.tadam.capture.word.WordFormatException;
import org.tadam.eval.EvalException;
import org.tadam.eval.anomaly.detect.Detector;
import org.tadam.eval.anomaly.labels.LabelFile;
import org.tadam.eval.anomaly.labels.LabelMatcher;
import org.tadam.eval.anomaly.labels.LabelRow;
import org.tadam.eval.anomaly.labels.WordLabelFile;
import org.tadam.learner.score.ScoreReason;
import org.tadam.learner.score.SpelledWordCode;
import org.tadam.pcap.ReadReport;

/**
 * {@code tadam bench-anomaly}: every detector learns one model per training group of the training
 * captures, scores every connection of the test capture, and the label rows say which connections
 * are normal and which attack; per attack label and detector, the ROC curve of normal against that
 * attack. A test connection is scored by the model of its group ({@link TrainingGroups#route});
 * one that no group covers is spelled out ({@link SpelledWordCode}) by every detector alike.
 */
public final class AnomalyBench {
  private final AnomalyOptions options;
  private final PrintWriter progress;

  public AnomalyBench(AnomalyOptions options, PrintWriter progress) {
    this.options = options;
    this.progress = progress;
  }

  /** Captures in, connection label rows ({@link LabelFile}) matched by protocol, endpoints and first packet. */
  public BenchResult run(List<Path> train, Path test, Path labels) throws EvalException {
    List<LabelRow> rows = LabelFile.read(labels);
    List<TimedWord> trainWords = new ArrayList<>();
    read(train, trainWords);
    List<TimedWord> testWords = new ArrayList<>();
    read(List.of(test), testWords);
    LabelMatcher.Result matched = LabelMatcher.match(rows, testWords.stream().map(TimedWord::connection).toList());
    List<String> names = testWords.stream().map(w -> w.connection().initiator() + " > " + w.connection().responder()).toList();
    return score(train, test, labels, trainWords, testWords, names, matched.labels(), matched.unmatchedRows());
  }

  /**
   * Word files in ({@link TextWordFormat}: words without connections, e.g. the ground-truth words of
   * {@code ../shared/data/tadam-bench}), labelled by their number in the test file ({@link WordLabelFile}). A word is
   * scored by the group of its service, so the training and test words must share it (a reference-format file takes
   * its service from the file's name).
   */
  public BenchResult runWords(List<Path> train, Path test, Path labels) throws EvalException {
    List<TimedWord> trainWords = new ArrayList<>();
    for (Path file : train) {
      trainWords.addAll(readWords(file));
    }
    List<TimedWord> testWords = readWords(test);
    List<String> perWord = WordLabelFile.read(labels, testWords.size());
    List<String> names = new ArrayList<>(testWords.size());
    for (int i = 0; i < testWords.size(); i++) {
      names.add("word " + (i + 1));
    }
    return score(train, test, labels, trainWords, testWords, names, perWord, List.of());
  }

  private BenchResult score(List<Path> train, Path test, Path labels, List<TimedWord> trainWords, List<TimedWord> testWords,
      List<String> names, List<String> perWord, List<LabelRow> unmatchedRows) throws EvalException {
    if (trainWords.isEmpty()) {
      throw new EvalException("no connection in the training input" + (train.size() > 1 ? "s" : ""));
    }
    List<String> captures = train.stream().map(p -> p.getFileName().toString()).toList();
    TrainingGroups groups = new TrainingGroups(trainWords, options.minConnections(), captures);
    long unlabelled = perWord.stream().filter(l -> l == null).count();
    progress.printf(Locale.ROOT, "tadam bench-anomaly: %d training connections in %d groups; %d test connections, %d labelled, "
        + "%d unlabelled; %d label rows match no connection%n", trainWords.size(), groups.all().size(), testWords.size(),
        testWords.size() - unlabelled, unlabelled, unmatchedRows.size());

    List<Detector> detectors = options.detectors();
    double[][] scores = new double[testWords.size()][detectors.size()];
    String[][] reasons = new String[testWords.size()][detectors.size()];
    double[] seconds = new double[detectors.size()];
    for (int d = 0; d < detectors.size(); d++) {
      long start = System.nanoTime();
      // by identity: a group's hash would walk all its words
      Map<TrainingGroup, Detector.Model> models = new IdentityHashMap<>();
      for (TrainingGroup g : groups.all()) {
        progress.printf(Locale.ROOT, "tadam bench-anomaly: %s: learning %s (%d connections)%n", detectors.get(d).name(), g.name(),
            g.words().size());
        models.put(g, detectors.get(d).train(g));
      }
      for (int c = 0; c < testWords.size(); c++) {
        TimedWord w = testWords.get(c);
        TrainingGroup g = groups.route(protocol(w), w.service());
        Detector.Verdict v = g == null ? spelled(w) : models.get(g).score(w);
        scores[c][d] = v.score();
        reasons[c][d] = g != null && !g.service().equals(w.service()) ? ScoreReason.FALLBACK_MODEL.text() : v.reason();
      }
      seconds[d] = (System.nanoTime() - start) / 1e9;
      progress.printf(Locale.ROOT, "tadam bench-anomaly: %s: %.1f s%n", detectors.get(d).name(), seconds[d]);
    }

    List<BenchResult.ScoredConnection> connections = new ArrayList<>();
    for (int c = 0; c < testWords.size(); c++) {
      TimedWord w = testWords.get(c);
      TrainingGroup g = groups.route(protocol(w), w.service());
      connections.add(new BenchResult.ScoredConnection(c, names.get(c), protocol(w), w.service(), perWord.get(c),
          g == null ? null : g.name(), scores[c], reasons[c]));
    }
    return new BenchResult(train.stream().map(Path::toString).toList(), test.toString(), labels.toString(),
        groups.all().stream().map(g -> new BenchResult.Group(g.name(), g.protocol(), g.service(), g.words().size())).toList(),
        detectors.stream().map(d -> new BenchResult.Detector(d.name(), d.description())).toList(), connections,
        unmatchedRows, curves(connections, detectors.size()), options.normalLabel(), seconds);
  }

  /** A word read from a word file has no connection; its group is then a TCP one, as the training groups make it. */
  private static String protocol(TimedWord w) {
    return w.connection() == null ? "tcp" : w.connection().protocolName();
  }

  /** The code of a connection no group covers, the same for every detector. */
  private static Detector.Verdict spelled(TimedWord w) {
    double bits = SpelledWordCode.bits(w.symbols(), w.values(), "tcp".equals(protocol(w)));
    return new Detector.Verdict(bits / (w.letters().size() + 1), ScoreReason.NO_MODEL.text());
  }

  /** Per attack label, per detector: normal against that label. */
  private Map<String, List<RocCurve>> curves(List<BenchResult.ScoredConnection> connections, int detectors) {
    Map<String, List<RocCurve>> curves = new TreeMap<>();
    List<BenchResult.ScoredConnection> normal = connections.stream().filter(c -> options.normalLabel().equals(c.label())).toList();
    Map<String, List<BenchResult.ScoredConnection>> attacks = new TreeMap<>();
    for (BenchResult.ScoredConnection c : connections) {
      if (c.label() != null && !c.label().equals(options.normalLabel())) {
        attacks.computeIfAbsent(c.label(), k -> new ArrayList<>()).add(c);
      }
    }
    attacks.forEach((label, list) -> {
      List<RocCurve> perDetector = new ArrayList<>();
      for (int d = 0; d < detectors; d++) {
        int column = d;
        perDetector.add(RocCurve.of(normal.stream().mapToDouble(c -> c.scores()[column]).toArray(),
            list.stream().mapToDouble(c -> c.scores()[column]).toArray()));
      }
      curves.put(label, perDetector);
    });
    return curves;
  }

  private static List<TimedWord> readWords(Path file) throws EvalException {
    try {
      return TextWordFormat.read(file);
    } catch (WordFormatException e) {
      throw new EvalException(e.getMessage());
    } catch (NoSuchFileException e) {
      throw new EvalException(file + ": no such file");
    } catch (IOException e) {
      throw new EvalException(file + ": cannot be read: " + e.getMessage());
    }
  }

  private void read(List<Path> captures, List<TimedWord> into) throws EvalException {
    IngestReport report = new CaptureIngest(options.ingest()).words(captures, into::add);
    for (Map.Entry<String, String> e : report.unreadable().entrySet()) {
      throw new EvalException(e.getKey() + ": " + e.getValue());
    }
    for (ReadReport f : report.files()) {
      if (f.error() != null) {
        throw new EvalException(f.error().getMessage());
      }
    }
  }
}
