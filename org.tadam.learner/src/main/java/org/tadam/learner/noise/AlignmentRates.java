package org.tadam.learner.noise;

import java.util.Set;
import org.tadam.learner.mdl.UniversalCode;

/**
 * Per-letter probabilities of the five alignment operations: a genuine transition and the four
 * noise kinds. A disabled kind has probability 0 (infinite cost).
 */
public record NoiseRates(double transition, double missing, double spurious, double duplicated,
    double swapped) {

  /** The reference's start: "assume 10 % noise", 0.9 for transitions, 0.025 per enabled kind. */
  public static NoiseRates initial(Set<NoiseKind> enabled) {
    return new NoiseRates(0.9, enabled.contains(NoiseKind.MISSING) ? 0.025 : 0,
        enabled.contains(NoiseKind.SPURIOUS) ? 0.025 : 0,
        enabled.contains(NoiseKind.DUPLICATED) ? 0.025 : 0,
        enabled.contains(NoiseKind.SWAPPED) ? 0.025 : 0);
  }

  public double bits(double p) {
    return p <= 0 ? Double.POSITIVE_INFINITY : -UniversalCode.log2(p);
  }

  public double transitionBits() {
    return bits(transition);
  }

  public double missingBits() {
    return bits(missing);
  }

  public double spuriousBits() {
    return bits(spurious);
  }

  public double duplicatedBits() {
    return bits(duplicated);
  }

  public double swappedBits() {
    return bits(swapped);
  }

  /** The rates renormalised to sum to one (what a model file records). */
  public NoiseRates normalised() {
    double s = transition + missing + spurious + duplicated + swapped;
    return new NoiseRates(transition / s, missing / s, spurious / s, duplicated / s, swapped / s);
  }
}
