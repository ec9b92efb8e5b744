package org.tadam.learner.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.distribution.MixtureMultivariateNormalDistribution;
import org.apache.commons.math3.distribution.MultivariateNormalDistribution;
import org.apache.commons.math3.distribution.fitting.MultivariateNormalMixtureExpectationMaximization;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.util.Pair;
import org.tadam.learner.stats.ValueStats;

/**
 * How an edge's values would split: a Gaussian mixture with k = 1..4 components fitted by
 * Commons Math's EM on the values jittered uniformly within their unit cells (seeded), k chosen
 * by BIC (stopping at the first k that does not lower it); each distinct value goes to its most
 * probable component. A function of the value multiset only, so proposals can be cached.
 */
public final class MixtureProposal {
  public static final int MAX_COMPONENTS = 4;
  /** Values are subsampled (deterministically, by weight) to at most this many points. */
  public static final int MAX_POINTS = 500;
  private static final int EM_ITERATIONS = 100;
  private static final double EM_THRESHOLD = 1e-4;

  private MixtureProposal() {
  }

  /**
   * Component index of each distinct value (in {@link ValueStats#forEach} order), or null when one
   * component is best or the fit fails.
   */
  public static int[] assign(ValueStats stats, long seed) {
    return assign(fit(stats, seed), stats);
  }

  /** The BIC-best mixture of the values, or null when one component is best or fitting fails. */
  public static MixtureMultivariateNormalDistribution fit(ValueStats stats, long seed) {
    if (stats.dimension() != 2 || stats.distinct() < 2) {
      return null;
    }
    List<int[]> distinct = new ArrayList<>();
    List<Long> weights = new ArrayList<>();
    stats.collect(distinct, weights);
    long total = stats.count();
    double scale = total > MAX_POINTS ? MAX_POINTS / (double) total : 1;
    Random jitter = new Random(seed);
    List<double[]> points = new ArrayList<>();
    for (int i = 0; i < distinct.size(); i++) {
      long copies = Math.max(1, Math.round(weights.get(i) * scale));
      for (long c = 0; c < copies; c++) {
        int[] v = distinct.get(i);
        points.add(new double[] {v[0] + jitter.nextDouble() - 0.5, v[1] + jitter.nextDouble() - 0.5});
      }
    }
    double[][] data = points.toArray(new double[0][]);
    int n = data.length;
    double bestBic = Double.POSITIVE_INFINITY;
    MixtureMultivariateNormalDistribution best = null;
    int bestK = 1;
    for (int k = 1; k <= Math.min(MAX_COMPONENTS, distinct.size()); k++) {
      if (n < 3 * k) {
        break;
      }
      try {
        MultivariateNormalMixtureExpectationMaximization em =
            new MultivariateNormalMixtureExpectationMaximization(data);
        em.fit(MultivariateNormalMixtureExpectationMaximization.estimate(data, k), EM_ITERATIONS,
            EM_THRESHOLD);
        double parameters = k * (2 + 3) + (k - 1);
        double bic = -2 * n * em.getLogLikelihood() + parameters * Math.log(n);
        if (!(bic < bestBic)) {
          // BIC grew: more components will not pay either
          break;
        }
        bestBic = bic;
        best = em.getFittedModel();
        bestK = k;
      } catch (MathIllegalArgumentException | MathIllegalStateException e) {
        // a degenerate fit for this k: keep trying larger ones
      }
    }
    return best == null || bestK == 1 ? null : best;
  }

  /** Component of each distinct value under a fitted mixture, or null when fewer than two are used. */
  public static int[] assign(MixtureMultivariateNormalDistribution best, ValueStats stats) {
    if (best == null) {
      return null;
    }
    List<int[]> distinct = new ArrayList<>();
    stats.forEach((v, w) -> distinct.add(v));
    List<Pair<Double, MultivariateNormalDistribution>> components = best.getComponents();
    int[] assignment = new int[distinct.size()];
    boolean[] used = new boolean[components.size()];
    for (int i = 0; i < distinct.size(); i++) {
      double[] x = {distinct.get(i)[0], distinct.get(i)[1]};
      int arg = 0;
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < components.size(); c++) {
        double p = components.get(c).getFirst() * components.get(c).getSecond().density(x);
        if (p > max) {
          max = p;
          arg = c;
        }
      }
      assignment[i] = arg;
      used[arg] = true;
    }
    int groups = 0;
    for (boolean u : used) {
      groups += u ? 1 : 0;
    }
    if (groups < 2) {
      return null;
    }
    // number groups by first appearance so group 0 holds the smallest value
    int[] order = new int[components.size()];
    java.util.Arrays.fill(order, -1);
    int next = 0;
    for (int i = 0; i < assignment.length; i++) {
      int c = assignment[i];
      if (order[c] < 0) {
        order[c] = next++;
      }
      assignment[i] = order[c];
    }
    return assignment;
  }
}
