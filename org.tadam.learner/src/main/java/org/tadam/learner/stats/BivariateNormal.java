package org.tadam.learner.stats;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * The standard bivariate normal distribution function, after Genz's BVND (Drezner–Wesolowsky with
 * Genz's refinements, accurate to about 1e-15). Commons Math has no bivariate CDF, so the small
 * routine is ours; the Gauss–Legendre rules come from Commons Math.
 */
public final class BivariateNormal {
  private static final double TWO_PI = 2 * Math.PI;
  private static final GaussIntegrator[] RULES;

  static {
    GaussIntegratorFactory factory = new GaussIntegratorFactory();
    RULES = new GaussIntegrator[] {factory.legendre(6), factory.legendre(12), factory.legendre(20)};
  }

  private BivariateNormal() {
  }

  /**
   * Standard normal distribution function Φ(x), by Hart's algorithm 5666 as given by West (2005),
   * accurate to double precision and several times faster than Commons Math's erfc (which goes
   * through the incomplete gamma function); this is the innermost call of the value code.
   */
  public static double phi(double x) {
    double z = Math.abs(x);
    double c;
    if (z > 37) {
      c = 0;
    } else {
      double e = Math.exp(-z * z / 2);
      if (z < 7.07106781186547) {
        double n = 3.52624965998911E-02 * z + 0.700383064443688;
        n = n * z + 6.37396220353165;
        n = n * z + 33.912866078383;
        n = n * z + 112.079291497871;
        n = n * z + 221.213596169931;
        n = n * z + 220.206867912376;
        double d = 8.83883476483184E-02 * z + 1.75566716318264;
        d = d * z + 16.064177579207;
        d = d * z + 86.7807322029461;
        d = d * z + 296.564248779674;
        d = d * z + 637.333633378831;
        d = d * z + 793.826512519948;
        d = d * z + 440.413735824752;
        c = e * n / d;
      } else {
        double b = z + 0.65;
        b = z + 4 / b;
        b = z + 3 / b;
        b = z + 2 / b;
        b = z + 1 / b;
        c = e / b / 2.506628274631;
      }
    }
    return x > 0 ? 1 - c : c;
  }

  /** P(X ≤ x, Y ≤ y) for standard normals with correlation rho. */
  public static double cdf(double x, double y, double rho) {
    if (x == Double.NEGATIVE_INFINITY || y == Double.NEGATIVE_INFINITY) {
      return 0;
    }
    if (x == Double.POSITIVE_INFINITY) {
      return phi(y);
    }
    if (y == Double.POSITIVE_INFINITY) {
      return phi(x);
    }
    return Math.min(1, Math.max(0, upper(-x, -y, rho)));
  }

  /** P(X > h, Y > k) for standard normals with correlation r (Genz's BVND). */
  static double upper(double h, double k, double r) {
    if (r == 0) {
      return phi(-h) * phi(-k);
    }
    double ar = Math.abs(r);
    GaussIntegrator rule = ar < 0.3 ? RULES[0] : ar < 0.75 ? RULES[1] : RULES[2];
    double hk = h * k;
    double bvn = 0;
    if (ar < 0.925) {
      double hs = (h * h + k * k) / 2;
      double asr = Math.asin(r);
      for (int i = 0; i < rule.getNumberOfPoints(); i++) {
        double sn = Math.sin(asr * (rule.getPoint(i) + 1) / 2);
        bvn += rule.getWeight(i) * Math.exp((sn * hk - hs) / (1 - sn * sn));
      }
      return bvn * asr / (2 * TWO_PI) + phi(-h) * phi(-k);
    }
    if (r < 0) {
      k = -k;
      hk = -hk;
    }
    if (ar < 1) {
      double as = (1 - r) * (1 + r);
      double a = Math.sqrt(as);
      double bs = (h - k) * (h - k);
      double c = (4 - hk) / 8;
      double d = (12 - hk) / 16;
      bvn = a * Math.exp(-(bs / as + hk) / 2)
          * (1 - c * (bs - as) * (1 - d * bs / 5) / 3 + c * d * as * as / 5);
      if (hk > -160) {
        double b = Math.sqrt(bs);
        bvn -= Math.exp(-hk / 2) * Math.sqrt(TWO_PI) * phi(-b / a) * b
            * (1 - c * bs * (1 - d * bs / 5) / 3);
      }
      a /= 2;
      for (int i = 0; i < rule.getNumberOfPoints(); i++) {
        double xs = a * (rule.getPoint(i) + 1);
        xs *= xs;
        double rs = Math.sqrt(1 - xs);
        bvn += a * rule.getWeight(i) * (Math.exp(-bs / (2 * xs) - hk / (1 + rs)) / rs
            - Math.exp(-(bs / xs + hk) / 2) * (1 + c * xs * (1 + d * xs)));
      }
      bvn = -bvn / TWO_PI;
    }
    if (r > 0) {
      return bvn + phi(-Math.max(h, k));
    }
    return -bvn + Math.max(0, phi(-h) - phi(-k));
  }
}
