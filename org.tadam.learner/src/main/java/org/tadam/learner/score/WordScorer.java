package org.tadam.learner.score;

import java.util.Arrays;
import java.util.List;
import org.tadam.learner.mdl.UniversalCode;
import org.tadam.learner.noise.AlignmentRates;
import org.tadam.learner.noise.WordCode;
import org.tadam.model.Automaton;

/**
 * Anomaly scores of new words under a learned model (Part B item 10): the MDL cost in bits by the
 * learner's own per-word rule ({@link WordCode}: the cheapest exact path when the word parses,
 * else the cheaper of the best noisy alignment and the explicit code), per word and per letter,
 * and the plain log-likelihood of the most likely path (−1000 when no path spells the word).
 */
public final class WordScorer {
  /** Log-likelihood of a word no path of the model spells, as in the reference. */
  public static final double UNPARSED = -1000;
  /** Least p(e)·P(v|e) a step of the likelihood assumes, as the reference's {@code get_log_proba}. */
  private static final double LIKELIHOOD_FLOOR = 1e-100;

  private final ModelGraph graph;
  private final WordCode code;

  /**
   * @param letters letters including the end letter
   * @param status how the word was encoded: parsed exactly, aligned with noise, or explicitly
   */
  public record Score(int letters, double bits, double logLikelihood, WordCode.Status status) {
    public double bitsPerLetter() {
      return bits / letters;
    }
  }

  public WordScorer(Automaton model) {
    graph = new ModelGraph(model);
    AlignmentRates r = graph.rates();
    code = new WordCode(graph, r, r.enabled());
  }

  /** Scores a word given without its end letter. */
  public Score score(List<String> symbols, List<int[]> values) {
    int[] s = symbolIds(symbols);
    int[][] v = withEnd(values);
    WordCode.Result r = code.of(s, v);
    return new Score(s.length, r.bits(), logLikelihood(s, v), r.status());
  }

  /**
   * The log-likelihood alone (no MDL cost: the noisy alignment of a word that does not parse is
   * the expensive part of {@link #score}, and coverage needs only whether a word parses).
   */
  public double logLikelihood(List<String> symbols, List<int[]> values) {
    return logLikelihood(symbolIds(symbols), withEnd(values));
  }

  private int[] symbolIds(List<String> symbols) {
    int[] s = new int[symbols.size() + 1];
    for (int i = 0; i < symbols.size(); i++) {
      s[i] = graph.symbolId(symbols.get(i));
    }
    s[symbols.size()] = graph.symbolId("$");
    return s;
  }

  private static int[][] withEnd(List<int[]> values) {
    int[][] v = new int[values.size() + 1][];
    for (int i = 0; i < values.size(); i++) {
      v[i] = values.get(i);
    }
    v[values.size()] = new int[values.isEmpty() ? 2 : values.get(0).length];
    return v;
  }

  /**
   * max over the paths spelling the word into the end state of Σ log2 max(p(e)·P(v|e), 10^-100),
   * by a Viterbi programme over states: after an edge split the model may have several edges with
   * one symbol out of a state, and the locally best one can lead to a dead end (the reference's
   * greedy walk then returned −1000 for words the model parses).
   */
  private double logLikelihood(int[] s, int[][] v) {
    int n = graph.states();
    double[] cur = new double[n];
    double[] next = new double[n];
    Arrays.fill(cur, Double.NEGATIVE_INFINITY);
    cur[graph.initial()] = 0;
    for (int i = 0; i < s.length; i++) {
      Arrays.fill(next, Double.NEGATIVE_INFINITY);
      for (int e : graph.edgesWithSymbol(s[i])) {
        double from = cur[graph.source(e)];
        if (from == Double.NEGATIVE_INFINITY) {
          continue;
        }
        double p = graph.probability(e) * graph.cellMass(e, v[i]);
        double ll = from + UniversalCode.log2(Math.max(p, LIKELIHOOD_FLOOR));
        if (ll > next[graph.target(e)]) {
          next[graph.target(e)] = ll;
        }
      }
      double[] swap = cur;
      cur = next;
      next = swap;
    }
    double ll = cur[graph.end()];
    return ll == Double.NEGATIVE_INFINITY ? UNPARSED : ll;
  }
}
