package org.tadam.learner.noise;

/**
 * A lower bound of what an alignment still pays for the letters it has not consumed: each letter
 * is consumed by exactly one operation, which costs at least the least of a transition on an edge
 * with its symbol (c_tr + −log2 p̂(e) + its value code), a spurious letter (c_add + its explicit
 * code), a duplicate of the letter before (c_re; a re-emitted value code is at least 0) and half a
 * swap (c_inv / 2 + the value and transition code of the edge that emits it); missing letters
 * cost at least 0. {@link Aligner} drops the cells that cannot finish under a ceiling with it.
 */
final class RemainingBits {
  private RemainingBits() {
  }

  /**
   * Fills {@code suffix[l]} (l = 0 … len) with the bound for letters l … len − 1 (0 at len).
   *
   * @param tb transition code of each edge
   * @param cAdd cost of a spurious letter (+∞ when that kind is off), likewise cRe and cInv
   */
  static void fill(double[] suffix, int[] symbols, double[][] vb, double[] letterBits,
      AlignmentGraph g, double[] tb, double cTr, double cAdd, double cRe, double cInv) {
    int len = symbols.length;
    suffix[len] = 0;
    for (int l = len - 1; l >= 0; l--) {
      int[] edges = g.edgesWithSymbol(symbols[l]);
      double[] row = vb[l];
      double emit = Double.POSITIVE_INFINITY;
      for (int k = 0; k < edges.length; k++) {
        emit = Math.min(emit, tb[edges[k]] + row[k]);
      }
      double least = Math.min(cTr + emit, cInv / 2 + emit);
      least = Math.min(least, cAdd + letterBits[l]);
      if (l > 0 && symbols[l - 1] == symbols[l]) {
        least = Math.min(least, cRe);
      }
      suffix[l] = least + suffix[l + 1];
    }
  }
}
