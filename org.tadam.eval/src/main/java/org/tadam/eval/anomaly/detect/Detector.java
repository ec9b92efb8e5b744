package org.tadam.eval.anomaly.detect;

import org.tadam.capture.word.TimedWord;
import org.tadam.eval.EvalException;
import org.tadam.eval.anomaly.TrainingGroup;

/**
 * An anomaly detector in LearnLib's shape: learned from one group's training connections, then
 * asked for the score of any connection routed to that group. Every detector scores in bits per
 * letter (the end letter included), higher = more anomalous.
 */
public interface Detector {

  /** Short name for tables and charts. */
  String name();

  /** What it is and how it scores, in one or two sentences for the report. */
  String description();

  /** Learns a model of one group. */
  Model train(TrainingGroup group) throws EvalException;

  /** A learned model; not thread-safe. */
  interface Model {
    Verdict score(TimedWord word);
  }

  /**
   * @param score bits per letter, finite
   * @param reason which code charged the word ({@code cost}, {@code outside the model's alphabet}...)
   */
  record Verdict(double score, String reason) {
  }
}
