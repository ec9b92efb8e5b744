package org.tadam.learner.mdl;

import org.tadam.learner.stats.Gaussian;

/**
 * L(A), the cost in bits of writing the automaton down (Part A §1.5.2): number of states, which is
 * initial and which accepting, the noise-operation probabilities and edge probabilities at
 * precision 0.01, and per edge its ends, symbol, mean and covariance triangle at precision 0.1.
 */
public final class ModelCost {
  public static final double PROBABILITY_PRECISION = 0.01;
  public static final double COVARIANCE_PRECISION = 0.1;
  /** Five noise operations (transition, missing, spurious, duplicated, swapped): four free values. */
  private static final int NOISE_PARAMETERS = 4;

  private ModelCost() {
  }

  /** The part of an edge's cost that depends on the edge alone: its distribution parameters. */
  public static double parameterBits(Gaussian g) {
    double bits = 0;
    for (double m : g.mean()) {
      bits += UniversalCode.bits((long) m);
    }
    for (double c : g.covariance()) {
      bits += UniversalCode.bits((long) (c / COVARIANCE_PRECISION));
    }
    return bits;
  }

  /**
   * @param states |Q| including the end state
   * @param edges |E|
   * @param alphabet |Σ| including the end letter
   * @param parameterBits sum of {@link #parameterBits} over the edges
   */
  public static double bits(int states, int edges, int alphabet, double parameterBits) {
    double logN = UniversalCode.log2(states);
    double probability = UniversalCode.log2(1 / PROBABILITY_PRECISION);
    return UniversalCode.bits(states) + 2 * logN + NOISE_PARAMETERS * probability
        + (edges + 1 - states) * probability
        + edges * (2 * logN + UniversalCode.log2(alphabet)) + parameterBits;
  }
}
