package org.tadam.learner.noise;

import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Hard (Viterbi) EM for the noise rates (Part A §1.5.3): at most four rounds of aligning the words
 * the automaton no longer parses, counting operations with priors (1 each, transitions 1 + matched
 * letters), flooring the no-noise count at 75 % and re-estimating, while the total cost decreases.
 * Each word is charged by {@link WordCode}, the rule {@code tadam score} uses too: the cheapest of
 * its exact path (when the automaton parses it again, e.g. along a sibling of a deleted edge), its
 * alignment and its explicit code; only the words an alignment with noise is cheapest for count as
 * corrected.
 */
public final class NoiseEm {
  public static final int MAX_ROUNDS = 4;

  private NoiseEm() {
  }

  /**
   * What the unmatched words cost and the rates that achieved it; the words neither corrected nor
   * uncorrected are parsed exactly.
   *
   * @param words the code of each unmatched word under these rates, in the order of
   *     {@link Unmatched}
   * @param firstRound what the alignment of each of those words cost in the first round (+∞: not
   *     aligned, or not cheaper than its explicit code); null from {@link #screen}
   */
  public record Outcome(double dataBits, AlignmentRates rates, long corrected, long uncorrected,
      WordCode.Result[] words, double[] firstRound) {
  }

  /** The words to align: count, symbols, values, weight and explicit cost of each. */
  public interface Unmatched {
    int size();

    int[] symbols(int i);

    int[][] values(int i);

    long weight(int i);

    double explicitBits(int i);

    /** {@link Aligner#valueBits} of word i under g (an implementation may keep them). */
    default double[][] valueBits(int i, AlignmentGraph g) {
      return Aligner.valueBits(g, symbols(i), values(i));
    }

    /** {@link Aligner#letterBits} of word i when the implementation keeps them, else null. */
    default double[] letterBits(int i) {
      return null;
    }

    /**
     * What word i's first-round alignment cost under a nearby automaton (the one a candidate
     * changed: {@link Outcome#firstRound}), +∞ when unknown. The first round's rates are always the
     * initial ones, so this is usually close to its first-round alignment here.
     */
    default double firstRoundNearby(int i) {
      return Double.POSITIVE_INFINITY;
    }
  }

  /**
   * How far above its first-round cost under a nearby automaton the first round aligns a word
   * under a ceiling ({@link WordCode#unparsed(int[], int[][], double[][], double[], double,
   * double)}): a candidate changes some transition and value codes a little. Any ceiling gives the
   * same result (a word whose alignment costs more is aligned again under its explicit code); this
   * one only trades the cells dropped against the words aligned twice.
   */
  static final double FIRST_ROUND_SLACK_BITS = 1;

  /**
   * @param matchedBase transition and value codes of the matched letters (without c_tr)
   * @param matchedLetters weighted number of matched letters
   * @param graph builds the alignment view (only called when there are unmatched words)
   */
  public static Outcome run(Set<NoiseKind> kinds, double matchedBase, long matchedLetters,
      Unmatched unmatched, Supplier<AlignmentGraph> graph) {
    return run(kinds, matchedBase, matchedLetters, unmatched, graph, () -> false);
  }

  /**
   * As {@link #run(Set, double, long, Unmatched, Supplier)}, giving up with a
   * {@link CancellationException} as soon as {@code cancelled} says so.
   */
  public static Outcome run(Set<NoiseKind> kinds, double matchedBase, long matchedLetters,
      Unmatched unmatched, Supplier<AlignmentGraph> graph, BooleanSupplier cancelled) {
    AlignmentRates rates = AlignmentRates.initial(kinds);
    Outcome best = null;
    AlignmentGraph g = unmatched.size() == 0 ? null : graph.get();
    // what a word's code needs besides the rates, and whether it has an exact path (which does not
    // depend on them either), found in the first round for all the others
    int[][][] values = new int[unmatched.size()][][];
    double[][][] valueBits = new double[unmatched.size()][][];
    double[][] letterBits = new double[unmatched.size()][];
    double[] explicit = new double[unmatched.size()];
    boolean[] parsed = new boolean[unmatched.size()];
    double[] firstRound = new double[unmatched.size()];
    for (int round = 0; round < MAX_ROUNDS; round++) {
      double[] counts = new double[5];
      counts[Aligner.TRANSITION] = 1 + matchedLetters;
      for (NoiseKind k : kinds) {
        counts[index(k)] = 1;
      }
      double bits = matchedBase + matchedLetters * rates.transitionBits();
      long corrected = 0;
      long uncorrected = 0;
      WordCode code = g == null ? null : new WordCode(g, rates, kinds);
      double[] shift = best == null ? null : shift(best.rates(), rates);
      WordCode.Result[] codes = new WordCode.Result[unmatched.size()];
      for (int i = 0; i < unmatched.size(); i++) {
        long w = unmatched.weight(i);
        if (cancelled.getAsBoolean()) {
          throw new CancellationException("scoring cancelled");
        }
        int[] symbols = unmatched.symbols(i);
        if (values[i] == null) {
          values[i] = unmatched.values(i);
          valueBits[i] = unmatched.valueBits(i, g);
          letterBits[i] = unmatched.letterBits(i);
          if (letterBits[i] == null) {
            letterBits[i] = Aligner.letterBits(g.alphabetSize(), values[i]);
          }
          explicit[i] = unmatched.explicitBits(i);
        }
        if (round == 0) {
          parsed[i] = g.parses(symbols);
        }
        double expected = round == 0 ? unmatched.firstRoundNearby(i) + FIRST_ROUND_SLACK_BITS
            : repriced(best.words()[i], shift);
        // only a word with an exact path needs its exact code
        WordCode.Result r = parsed[i]
            ? code.of(symbols, values[i], valueBits[i], letterBits[i], explicit[i], expected)
            : code.unparsed(symbols, values[i], valueBits[i], letterBits[i], explicit[i], expected);
        if (round == 0) {
          firstRound[i] = r.status() == WordCode.Status.CORRECTED
              ? r.bits() : Double.POSITIVE_INFINITY;
        }
        codes[i] = r;
        bits += w * r.bits();
        for (int k = 0; k < 5; k++) {
          counts[k] += w * r.operations()[k];
        }
        if (r.status() == WordCode.Status.CORRECTED) {
          corrected += w;
        } else if (r.status() == WordCode.Status.UNCORRECTED) {
          uncorrected += w;
        }
      }
      if (best != null && !(bits < best.dataBits())) {
        break;
      }
      best = new Outcome(bits, rates, corrected, uncorrected, codes, firstRound);
      double noise = counts[1] + counts[2] + counts[3] + counts[4];
      counts[0] = Math.max(counts[0], 3 * noise);
      double total = counts[0] + noise;
      AlignmentRates next = new AlignmentRates(counts[0] / total, counts[1] / total,
          counts[2] / total, counts[3] / total, counts[4] / total);
      if (next.equals(rates)) {
        // the same rates align every word as this round did: the same cost, which does not decrease
        break;
      }
      rates = next;
    }
    return best;
  }

  /**
   * What the alignment a word got in the last round ({@code last}) costs under this round's
   * rates: an alignment's cost is its operations' rate codes plus codes that do not depend on the
   * rates (values, transitions, explicit letters), so the same operations are repriced by the
   * change of each rate code ({@code shift}); +∞ when the word was not aligned. The rounds change
   * the rates a little, so this is usually close to the word's new best alignment, which lets the
   * aligner drop every cell that cannot end near it ({@link WordCode#unparsed(int[], int[][],
   * double[][], double[], double, double)}); a little above it, so that rounding never makes a
   * word whose best alignment stays the same look costlier and be aligned twice.
   */
  static double repriced(WordCode.Result last, double[] shift) {
    if (last.status() != WordCode.Status.CORRECTED) {
      return Double.POSITIVE_INFINITY;
    }
    double bits = last.bits();
    long[] operations = last.operations();
    for (int k = 0; k < operations.length; k++) {
      if (operations[k] > 0) {
        bits += operations[k] * shift[k];
      }
    }
    return bits + REPRICE_SLACK_BITS;
  }

  /** Above the rounding of an alignment's sums (a few hundred bits), well below a bit. */
  private static final double REPRICE_SLACK_BITS = 1e-6;

  /** By {@link Aligner#TRANSITION} …, how much the rate code of each operation changes. */
  static double[] shift(AlignmentRates before, AlignmentRates now) {
    return new double[] {now.transitionBits() - before.transitionBits(),
        now.missingBits() - before.missingBits(), now.spuriousBits() - before.spuriousBits(),
        now.duplicatedBits() - before.duplicatedBits(), now.swappedBits() - before.swappedBits()};
  }

  /**
   * A cheap estimate of {@link #run} for screening candidates (one round, no re-estimation): the
   * rates stay {@code rates}, a word with a code in {@code known} keeps it (its code under the
   * automaton before the candidate), only the other words are aligned. Exact when the candidate
   * leaves the known words' alignments alone; the search re-scores its best screened candidates
   * with {@link #run}.
   */
  public static Outcome screen(Set<NoiseKind> kinds, double matchedBase, long matchedLetters,
      Unmatched unmatched, IntFunction<WordCode.Result> known, AlignmentRates rates,
      Supplier<AlignmentGraph> graph, BooleanSupplier cancelled) {
    double bits = matchedBase + matchedLetters * rates.transitionBits();
    long corrected = 0;
    long uncorrected = 0;
    WordCode code = null;
    for (int i = 0; i < unmatched.size(); i++) {
      if (cancelled.getAsBoolean()) {
        throw new CancellationException("scoring cancelled");
      }
      WordCode.Result r = known.apply(i);
      if (r == null) {
        if (code == null) {
          code = new WordCode(graph.get(), rates, kinds);
        }
        r = code.of(unmatched.symbols(i), unmatched.values(i),
            unmatched.valueBits(i, code.graph()), unmatched.letterBits(i),
            unmatched.explicitBits(i));
      }
      long w = unmatched.weight(i);
      bits += w * r.bits();
      if (r.status() == WordCode.Status.CORRECTED) {
        corrected += w;
      } else if (r.status() == WordCode.Status.UNCORRECTED) {
        uncorrected += w;
      }
    }
    return new Outcome(bits, rates, corrected, uncorrected, null, null);
  }

  static int index(NoiseKind k) {
    return switch (k) {
      case MISSING -> Aligner.MISSING;
      case SPURIOUS -> Aligner.SPURIOUS;
      case DUPLICATED -> Aligner.DUPLICATED;
      case SWAPPED -> Aligner.SWAPPED;
    };
  }
}
