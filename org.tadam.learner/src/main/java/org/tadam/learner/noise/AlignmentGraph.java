package org.tadam.learner.noise;

import java.util.Arrays;

import org.tadam.learner.mdl.DataCodes;

/**
 * A read-only, densely numbered view of an automaton for the noise alignment: states 0..n−1,
 * edges with source, target, symbol id, transition code −log2 p̂(e), and a value code.
 */
public interface AlignmentGraph {
  int states();

  int initial();

  int end();

  int edges();

  int source(int edge);

  int target(int edge);

  int symbol(int edge);

  /** −log2 p̂(e), the add-½ smoothed transition probability. */
  double transitionBits(int edge);

  /** Unit-cell probability of value v under the edge's law (1 for an edge without values). */
  double cellMass(int edge, int[] v);

  /** The least cell mass the value code of a matched letter assumes. */
  double valueFloor();

  /** −log2 max(P(v|e), floor), the value code of a letter the edge explains. */
  default double valueBits(int edge, int[] v) {
    return DataCodes.matchedValueBits(cellMass(edge, v), valueFloor());
  }

  /**
   * −log2 P(v|e) of a re-emitted (duplicated) letter's value v on the edge it repeats: not floored
   * (the floor is for matched letters only), in learning and in scoring alike.
   */
  default double reemittedValueBits(int edge, int[] v) {
    return DataCodes.reemittedValueBits(cellMass(edge, v));
  }

  /** Edges carrying a symbol id (empty for an unknown symbol). */
  int[] edgesWithSymbol(int symbol);

  /** |Σ| for the explicit letter code. */
  int alphabetSize();

  /**
   * Whether a path of the automaton spells the symbols into the end state, whatever the values:
   * the states reachable letter by letter. It does not depend on the rates.
   */
  default boolean parses(int[] symbols) {
    boolean[] cur = new boolean[states()];
    boolean[] next = new boolean[states()];
    cur[initial()] = true;
    for (int symbol : symbols) {
      if (symbol < 0) {
        return false;
      }
      Arrays.fill(next, false);
      boolean any = false;
      for (int e : edgesWithSymbol(symbol)) {
        if (cur[source(e)]) {
          next[target(e)] = true;
          any = true;
        }
      }
      if (!any) {
        return false;
      }
      boolean[] swap = cur;
      cur = next;
      next = swap;
    }
    return cur[end()];
  }
}
