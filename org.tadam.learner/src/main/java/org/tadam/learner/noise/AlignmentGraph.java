package org.tadam.learner.noise;

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

  /** −log2 of the unit-cell probability of value v on the edge (floored). */
  double valueBits(int edge, int[] v);

  /**
   * −log2 of the unit-cell probability of a re-emitted (duplicated) letter's value v on the edge it
   * repeats; the learner's view does not floor it (the floor is for matched letters only).
   */
  default double reemittedValueBits(int edge, int[] v) {
    return valueBits(edge, v);
  }

  /** Edges carrying a symbol id (empty for an unknown symbol). */
  int[] edgesWithSymbol(int symbol);

  /** |Σ| for the explicit letter code. */
  int alphabetSize();
}
