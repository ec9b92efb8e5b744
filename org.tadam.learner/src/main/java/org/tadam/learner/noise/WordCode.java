package org.tadam.learner.noise;

import java.util.Arrays;
import java.util.Set;
import org.tadam.learner.mdl.DataCodes;

/**
 * The code of one word under an automaton: the one rule by which the learner charges its training
 * words and {@code tadam score} charges any word (issue 12: the two used to differ, so a model
 * could score its own training words as anomalies).
 *
 * A word pays the cheapest of three codes, the word-status code saying which (so the encoder may
 * pick), as the reference's alignment of an unmatched word and of a new word does (Part A §1.6,
 * §1.10: its programme has the exact path among its alignments):
 * <ul>
 *   <li>its exact-path code, when the automaton parses it: per letter c_tr + −log2 p̂(e) + the
 *       floored value code ({@link #letterBits}), on its cheapest exact path ({@link #exactBits});</li>
 *   <li>its best noisy alignment (corrected);</li>
 *   <li>its explicit code (uncorrected).</li>
 * </ul>
 * A word that parses only through letters far from their edges' laws (a duplicated query taken
 * as the retry it resembles, two swapped letters each on the other's edge) pays the floors of
 * those letters on its exact path, and often less as the noise it is. Charging such a word its
 * exact path made the objective prefer an edge for each frequent noise pattern to the truth
 * (issue 12, ground truth at 5000 words). The search charges a word on a path of the automaton
 * (matched) that path; the data cost a learned model reports charges every word this code, so
 * learn and score agree. A word longer than {@link #MAX_ALIGNED_LETTERS} is not aligned.
 *
 * The three-way word-status code (Part A §1.5.3) is not part of a word's code: it depends on the
 * share of corrected words in the whole corpus, which a model file does not record. An instance
 * keeps the aligner's scratch space: use one per thread.
 */
public final class WordCode {
  /**
   * Words longer than this are not aligned (the cheaper of their exact path and explicit code),
   * in learning and in scoring (the alignment is linear in the length, but the learner runs it for
   * every candidate and EM round).
   */
  public static final int MAX_ALIGNED_LETTERS = 256;

  /** How a word was encoded, as the word-status code counts it. */
  public enum Status {
    /** parsed exactly */
    MATCHED,
    /** aligned with noise operations */
    CORRECTED,
    /** explicit code */
    UNCORRECTED
  }

  /**
   * @param operations per alignment operation ({@link Aligner#TRANSITION} …) how many the word
   *     used: its letters as transitions when parsed, none when explicitly encoded
   */
  public record Result(double bits, Status status, long[] operations) {
  }

  private final AlignmentGraph g;
  private final double cTr;
  private final Aligner aligner;

  public WordCode(AlignmentGraph graph, AlignmentRates rates, Set<NoiseKind> kinds) {
    this.g = graph;
    this.cTr = rates.transitionBits();
    this.aligner = new Aligner(graph, rates, kinds);
  }

  /** The automaton this code charges words under. */
  public AlignmentGraph graph() {
    return g;
  }

  /** Whether a word of this many letters (the end letter included) is aligned at all. */
  public static boolean aligns(int letters) {
    return letters <= MAX_ALIGNED_LETTERS;
  }

  /** Explicit code of a word: each letter's symbol uniformly, its values with log*. */
  public static double explicitBits(int alphabet, int[][] values) {
    double bits = 0;
    for (int[] v : values) {
      bits += DataCodes.explicitLetterBits(alphabet, v);
    }
    return bits;
  }

  /** The code of a letter that edge e explains exactly. */
  public double letterBits(int edge, int[] value) {
    return cTr + g.transitionBits(edge) + g.valueBits(edge, value);
  }

  /**
   * The cheapest exact-path code of a word (a Viterbi programme over states), +∞ when no path
   * spells it into the end state.
   *
   * @param vb value codes from {@link Aligner#valueBits}
   */
  public double exactBits(int[] symbols, double[][] vb) {
    int n = g.states();
    double[] cur = new double[n];
    double[] next = new double[n];
    Arrays.fill(cur, Double.POSITIVE_INFINITY);
    cur[g.initial()] = 0;
    for (int l = 0; l < symbols.length; l++) {
      Arrays.fill(next, Double.POSITIVE_INFINITY);
      boolean any = false;
      int[] edges = g.edgesWithSymbol(symbols[l]);
      for (int k = 0; k < edges.length; k++) {
        int e = edges[k];
        double from = cur[g.source(e)];
        if (from == Double.POSITIVE_INFINITY) {
          continue;
        }
        // the same sum, in the same order, as the learner's per-letter code
        double c = from + (cTr + g.transitionBits(e) + vb[l][k]);
        int t = g.target(e);
        if (c < next[t]) {
          next[t] = c;
          any = true;
        }
      }
      if (!any) {
        return Double.POSITIVE_INFINITY;
      }
      double[] swap = cur;
      cur = next;
      next = swap;
    }
    return cur[g.end()];
  }

  /**
   * The code of a word (symbol ids and values, the end letter included): the cheapest of its exact
   * path (when it has one), its best alignment and its explicit code. A word coded on its exact
   * path has its letters counted as transitions, as an alignment without noise would count them.
   *
   * @param vb value codes from {@link Aligner#valueBits}
   * @param explicit the word's explicit code ({@link #explicitBits})
   */
  public Result of(int[] symbols, int[][] values, double[][] vb, double explicit) {
    return of(symbols, values, vb, null, explicit);
  }

  /**
   * As {@link #of(int[], int[][], double[][], double)}, with the explicit code of each letter from
   * {@link Aligner#letterBits} (null: computed here when needed).
   */
  public Result of(int[] symbols, int[][] values, double[][] vb, double[] letterBits,
      double explicit) {
    return of(symbols, values, vb, letterBits, explicit, Double.POSITIVE_INFINITY);
  }

  /**
   * As {@link #of(int[], int[][], double[][], double[], double)}, aligning first below
   * {@code expected} (an alignment known to cost about that, as in {@link #unparsed(int[], int[][],
   * double[][], double[], double, double)}): the same result, whatever {@code expected} is.
   */
  public Result of(int[] symbols, int[][] values, double[][] vb, double[] letterBits,
      double explicit, double expected) {
    double exact = exactBits(symbols, vb);
    if (exact == Double.POSITIVE_INFINITY) {
      return unparsed(symbols, values, vb, letterBits, explicit, expected);
    }
    Result noisy = noisy(symbols, values, vb, letterBits, Math.min(exact, explicit), expected);
    if (noisy != null) {
      return noisy;
    }
    if (explicit < exact) {
      return new Result(explicit, Status.UNCORRECTED, new long[5]);
    }
    long[] operations = new long[5];
    operations[Aligner.TRANSITION] = symbols.length;
    return new Result(exact, Status.MATCHED, operations);
  }

  /**
   * The best alignment of a word with an exact path when it uses noise and costs less than
   * {@code bound} (the word's exact and explicit codes), else null. The exact path is itself an
   * alignment without noise, so the bound only prunes.
   */
  private Result noisy(int[] symbols, int[][] values, double[][] vb, double[] letterBits,
      double bound, double expected) {
    if (!aligner.anyNoise() || !aligns(symbols.length)) {
      return null;
    }
    Aligner.Result r = best(symbols, values, vb, letterBits, bound, expected);
    long[] ops = r.operations();
    boolean noise = ops[Aligner.MISSING] + ops[Aligner.SPURIOUS] + ops[Aligner.DUPLICATED]
        + ops[Aligner.SWAPPED] > 0;
    // an alignment without noise is the exact path, summed in another order: the exact code wins
    return noise && r.bits() < bound ? new Result(r.bits(), Status.CORRECTED, ops) : null;
  }

  /**
   * The best alignment of a word when it costs less than {@code bound}: first below {@code
   * expected} (the cells that cannot end there are dropped), then, only when that finds none, below
   * {@code bound}. The result is that of aligning without a ceiling whenever it is below the bound.
   */
  private Aligner.Result best(int[] symbols, int[][] values, double[][] vb, double[] letterBits,
      double bound, double expected) {
    double[] letters = letterBits != null ? letterBits
        : Aligner.letterBits(g.alphabetSize(), values);
    double ceiling = Math.min(expected, bound);
    Aligner.Result r = aligner.align(symbols, values, vb, letters, ceiling);
    if (!(r.bits() <= ceiling) && ceiling < bound) {
      r = aligner.align(symbols, values, vb, letters, bound);
    }
    return r;
  }

  /**
   * The code of a word with no exact path ({@link #exactBits} is +∞): the cheaper of its best
   * alignment and its explicit code. Whether a word has an exact path does not depend on the
   * rates, so the noise EM asks this directly in the rounds after the first.
   */
  public Result unparsed(int[] symbols, int[][] values, double[][] vb, double[] letterBits,
      double explicit) {
    return unparsed(symbols, values, vb, letterBits, explicit, Double.POSITIVE_INFINITY);
  }

  /**
   * As {@link #unparsed(int[], int[][], double[][], double[], double)}, knowing an alignment of the
   * word that costs {@code expected} (e.g. the last EM round's, repriced under these rates): the
   * aligner first keeps only the cells that can still end at or below it, and only when the best
   * alignment costs more does it align again with its explicit code as the ceiling. Either way the
   * result is that of aligning without a ceiling, as no alignment at or above the explicit code is
   * ever used.
   */
  public Result unparsed(int[] symbols, int[][] values, double[][] vb, double[] letterBits,
      double explicit, double expected) {
    if (aligns(symbols.length)) {
      Aligner.Result r = best(symbols, values, vb, letterBits, explicit, expected);
      if (r.bits() < explicit) {
        return new Result(r.bits(), Status.CORRECTED, r.operations());
      }
    }
    return new Result(explicit, Status.UNCORRECTED, new long[5]);
  }

  /** As {@link #of(int[], int[][], double[][], double)}, with the value and explicit codes computed here. */
  public Result of(int[] symbols, int[][] values) {
    return of(symbols, values, Aligner.valueBits(g, symbols, values),
        explicitBits(g.alphabetSize(), values));
  }
}
