package org.tadam.learner.mdl;

/**
 * The pieces of L(D|A) that do not depend on the noise alignment (Part A §1.5.3): the add-½
 * smoothed transition code of a state, the floored value code, the explicit code of a letter, and
 * the three-way word-status code.
 */
public final class DataCodes {
  /**
   * Probability floor per value component for matched letters (Part B item 4, amended 2026-12-02:
   * 10^-3 per component, so 10^-6 for the [iat, size] cell). The reference's "fix for p = 0" was
   * 10^-3 for the whole cell, set for 1-D values.
   */
  public static final double PER_COMPONENT_FLOOR = 1e-3;
  /** The cell floor of the default [iat, size] values. */
  public static final double MATCHED_FLOOR = cellFloor(PER_COMPONENT_FLOOR, 2);

  private DataCodes() {
  }

  /** The floor of a d-dimensional cell: the per-component floor to the power d. */
  public static double cellFloor(double perComponent, int dimension) {
    return Math.pow(perComponent, dimension);
  }

  /** −Σ n_e log2 p̂(e) over the out-edges of a state, p̂(e) = (n_e + ½) / Σ (n_e' + ½). */
  public static double transitionBits(long[] counts) {
    double total = 0;
    for (long n : counts) {
      total += n + 0.5;
    }
    double bits = 0;
    for (long n : counts) {
      if (n > 0) {
        bits -= n * UniversalCode.log2((n + 0.5) / total);
      }
    }
    return bits;
  }

  /** −log2 max(P(v|e), floor): the value code of a matched letter (Part B: {@link #MATCHED_FLOOR}). */
  public static double matchedValueBits(double cellMass, double floor) {
    return -UniversalCode.log2(Math.max(cellMass, floor));
  }

  /**
   * −log2 P(v|e) without the floor: the value code of a re-emitted (duplicated) letter in a noise
   * alignment, judged by the law of the edge it repeats. The 10^-3 floor is for matched letters
   * only (Part A §1.5.3); a re-emission is not a matched letter, and flooring it capped at 10 bits
   * the price of explaining e.g. a retry 60 bins later as a duplicate of a letter whose law sits
   * at 0. A zero mass makes that alignment step impossible.
   */
  public static double reemittedValueBits(double cellMass) {
    return -UniversalCode.log2(cellMass);
  }

  /** Explicit encoding of a letter: its symbol uniformly, then each value with log*. */
  public static double explicitLetterBits(int alphabet, int[] values) {
    double bits = UniversalCode.log2(alphabet);
    for (int v : values) {
      bits += UniversalCode.bits(v);
    }
    return bits;
  }

  /**
   * Word-status code: with π = (matched + corrected) / N, matched and corrected words pay −log2 π
   * and uncorrected words −log2(1 − π).
   */
  public static double statusBits(long matched, long corrected, long uncorrected) {
    long n = matched + corrected + uncorrected;
    if (n == 0) {
      return 0;
    }
    double ok = (matched + corrected) / (double) n;
    double bits = 0;
    if (matched + corrected > 0) {
      bits -= (matched + corrected) * UniversalCode.log2(ok);
    }
    if (uncorrected > 0) {
      bits -= uncorrected * UniversalCode.log2(1 - ok);
    }
    return bits;
  }
}
