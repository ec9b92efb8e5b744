package org.tadam.learner.search;

import java.util.List;
import java.util.Set;
import org.tadam.learner.automaton.Corpus;
import org.tadam.learner.noise.AlignmentGraph;
import org.tadam.learner.noise.NoiseKind;

/**
 * A lower bound of what the noise EM charges the words an automaton does not parse, whatever rates
 * its rounds use, computed without aligning: it lets the search drop a candidate whose exact cost
 * could not beat the current one without running the EM.
 *
 * <p>Every observed letter of an alignment is consumed by one operation, and every rate the EM
 * uses makes a noise operation cost at least 2 bits (the 75 % floor of transitions leaves each
 * noise kind at most 1/4) and a transition at least 0 bits. So letter l costs at least the least of:
 * a transition, tb(e) + vb(l, e) over the edges e with its symbol (also half of a swap, which pays
 * that for both its letters and 2 bits more); a spurious letter, 2 bits + its explicit code; a
 * duplicate of the letter before (same symbol), 2 bits. Missing letters cost at least 0. A word
 * then costs at least the least of the sum over its letters and its explicit code (the codes it
 * can be charged: exact path, alignment, explicit). The bound is in real arithmetic; the search
 * compares it with a margin well above rounding.
 */
final class UnparsedBound {
  /** Least cost of any noise operation under any rates the EM estimates. */
  private static final double NOISE_BITS = 2;

  private UnparsedBound() {
  }

  /**
   * Σ weight × bound over the words.
   *
   * @param words the unmatched words of the view's automaton
   * @param valueBits each word's value codes ({@link AutomatonView#valueBits}), in the order of words
   * @param letterBits explicit code of each letter of each corpus word
   * @param explicit explicit code of each corpus word
   */
  static double bits(Corpus c, List<Integer> words, double[][][] valueBits, AutomatonView view,
      Set<NoiseKind> kinds, double[][] letterBits, double[] explicit) {
    boolean duplicates = kinds.contains(NoiseKind.DUPLICATED);
    double total = 0;
    for (int i = 0; i < words.size(); i++) {
      int w = words.get(i);
      total += c.weight(w) * word(c.symbols(w), valueBits[i], view, duplicates, letterBits[w], explicit[w]);
    }
    return total;
  }

  /**
   * The bound of one word, from its symbols, its value codes ({@link AutomatonView#valueBits}: per
   * letter, on each edge with its symbol) and the explicit codes of its letters and of itself.
   */
  static double word(int[] symbols, double[][] valueBits, AlignmentGraph view, boolean duplicates,
      double[] letterBits, double explicit) {
    double bound = 0;
    for (int l = 0; l < symbols.length; l++) {
      double least = NOISE_BITS + letterBits[l];
      if (duplicates && l > 0 && symbols[l - 1] == symbols[l]) {
        least = Math.min(least, NOISE_BITS);
      }
      int[] edges = view.edgesWithSymbol(symbols[l]);
      double[] row = valueBits[l];
      for (int k = 0; k < edges.length; k++) {
        least = Math.min(least, view.transitionBits(edges[k]) + row[k]);
      }
      bound += least;
    }
    return Math.min(bound, explicit);
  }
}
