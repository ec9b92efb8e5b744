package org.tadam.learner.noise;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.EnumSet;
import java.util.Set;
import org.tadam.learner.mdl.UniversalCode;
import org.tadam.model.TadamFactory;

/**
 * Per-letter probabilities of the five alignment operations: a genuine transition and the four
 * noise kinds, as the noise EM estimates them (not normalised between rounds). A disabled kind has
 * probability 0 (infinite cost). This is the learner's working form of the model's noise rates
 * ({@link org.tadam.model.NoiseRates}, the four noise kinds normalised); {@link #toModel} and
 * {@link #of} are the one conversion between the two.
 */
public record AlignmentRates(double transition, double missing, double spurious, double duplicated,
    double swapped) {
  private static final MathContext SIGNIFICANT = new MathContext(6);

  /** The reference's start: "assume 10 % noise", 0.9 for transitions, 0.025 per enabled kind. */
  public static AlignmentRates initial(Set<NoiseKind> enabled) {
    return new AlignmentRates(0.9, enabled.contains(NoiseKind.MISSING) ? 0.025 : 0,
        enabled.contains(NoiseKind.SPURIOUS) ? 0.025 : 0,
        enabled.contains(NoiseKind.DUPLICATED) ? 0.025 : 0,
        enabled.contains(NoiseKind.SWAPPED) ? 0.025 : 0);
  }

  /** The noise kinds these rates allow (a rate above 0): what a model's rates enable in scoring. */
  public Set<NoiseKind> enabled() {
    EnumSet<NoiseKind> kinds = EnumSet.noneOf(NoiseKind.class);
    if (missing > 0) {
      kinds.add(NoiseKind.MISSING);
    }
    if (spurious > 0) {
      kinds.add(NoiseKind.SPURIOUS);
    }
    if (duplicated > 0) {
      kinds.add(NoiseKind.DUPLICATED);
    }
    if (swapped > 0) {
      kinds.add(NoiseKind.SWAPPED);
    }
    return kinds;
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

  /** The model's noise rates: the four noise kinds of the rates renormalised, rounded to 6 significant digits. */
  public org.tadam.model.NoiseRates toModel() {
    AlignmentRates r = normalised();
    org.tadam.model.NoiseRates noise = TadamFactory.eINSTANCE.createNoiseRates();
    noise.setMissing(round(r.missing()));
    noise.setSpurious(round(r.spurious()));
    noise.setDuplicated(round(r.duplicated()));
    noise.setSwapped(round(r.swapped()));
    return noise;
  }

  /** The rates a model records (none: no noise); the transition takes what the noise kinds leave. */
  public static AlignmentRates of(org.tadam.model.NoiseRates noise) {
    if (noise == null) {
      return new AlignmentRates(1, 0, 0, 0, 0);
    }
    double ok = Math.max(0, 1 - noise.getMissing() - noise.getSpurious() - noise.getDuplicated() - noise.getSwapped());
    return new AlignmentRates(ok, noise.getMissing(), noise.getSpurious(), noise.getDuplicated(), noise.getSwapped());
  }

  private static double round(double x) {
    return x == 0 ? 0 : new BigDecimal(x).round(SIGNIFICANT).doubleValue();
  }

  /** The rates renormalised to sum to one (what a model file records). */
  public AlignmentRates normalised() {
    double s = transition + missing + spurious + duplicated + swapped;
    return new AlignmentRates(transition / s, missing / s, spurious / s, duplicated / s, swapped / s);
  }
}
