package org.tadam.learner.score;

import java.util.Arrays;
import java.util.List;
import org.tadam.learner.mdl.UniversalCode;
import org.tadam.learner.noise.AlignmentRates;
import org.tadam.learner.noise.WordCode;
import org.tadam.model.Automaton;
import org.tadam.model.L4Protocol;
import org.tadam.model.Provenance;

/**
 * Anomaly scores of new words under a learned model (Part B item 10): the MDL cost in bits by the
 * learner's own per-word rule ({@link WordCode}: the cheapest of the exact path when the word
 * parses, the best noisy alignment and the explicit code), per word and per letter,
 * and the plain log-likelihood of the most likely path (−1000 when no path spells the word).
 *
 * <p>The anomaly score ({@link Score#anomaly}) adds to those bits the two parts of a complete code
 * that {@link WordCode} leaves out, then divides by the letters (the end letter included), so that
 * words of different lengths compare:
 * <ul>
 *   <li>the spelling of every letter whose symbol is outside the model's alphabet
 *       ({@link SymbolSpelling}: the explicit code names only the training alphabet's symbols);</li>
 *   <li>the word's status, parsed exactly or not, at the smoothed share of training connections
 *       the model parsed ({@code provenance { connections N parsed K }}: −log2((K + ½)/(N + 1)) or
 *       −log2((N − K + ½)/(N + 1))); the learner's own status code counts the explicitly coded
 *       words, which a model file does not record, so the recorded coverage stands in for it.</li>
 * </ul>
 */
public final class WordScorer {
  /**
   * Log-likelihood of a word no path of the model spells, as in the reference. A long word that
   * parses can have a lower one (−4 600 for 629 letters): whether a word parses is {@link #parses}.
   */
  public static final double UNPARSED = -1000;
  /** Least p(e)·P(v|e) a step of the likelihood assumes, as the reference's {@code get_log_proba}. */
  private static final double LIKELIHOOD_FLOOR = 1e-100;

  private final ModelGraph graph;
  private final WordCode code;
  private final boolean tcp;
  private final double parsedStatusBits;
  private final double unparsedStatusBits;

  /**
   * @param letters letters including the end letter
   * @param bits the learner's code of the word ({@link WordCode})
   * @param status how the word was encoded: parsed exactly, aligned with noise, or explicitly
   * @param unknownLetters letters whose symbol is outside the model's alphabet
   * @param spellingBits the spelling of those letters' symbols
   * @param statusBits the code of the word's status (parsed or not) from the model's coverage
   */
  public record Score(int letters, double bits, double logLikelihood, WordCode.Status status,
      int unknownLetters, double spellingBits, double statusBits) {
    public double bitsPerLetter() {
      return bits / letters;
    }

    /** The anomaly score: the complete code of the word in bits per letter (higher = more anomalous). */
    public double anomaly() {
      return (bits + spellingBits + statusBits) / letters;
    }
  }

  public WordScorer(Automaton model) {
    graph = new ModelGraph(model);
    AlignmentRates r = graph.rates();
    code = new WordCode(graph, r, r.enabled());
    tcp = model.getProtocol() == L4Protocol.TCP;
    Provenance p = model.getProvenance();
    if (p != null && p.isSetParsedConnections() && p.getConnections() > 0) {
      double n = p.getConnections();
      double k = Math.min(p.getParsedConnections(), n);
      parsedStatusBits = -UniversalCode.log2((k + 0.5) / (n + 1));
      unparsedStatusBits = -UniversalCode.log2((n - k + 0.5) / (n + 1));
    } else {
      parsedStatusBits = 0;
      unparsedStatusBits = 0;
    }
  }

  /** Scores a word given without its end letter. */
  public Score score(List<String> symbols, List<int[]> values) {
    int[] s = symbolIds(symbols);
    int[][] v = withEnd(values);
    WordCode.Result r = code.of(s, v);
    int unknown = 0;
    double spelling = 0;
    for (int i = 0; i < symbols.size(); i++) {
      if (s[i] < 0) {
        unknown++;
        spelling += SymbolSpelling.bits(symbols.get(i), tcp);
      }
    }
    // the status the recorded coverage counts: whether a path spells the word, whichever code
    // was cheaper for it
    double status = r.status() == WordCode.Status.MATCHED || graph.parses(s)
        ? parsedStatusBits : unparsedStatusBits;
    return new Score(s.length, r.bits(), logLikelihood(s, v), r.status(), unknown, spelling, status);
  }

  /**
   * Whether a path of the model spells the word's symbols into the end state (no noise operation;
   * the values do not matter): what coverage counts. Not {@code logLikelihood > UNPARSED}, which a
   * long parsed word fails.
   */
  public boolean parses(List<String> symbols) {
    return graph.parses(symbolIds(symbols));
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
   * greedy walk then returned −1000 for words the model parses); {@link #UNPARSED} when no path
   * spells it.
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
