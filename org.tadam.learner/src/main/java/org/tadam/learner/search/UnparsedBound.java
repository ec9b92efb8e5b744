package org.tadam.learner.search;

import java.util.Set;
import org.tadam.learner.automaton.Corpus;
import org.tadam.learner.automaton.LearnAutomaton;
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
   * Σ weight × bound over the unmatched words of a.
   *
   * @param letterBits explicit code of each letter of each corpus word
   * @param explicit explicit code of each corpus word
   */
  static double bits(LearnAutomaton a, AutomatonView view, Set<NoiseKind> kinds,
      double[][] letterBits, double[] explicit) {
    Corpus c = a.corpus();
    boolean duplicates = kinds.contains(NoiseKind.DUPLICATED);
    double total = 0;
    for (int w : a.unmatched()) {
      total += c.weight(w) * word(c, w, view, duplicates, letterBits[w], explicit[w]);
    }
    return total;
  }

  /** The bound of one word, with the explicit codes of its letters and of itself. */
  static double word(Corpus c, int w, AutomatonView view, boolean duplicates,
      double[] letterBits, double explicit) {
    int[] symbols = c.symbols(w);
    int[] seen = new int[c.alphabet().size()];
    // each edge's value codes for this word, looked up once for all its letters
    double[][] byEdge = new double[view.edges()][];
    double bound = 0;
    for (int l = 0; l < symbols.length; l++) {
      double least = NOISE_BITS + letterBits[l];
      if (duplicates && l > 0 && symbols[l - 1] == symbols[l]) {
        least = Math.min(least, NOISE_BITS);
      }
      int rank = seen[symbols[l]]++;
      for (int e : view.edgesWithSymbol(symbols[l])) {
        if (byEdge[e] == null) {
          byEdge[e] = view.wordValueBits(c, w, e);
        }
        least = Math.min(least, view.transitionBits(e) + byEdge[e][rank]);
      }
      bound += least;
    }
    return Math.min(bound, explicit);
  }
}
