package org.tadam.eval.anomaly.detect;

import java.util.List;
import java.util.Set;
import org.tadam.capture.word.TimedWord;
import org.tadam.capture.word.ValueQuantisation;
import org.tadam.eval.EvalException;
import org.tadam.eval.anomaly.TrainingGroup;
import org.tadam.learner.LearnedModel;
import org.tadam.learner.LearnerOptions;
import org.tadam.learner.TadamLearner;
import org.tadam.learner.export.ModelExporter;
import org.tadam.learner.noise.NoiseKind;
import org.tadam.learner.score.ScoreReason;
import org.tadam.learner.score.WordScorer;
import org.tadam.model.Automaton;

/**
 * TADAM itself, learned as {@code tadam learn} learns (the learner's default options, the noise
 * kinds given) and exported as it exports, then scored as {@code tadam score} scores: the
 * anomaly score of {@link WordScorer}. The exported model goes through a {@link ModelStore}, so
 * that the command line can write it and score what it reads back, byte for byte a {@code .tadam}.
 */
public final class TadamDetector implements Detector {

  /** Keeps a learned model (e.g. writes it under a directory) and returns the model to score. */
  public interface ModelStore {
    Automaton keep(Automaton model, String directory) throws EvalException;

    /** Keeps nothing: scores the exported model as it is. */
    ModelStore NONE = (model, directory) -> model;
  }

  private final String name;
  private final String directory;
  private final Set<NoiseKind> noise;
  private final int threads;
  private final ValueQuantisation quantisation;
  private final String symbolOptions;
  private final ModelStore store;

  /**
   * @param directory where the store keeps this detector's models ({@code tadam}, {@code tadam-no-noise})
   * @param noise the noise kinds the learner may explain (empty: none, {@code --noise none})
   * @param symbolOptions what the provenance records of how symbols were made, or null
   */
  public TadamDetector(String name, String directory, Set<NoiseKind> noise, int threads,
      ValueQuantisation quantisation, String symbolOptions, ModelStore store) {
    this.name = name;
    this.directory = directory;
    this.noise = Set.copyOf(noise);
    this.threads = threads;
    this.quantisation = quantisation;
    this.symbolOptions = symbolOptions;
    this.store = store;
  }

  /** The two TADAM detectors of the benchmark: with every noise kind, and with none. */
  public static List<Detector> both(int threads, ValueQuantisation quantisation, String symbolOptions, ModelStore store) {
    return List.of(
        new TadamDetector("TADAM", "tadam", LearnerOptions.defaults().noise(), threads, quantisation, symbolOptions, store),
        new TadamDetector("TADAM no noise", "tadam-no-noise", Set.of(), threads, quantisation, symbolOptions, store));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String description() {
    return "TADAM learner (" + (noise.isEmpty() ? "noise model off, as tadam learn --noise none"
        : "default options, as tadam learn") + "), scored as tadam score: the MDL code of the connection (exact path, "
        + "else the cheaper of noisy alignment and explicit code) plus the spelling of unseen symbols and the parsed/unparsed "
        + "status code from the model's coverage, in bits per letter; timing and sizes count through the edges' laws.";
  }

  @Override
  public Model train(TrainingGroup group) throws EvalException {
    TadamLearner learner = new TadamLearner(LearnerOptions.defaults().withNoise(noise).withThreads(threads));
    learner.addSamples(group.words());
    LearnedModel learned = learner.computeModel();
    Automaton exported;
    try {
      exported = ModelExporter.toModel(learned, new ModelExporter.Info(group.name(), group.protocol(), group.service(),
          List.copyOf(group.ports()), null, quantisation, group.captures(), symbolOptions));
    } catch (IllegalArgumentException e) {
      throw new EvalException(name + ": " + group.name() + ": " + e.getMessage());
    }
    WordScorer scorer = new WordScorer(store.keep(exported, directory));
    return word -> verdict(scorer, word);
  }

  private static Verdict verdict(WordScorer scorer, TimedWord word) {
    WordScorer.Score s = scorer.score(word.symbols(), word.values());
    return new Verdict(s.anomaly(), (s.unknownLetters() > 0 ? ScoreReason.OUTSIDE_ALPHABET : ScoreReason.COST).text());
  }
}
