package org.tadam.learner.stats;

/**
 * A 1- or 2-dimensional normal law over integer value vectors; the probability of a value is the
 * exact mass of its unit cell [v−½, v+½]^d (Part B item 4), for d = 2 by inclusion–exclusion over
 * the bivariate distribution function.
 */
public final class Gaussian {
  /** Variance floor of the reference implementation. */
  public static final double VARIANCE_FLOOR = 1e-6;

  private final double[] mean;
  private final double[] cov;
  private final double sd0;
  private final double sd1;
  private final double rho;

  /** @param cov upper triangle row by row (1 value for d = 1, 3 for d = 2) */
  public Gaussian(double[] mean, double[] cov) {
    if (mean.length < 1 || mean.length > 2 || cov.length != mean.length * (mean.length + 1) / 2) {
      throw new IllegalArgumentException("only 1- and 2-dimensional values are supported");
    }
    this.mean = mean.clone();
    this.cov = cov.clone();
    sd0 = Math.sqrt(Math.max(cov[0], VARIANCE_FLOOR));
    if (mean.length == 2) {
      sd1 = Math.sqrt(Math.max(cov[2], VARIANCE_FLOOR));
      double r = cov[1] / (sd0 * sd1);
      rho = Math.max(-1, Math.min(1, r));
    } else {
      sd1 = 1;
      rho = 0;
    }
  }

  /** Maximum-likelihood-style fit from sufficient statistics, as the reference does it. */
  public static Gaussian fit(ValueStats s) {
    int d = s.dimension();
    long n = s.count();
    double[] mean = new double[d];
    for (int i = 0; i < d; i++) {
      mean[i] = n == 0 ? 0 : s.sum(i) / (double) n;
    }
    double[] cov = new double[d * (d + 1) / 2];
    int k = 0;
    for (int i = 0; i < d; i++) {
      for (int j = i; j < d; j++) {
        double c;
        if (n <= 1) {
          c = i == j ? VARIANCE_FLOOR : 0;
        } else if (d == 1) {
          // d = 1: population variance, floored
          c = Math.max((s.sumProduct(0, 0) - s.sum(0) * (double) s.sum(0) / n) / n, VARIANCE_FLOOR);
        } else {
          // d > 1: sample covariance plus the floor on the diagonal
          c = (s.sumProduct(i, j) - s.sum(i) * (double) s.sum(j) / n) / (n - 1)
              + (i == j ? VARIANCE_FLOOR : 0);
        }
        cov[k++] = c;
      }
    }
    return new Gaussian(mean, cov);
  }

  public int dimension() {
    return mean.length;
  }

  public double[] mean() {
    return mean.clone();
  }

  /** Upper triangle of the covariance, row by row. */
  public double[] covariance() {
    return cov.clone();
  }

  /** Probability mass of the unit cell around the integer value v. */
  public double cellMass(int[] v) {
    if (mean.length == 1) {
      return interval(v[0], mean[0], sd0);
    }
    double l0 = (v[0] - 0.5 - mean[0]) / sd0;
    double u0 = (v[0] + 0.5 - mean[0]) / sd0;
    double l1 = (v[1] - 0.5 - mean[1]) / sd1;
    double u1 = (v[1] + 0.5 - mean[1]) / sd1;
    if (rho == 0) {
      return interval(v[0], mean[0], sd0) * interval(v[1], mean[1], sd1);
    }
    double r = rho;
    // reflect cells above the mean into the lower tail, where the distribution function is small
    // and the inclusion–exclusion does not cancel catastrophically
    if (l0 + u0 > 0) {
      double t = l0;
      l0 = -u0;
      u0 = -t;
      r = -r;
    }
    if (l1 + u1 > 0) {
      double t = l1;
      l1 = -u1;
      u1 = -t;
      r = -r;
    }
    double mass = BivariateNormal.cdf(u0, u1, r) - BivariateNormal.cdf(l0, u1, r)
        - BivariateNormal.cdf(u0, l1, r) + BivariateNormal.cdf(l0, l1, r);
    return Math.max(0, mass);
  }

  private static double interval(int v, double mu, double sd) {
    double l = (v - 0.5 - mu) / sd;
    double u = (v + 0.5 - mu) / sd;
    if (l + u > 0) {
      return Math.max(0, BivariateNormal.phi(-l) - BivariateNormal.phi(-u));
    }
    return Math.max(0, BivariateNormal.phi(u) - BivariateNormal.phi(l));
  }
}
