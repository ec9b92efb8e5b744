package org.tadam.learner.score;

import java.util.EnumSet;
import java.util.List;
import org.tadam.learner.mdl.DataCodes;
import org.tadam.learner.mdl.UniversalCode;
import org.tadam.learner.noise.Aligner;
import org.tadam.learner.noise.NoiseKind;
import org.tadam.learner.noise.AlignmentRates;
import org.tadam.model.Automaton;

/**
 * Anomaly scores of new words under a learned model (Part B item 10): the MDL cost in bits with
 * noise correction (the cheaper of the best noisy alignment and the explicit encoding), per word
 * and per letter, and the plain log-likelihood of the greedy parse (the reference's
 * {@code get_log_proba}: −1000 when the word does not parse).
 */
public final class WordScorer {
  /** Log-likelihood of a word the model cannot parse, as in the reference. */
  public static final double UNPARSED = -1000;
  private static final double LIKELIHOOD_FLOOR = 1e-100;

  private final ModelGraph graph;
  private final Aligner aligner;

  /**
   * @param letters letters including the end letter
   * @param aligned whether a noisy alignment exists (else the explicit code was used)
   */
  public record Score(int letters, double bits, double logLikelihood, boolean aligned) {
    public double bitsPerLetter() {
      return bits / letters;
    }
  }

  public WordScorer(Automaton model) {
    graph = new ModelGraph(model);
    AlignmentRates r = graph.rates();
    EnumSet<NoiseKind> kinds = EnumSet.noneOf(NoiseKind.class);
    if (r.missing() > 0) {
      kinds.add(NoiseKind.MISSING);
    }
    if (r.spurious() > 0) {
      kinds.add(NoiseKind.SPURIOUS);
    }
    if (r.duplicated() > 0) {
      kinds.add(NoiseKind.DUPLICATED);
    }
    if (r.swapped() > 0) {
      kinds.add(NoiseKind.SWAPPED);
    }
    aligner = new Aligner(graph, r, kinds);
  }

  /** Scores a word given without its end letter. */
  public Score score(List<String> symbols, List<int[]> values) {
    int n = symbols.size() + 1;
    int[] s = new int[n];
    int[][] v = new int[n][];
    int d = values.isEmpty() ? 2 : values.get(0).length;
    double explicit = 0;
    for (int i = 0; i < n - 1; i++) {
      s[i] = graph.symbolId(symbols.get(i));
      v[i] = values.get(i);
    }
    s[n - 1] = graph.symbolId("$");
    v[n - 1] = new int[d];
    for (int i = 0; i < n; i++) {
      explicit += DataCodes.explicitLetterBits(graph.alphabetSize(), v[i]);
    }
    Aligner.Result r = aligner.align(s, v);
    double bits = Math.min(r.bits(), explicit);
    return new Score(n, bits, logLikelihood(s, v), r.aligned());
  }

  private double logLikelihood(int[] s, int[][] v) {
    int q = graph.initial();
    double ll = 0;
    for (int i = 0; i < s.length; i++) {
      int best = -1;
      double bestP = -1;
      for (int e : graph.out(q)) {
        if (graph.symbol(e) != s[i]) {
          continue;
        }
        double p = graph.probability(e) * graph.cellMass(e, v[i]);
        if (p > bestP) {
          bestP = p;
          best = e;
        }
      }
      if (best < 0) {
        return UNPARSED;
      }
      ll += UniversalCode.log2(Math.max(bestP, LIKELIHOOD_FLOOR));
      q = graph.target(best);
    }
    return q == graph.end() ? ll : UNPARSED;
  }
}
