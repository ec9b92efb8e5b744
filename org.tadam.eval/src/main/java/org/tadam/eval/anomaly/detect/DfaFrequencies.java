package org.tadam.eval.anomaly.detect;

import java.util.ArrayList;
import java.util.List;
import net.automatalib.automaton.fsa.DFA;

/**
 * A DFA made probabilistic by counting, on its training words, how often each state was left by
 * each token and how often a word stopped there. P(token | state) is add-one smoothed over the
 * training tokens, the unknown token and the stop; a token without a transition keeps the walk
 * in its state (it is paid for, then skipped).
 */
final class DfaFrequencies {
  private final int[][] next;
  private final long[][] counts;
  private final long[] totals;
  private final int initial;

  /**
   * @param next next[state][token], −1 for no transition
   * @param words the training words as token ids
   */
  DfaFrequencies(int[][] next, int initial, int symbols, List<int[]> words) {
    this.next = next;
    this.initial = initial;
    counts = new long[next.length][symbols + 2];
    totals = new long[next.length];
    for (int[] w : words) {
      int q = initial;
      for (int t : w) {
        int to = t < symbols ? next[q][t] : -1;
        counts[q][t]++;
        totals[q]++;
        q = to < 0 ? q : to;
      }
      counts[q][symbols + 1]++;
      totals[q]++;
    }
  }

  static <S> DfaFrequencies of(DFA<S, Integer> dfa, int symbols, List<int[]> words) {
    int[][] next = StateMergingDetector.table(dfa, symbols, new ArrayList<>());
    return new DfaFrequencies(next, 0, symbols, words);
  }

  int states() {
    return next.length;
  }

  /** −log2 P(token | state), smoothed; {@code token} = symbols + 1 is the stop. */
  double bits(int state, int token) {
    return -Math.log((counts[state][token] + 1.0) / (totals[state] + counts[state].length)) / Math.log(2);
  }

  Detector.Verdict verdict(int[] tokens, int unknown) {
    int symbols = unknown;
    int q = initial;
    double bits = 0;
    boolean outside = false;
    for (int t : tokens) {
      bits += bits(q, t);
      int to = t < symbols ? next[q][t] : -1;
      outside |= t == unknown;
      q = to < 0 ? q : to;
    }
    bits += bits(q, symbols + 1);
    return new Detector.Verdict(bits / (tokens.length + 1), outside ? "outside the model's alphabet" : "cost");
  }
}
