package org.tadam.eval.anomaly.detect;

import org.tadam.capture.word.TimedWord;
import org.tadam.eval.anomaly.TrainingGroup;

/**
 * Baseline: a first-order Markov chain over the tokens of {@link TokenAlphabet}, with a start and
 * an end marker, add-one (Laplace) smoothed over the training tokens, one unknown token and the end.
 * A word scores −log2 of its probability per letter, the end included.
 */
public final class MarkovChainDetector implements Detector {

  @Override
  public String name() {
    return "Markov chain";
  }

  @Override
  public String description() {
    return "First-order Markov chain over (symbol, size bucket) tokens with start and end markers, add-one smoothing; "
        + "score = −log2 P(word) per letter. Untimed.";
  }

  @Override
  public Model train(TrainingGroup group) {
    return new Chain(group);
  }

  /** The learned chain: transition counts between tokens, the start as an extra row, the end as an extra column. */
  static final class Chain implements Model {
    private final TokenAlphabet alphabet;
    /** counts[from][to]: rows and columns are the tokens, then the unknown token, then the start (rows) or the end (columns) */
    private final long[][] counts;
    private final long[] rowTotals;
    private final int start;
    private final int end;

    Chain(TrainingGroup group) {
      alphabet = new TokenAlphabet(group.words());
      int k = alphabet.size();
      start = k + 1;
      end = k + 1;
      counts = new long[k + 2][k + 2];
      rowTotals = new long[k + 2];
      for (TimedWord w : group.words()) {
        int previous = start;
        for (int t : alphabet.encode(w)) {
          add(previous, t);
          previous = t;
        }
        add(previous, end);
      }
    }

    private void add(int from, int to) {
      counts[from][to]++;
      rowTotals[from]++;
    }

    /** P(to | from), add-one smoothed over the k tokens, the unknown token and the end. */
    double probability(int from, int to) {
      return (counts[from][to] + 1.0) / (rowTotals[from] + counts.length);
    }

    @Override
    public Verdict score(TimedWord word) {
      int[] tokens = alphabet.encode(word);
      double bits = 0;
      int previous = start;
      boolean unknown = false;
      for (int t : tokens) {
        bits -= log2(probability(previous, t));
        unknown |= t == alphabet.unknown();
        // after an unknown token (a row without counts) every next token is equally likely
        previous = t;
      }
      bits -= log2(probability(previous, end));
      return new Verdict(bits / (tokens.length + 1), unknown ? "outside the model's alphabet" : "cost");
    }

    TokenAlphabet alphabet() {
      return alphabet;
    }
  }

  static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
