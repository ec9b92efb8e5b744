package org.tadam.eval.anomaly.detect;

import java.util.List;
import java.util.Random;

/**
 * A discrete hidden Markov model trained by Baum–Welch: scaled forward–backward (Rabiner 1989,
 * section V.A), so that long connections do not underflow. Pseudo-counts added in each
 * re-estimation keep every probability positive (a MAP step under a flat Dirichlet prior; with
 * none it is plain maximum likelihood and the likelihood never decreases).
 */
public final class HiddenMarkovModel {
  private final int n;
  private final int m;
  private final double[] initial;
  private final double[][] transition;
  private final double[][] emission;

  private HiddenMarkovModel(double[] initial, double[][] transition, double[][] emission) {
    this.n = initial.length;
    this.m = emission[0].length;
    this.initial = initial;
    this.transition = transition;
    this.emission = emission;
  }

  /** A model with random, seeded, normalised parameters (all positive). */
  public static HiddenMarkovModel random(int states, int symbols, long seed) {
    Random r = new Random(seed);
    double[] pi = row(r, states);
    double[][] a = new double[states][];
    double[][] b = new double[states][];
    for (int i = 0; i < states; i++) {
      a[i] = row(r, states);
      b[i] = row(r, symbols);
    }
    return new HiddenMarkovModel(pi, a, b);
  }

  private static double[] row(Random r, int size) {
    double[] p = new double[size];
    double sum = 0;
    for (int i = 0; i < size; i++) {
      p[i] = 1 + r.nextDouble();
      sum += p[i];
    }
    for (int i = 0; i < size; i++) {
      p[i] /= sum;
    }
    return p;
  }

  /** log2 P(sequence) by the scaled forward pass. */
  public double log2Likelihood(int[] sequence) {
    return forward(sequence, new double[sequence.length][n], new double[sequence.length]);
  }

  /** Fills the scaled forward variables and scales; returns log2 P(sequence). */
  private double forward(int[] o, double[][] alpha, double[] scale) {
    double log = 0;
    for (int t = 0; t < o.length; t++) {
      double c = 0;
      for (int j = 0; j < n; j++) {
        double s;
        if (t == 0) {
          s = initial[j];
        } else {
          s = 0;
          for (int i = 0; i < n; i++) {
            s += alpha[t - 1][i] * transition[i][j];
          }
        }
        alpha[t][j] = s * emission[j][o[t]];
        c += alpha[t][j];
      }
      for (int j = 0; j < n; j++) {
        alpha[t][j] /= c;
      }
      scale[t] = c;
      log += Math.log(c);
    }
    return log / Math.log(2);
  }

  /**
   * One Baum–Welch re-estimation from weighted sequences.
   *
   * @param weights how many times each sequence occurs
   * @param pseudoCount added to every expected count before normalising (0: maximum likelihood)
   * @return the weighted log2-likelihood of the sequences under the parameters before the step
   */
  public double baumWelchStep(List<int[]> sequences, long[] weights, double pseudoCount) {
    double[] pi = new double[n];
    double[][] a = new double[n][n];
    double[][] b = new double[n][m];
    double total = 0;
    for (int s = 0; s < sequences.size(); s++) {
      int[] o = sequences.get(s);
      int len = o.length;
      double w = weights[s];
      double[][] alpha = new double[len][n];
      double[] scale = new double[len];
      total += w * forward(o, alpha, scale);
      double[] beta = new double[n];
      java.util.Arrays.fill(beta, 1);
      for (int t = len - 1; t >= 0; t--) {
        for (int i = 0; i < n; i++) {
          double g = alpha[t][i] * beta[i];
          b[i][o[t]] += w * g;
          if (t == 0) {
            pi[i] += w * g;
          }
        }
        if (t == 0) {
          break;
        }
        double[] previous = new double[n];
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < n; j++) {
            double f = transition[i][j] * emission[j][o[t]] * beta[j] / scale[t];
            a[i][j] += w * alpha[t - 1][i] * f;
            previous[i] += f;
          }
        }
        beta = previous;
      }
    }
    normalise(pi, initial, pseudoCount);
    for (int i = 0; i < n; i++) {
      normalise(a[i], transition[i], pseudoCount);
      normalise(b[i], emission[i], pseudoCount);
    }
    return total;
  }

  private static void normalise(double[] counts, double[] into, double pseudoCount) {
    double sum = 0;
    for (double c : counts) {
      sum += c + pseudoCount;
    }
    for (int k = 0; k < counts.length; k++) {
      into[k] = sum > 0 ? (counts[k] + pseudoCount) / sum : 1.0 / counts.length;
    }
  }
}
