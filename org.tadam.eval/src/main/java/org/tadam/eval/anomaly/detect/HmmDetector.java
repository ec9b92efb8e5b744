package org.tadam.eval.anomaly.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tadam.capture.word.TimedWord;
import org.tadam.eval.anomaly.TrainingGroup;

/**
 * Baseline: a discrete HMM over the tokens of {@link TokenAlphabet} plus an end token, trained by
 * Baum–Welch ({@link HiddenMarkovModel}) with a fixed number of hidden states and iterations from
 * a seeded start. A word scores −log2 P(word, end) per letter, the end included.
 */
public final class HmmDetector implements Detector {
  /** Hidden states, iterations and the pseudo-count of each re-estimation: fixed, not tuned to any data. */
  public static final int STATES = 8;
  public static final int ITERATIONS = 30;
  public static final double PSEUDO_COUNT = 0.01;

  private final long seed;

  public HmmDetector(long seed) {
    this.seed = seed;
  }

  @Override
  public String name() {
    return "HMM";
  }

  @Override
  public String description() {
    return "Discrete hidden Markov model over (symbol, size bucket) tokens and an end token, " + STATES + " hidden states, "
        + ITERATIONS + " Baum-Welch iterations (scaled forward-backward, pseudo-count " + PSEUDO_COUNT + "), seed " + seed
        + "; score = −log2 P(word) per letter. Untimed.";
  }

  @Override
  public Model train(TrainingGroup group) {
    TokenAlphabet alphabet = new TokenAlphabet(group.words());
    int end = alphabet.unknown() + 1;
    // identical sequences once, with their count: Baum-Welch's cost is per distinct sequence
    Map<List<Integer>, long[]> distinct = new LinkedHashMap<>();
    for (TimedWord w : group.words()) {
      int[] s = withEnd(alphabet.encode(w), end);
      distinct.computeIfAbsent(Arrays.stream(s).boxed().toList(), k -> new long[1])[0]++;
    }
    List<int[]> sequences = new ArrayList<>();
    long[] weights = new long[distinct.size()];
    int i = 0;
    for (Map.Entry<List<Integer>, long[]> e : distinct.entrySet()) {
      sequences.add(e.getKey().stream().mapToInt(Integer::intValue).toArray());
      weights[i++] = e.getValue()[0];
    }
    HiddenMarkovModel hmm = HiddenMarkovModel.random(STATES, end + 1, seed);
    for (int k = 0; k < ITERATIONS; k++) {
      hmm.baumWelchStep(sequences, weights, PSEUDO_COUNT);
    }
    return word -> {
      int[] tokens = alphabet.encode(word);
      boolean unknown = Arrays.stream(tokens).anyMatch(t -> t == alphabet.unknown());
      double bits = -hmm.log2Likelihood(withEnd(tokens, end));
      return new Verdict(bits / (tokens.length + 1), unknown ? "outside the model's alphabet" : "cost");
    };
  }

  private static int[] withEnd(int[] tokens, int end) {
    int[] s = Arrays.copyOf(tokens, tokens.length + 1);
    s[tokens.length] = end;
    return s;
  }
}
