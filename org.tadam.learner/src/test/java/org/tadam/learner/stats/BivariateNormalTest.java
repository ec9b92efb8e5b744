package org.tadam.learner.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

/** The bivariate normal distribution function and unit-cell masses against numerical integration. */
class BivariateNormalTest {

  private static double density(double x, double y, double r) {
    double q = (x * x - 2 * r * x * y + y * y) / (1 - r * r);
    return Math.exp(-q / 2) / (2 * Math.PI * Math.sqrt(1 - r * r));
  }

  /** ∫∫ over [x0,x1]×[y0,y1] by nested adaptive Gauss–Legendre (Commons Math). */
  private static double integrate(double x0, double x1, double y0, double y1, double r) {
    IterativeLegendreGaussIntegrator outer = new IterativeLegendreGaussIntegrator(16, 1e-13, 1e-15);
    return outer.integrate(100_000, x -> {
      IterativeLegendreGaussIntegrator inner = new IterativeLegendreGaussIntegrator(16, 1e-13, 1e-15);
      return inner.integrate(100_000, y -> density(x, y, r), y0, y1);
    }, x0, x1);
  }

  @Test
  void phiMatchesCommonsMath() {
    for (double x = -38; x <= 38; x += 0.173) {
      double expected = 0.5 * Erf.erfc(-x / Math.sqrt(2));
      assertEquals(expected, BivariateNormal.phi(x), 1e-14 + 1e-12 * expected, "x=" + x);
    }
  }

  @Test
  void cdfMatchesNumericalIntegration() {
    double[] rhos = {-0.99, -0.95, -0.8, -0.5, -0.2, 0, 0.1, 0.3, 0.6, 0.9, 0.93, 0.99};
    double[][] points = {{0, 0}, {-1, 0.5}, {1.3, -0.7}, {2, 2}, {-2.5, -1}, {0.4, 3}};
    for (double r : rhos) {
      for (double[] p : points) {
        double expected = integrate(-12, p[0], -12, p[1], r);
        assertEquals(expected, BivariateNormal.cdf(p[0], p[1], r), 1e-9,
            "x=" + p[0] + " y=" + p[1] + " rho=" + r);
      }
    }
  }

  @Test
  void knownValues() {
    // P(X ≤ 0, Y ≤ 0) = 1/4 + asin(rho) / (2π)
    for (double r : new double[] {-0.9, -0.3, 0.5, 0.97}) {
      assertEquals(0.25 + Math.asin(r) / (2 * Math.PI), BivariateNormal.cdf(0, 0, r), 1e-14);
    }
  }

  @Test
  void unitCellMassIsTheIntegralOverTheCell() {
    double[][] cases = {
        // mean x, mean y, var x, cov, var y, value x, value y
        {10, 100, 4, 3, 25, 9, 103}, {10, 100, 4, -3, 25, 12, 96}, {30, 300, 8.6, -1.5, 1525, 31, 280},
        {0.2, 0.1, 0.5, 0.4, 0.5, 0, 0}, {5, 5, 1, 0.95, 1, 7, 7}, {5, 5, 1, 0, 1, 5, 6}};
    for (double[] c : cases) {
      Gaussian g = new Gaussian(new double[] {c[0], c[1]}, new double[] {c[2], c[3], c[4]});
      double sx = Math.sqrt(c[2]);
      double sy = Math.sqrt(c[4]);
      double r = c[3] / (sx * sy);
      double expected = integrate((c[5] - 0.5 - c[0]) / sx, (c[5] + 0.5 - c[0]) / sx,
          (c[6] - 0.5 - c[1]) / sy, (c[6] + 0.5 - c[1]) / sy, r);
      assertEquals(expected, g.cellMass(new int[] {(int) c[5], (int) c[6]}), 1e-9);
    }
  }

  @Test
  void cellMassesOfAllValuesSumToOne() {
    Gaussian g = new Gaussian(new double[] {3, 4}, new double[] {2, 1.2, 3});
    double sum = 0;
    for (int x = -20; x <= 30; x++) {
      for (int y = -20; y <= 30; y++) {
        sum += g.cellMass(new int[] {x, y});
      }
    }
    assertEquals(1, sum, 1e-10);
  }
}
