package org.tadam.learner.score;

/** Why a connection got the score it got: which code charged it. */
public enum ScoreReason {
  /** its service's model charged it: exact path, noisy alignment or explicit code */
  COST("cost"),
  /** its service's model charged it, and some of its symbols were never seen in training */
  OUTSIDE_ALPHABET("outside the model's alphabet"),
  /** its service has no model; the fallback model of its protocol charged it */
  FALLBACK_MODEL("no model for this service: protocol fallback model"),
  /** no model covers it: every letter is spelled out ({@link SpelledWordCode}) */
  NO_MODEL("no model for this service");

  private final String text;

  ScoreReason(String text) {
    this.text = text;
  }

  /** The reason as {@code tadam score} and the reports print it. */
  public String text() {
    return text;
  }
}
