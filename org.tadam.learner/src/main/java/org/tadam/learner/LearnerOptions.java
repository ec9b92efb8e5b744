package org.tadam.learner;

import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import org.tadam.learner.mdl.DataCodes;
import org.tadam.learner.noise.NoiseKind;
import org.tadam.learner.search.ProgressListener;

/**
 * Options of {@link TadamLearner}.
 *
 * @param noise noise kinds the data cost may explain (default: all four)
 * @param init starting automaton (default: the symbol bigram automaton)
 * @param threads workers scoring candidates (default: available processors); the result does not
 *     depend on it
 * @param seed seed of the jitter before Gaussian-mixture fits (edge splits)
 * @param maxIterations at most this many operations are applied
 * @param deleteMaxFraction only edges used by at most this fraction of the words are tried for
 *     deletion (noise is rare; 1 tries all, as the reference)
 * @param valueFloor least probability per value component the value code of a matched letter
 *     assumes: the cell floor is its power d for d-dimensional values (default 10^-3, Part B as
 *     amended: 10^-6 for the [iat, size] cell); a wide law costs at most −log2(cell floor) bits a
 *     letter, whatever its fit, which hides value differences below the floor
 * @param exactCandidates the search screens every candidate with a cheap estimate (unmatched
 *     words keep their previous codes, only newly unmatched ones are aligned) and scores exactly
 *     this many at a time, best estimates first, until one lowers the cost; 0 scores every
 *     candidate exactly (the reference's search, many times slower)
 * @param minCoverage least share of the words (by weight) the automaton must keep parsing without
 *     noise operations: a deletion that would leave fewer is not a candidate (default
 *     {@link #DEFAULT_MIN_COVERAGE}); 0 lets the MDL trade any word for noise, as the reference
 * @param listener told about every applied operation
 */
public record LearnerOptions(Set<NoiseKind> noise, Init init, int threads, long seed,
    int maxIterations, double deleteMaxFraction, double valueFloor, int exactCandidates,
    double minCoverage, ProgressListener listener) {

  /** The starting automaton. */
  public enum Init {
    /** One state per symbol: the state after a letter depends on its symbol only. */
    BIGRAM,
    /** The prefix-tree acceptor of the words. */
    PREFIX
  }

  /** Candidates scored exactly per batch after screening (0: all, as the reference). */
  public static final int DEFAULT_EXACT_CANDIDATES = 8;

  /**
   * Share of the training words a model must parse without noise operations (issue #12). On real
   * captures the cheapest code leaves rare but genuine variants (a delayed ACK, one more record) to
   * the noise model; a generator then never writes them and the anomaly score flags them.
   */
  public static final double DEFAULT_MIN_COVERAGE = 0.95;

  /** How {@link #describe()} records the value floor (per component) of every model. */
  public static final String VALUE_FLOOR_KEY = "value-floor-per-component=";
  /** How models learned before the amended floor recorded a cell floor other than 10^-3. */
  public static final String LEGACY_CELL_FLOOR_KEY = "value-floor=";

  public LearnerOptions {
    noise = noise.isEmpty() ? EnumSet.noneOf(NoiseKind.class) : EnumSet.copyOf(noise);
    if (threads < 1 || maxIterations < 0 || exactCandidates < 0 || !(deleteMaxFraction >= 0 && deleteMaxFraction <= 1)) {
      throw new IllegalArgumentException("invalid learner options");
    }
    if (!(minCoverage >= 0 && minCoverage <= 1)) {
      throw new IllegalArgumentException("the coverage floor must be in [0, 1], got " + minCoverage);
    }
    if (!(valueFloor > 0 && valueFloor <= 1)) {
      throw new IllegalArgumentException("the value floor must be in (0, 1], got " + valueFloor);
    }
  }

  public static LearnerOptions defaults() {
    return new LearnerOptions(EnumSet.allOf(NoiseKind.class), Init.BIGRAM,
        Runtime.getRuntime().availableProcessors(), 42, 100_000, 0.25, DataCodes.PER_COMPONENT_FLOOR,
        DEFAULT_EXACT_CANDIDATES, DEFAULT_MIN_COVERAGE, ProgressListener.NONE);
  }

  public LearnerOptions withNoise(Set<NoiseKind> kinds) {
    return new LearnerOptions(kinds, init, threads, seed, maxIterations, deleteMaxFraction,
        valueFloor, exactCandidates, minCoverage, listener);
  }

  public LearnerOptions withInit(Init i) {
    return new LearnerOptions(noise, i, threads, seed, maxIterations, deleteMaxFraction,
        valueFloor, exactCandidates, minCoverage, listener);
  }

  public LearnerOptions withThreads(int n) {
    return new LearnerOptions(noise, init, n, seed, maxIterations, deleteMaxFraction,
        valueFloor, exactCandidates, minCoverage, listener);
  }

  public LearnerOptions withSeed(long s) {
    return new LearnerOptions(noise, init, threads, s, maxIterations, deleteMaxFraction,
        valueFloor, exactCandidates, minCoverage, listener);
  }

  public LearnerOptions withMaxIterations(int n) {
    return new LearnerOptions(noise, init, threads, seed, n, deleteMaxFraction,
        valueFloor, exactCandidates, minCoverage, listener);
  }

  public LearnerOptions withDeleteMaxFraction(double f) {
    return new LearnerOptions(noise, init, threads, seed, maxIterations, f,
        valueFloor, exactCandidates, minCoverage, listener);
  }

  public LearnerOptions withListener(ProgressListener l) {
    return new LearnerOptions(noise, init, threads, seed, maxIterations, deleteMaxFraction,
        valueFloor, exactCandidates, minCoverage, l);
  }

  public LearnerOptions withValueFloor(double floor) {
    return new LearnerOptions(noise, init, threads, seed, maxIterations, deleteMaxFraction, floor,
        exactCandidates, minCoverage, listener);
  }

  public LearnerOptions withExactCandidates(int n) {
    return new LearnerOptions(noise, init, threads, seed, maxIterations, deleteMaxFraction,
        valueFloor, n, minCoverage, listener);
  }

  public LearnerOptions withMinCoverage(double share) {
    return new LearnerOptions(noise, init, threads, seed, maxIterations, deleteMaxFraction,
        valueFloor, exactCandidates, share, listener);
  }

  /** What a model file records: everything that changes the result (not threads, not the listener). */
  public String describe() {
    TreeSet<String> kinds = new TreeSet<>();
    noise.forEach(k -> kinds.add(k.label()));
    return "init=" + init.name().toLowerCase(java.util.Locale.ROOT) + " noise="
        + (kinds.isEmpty() ? "none" : String.join(",", kinds)) + " seed=" + seed
        + " delete-max-fraction=" + deleteMaxFraction
        + (maxIterations < 100_000 ? " max-iterations=" + maxIterations : "")
        + (exactCandidates != DEFAULT_EXACT_CANDIDATES ? " exact-candidates=" + exactCandidates : "")
        + " min-coverage=" + minCoverage + " " + VALUE_FLOOR_KEY + valueFloor;
  }
}
