package org.tadam.fosr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.tadam.fosr.convert.ValueLaws;
import org.tadam.fosr.convert.ValueLaws.Moments;

/** The moment-matching formulas, checked against sampling (so a wrong formula cannot agree with itself). */
class ValueLawsTest {

	private static final int N = 400_000;

	@Test
	void logNormalMomentsMatchSamples() {
		Random random = new Random(42);
		double m = 30; // 1 ms
		double v = 9;
		double sum = 0;
		double sumSquares = 0;
		for (int i = 0; i < N; i++) {
			double x = Math.pow(10, (m + Math.sqrt(v) * random.nextGaussian()) / 10);
			sum += x;
			sumSquares += x * x;
		}
		double mean = sum / N;
		double variance = sumSquares / N - mean * mean;
		Moments exact = ValueLaws.linearFromDecilog(m, v);
		assertEquals(mean, exact.mean(), 0.01 * mean);
		assertEquals(variance, exact.variance(), 0.05 * variance);
	}

	@Test
	void linearAndDecilogMomentsAreInverse() {
		Moments d = ValueLaws.decilogFromLinear(1000, 500_000);
		Moments back = ValueLaws.linearFromDecilog(d.mean(), d.variance());
		assertEquals(1000, back.mean(), 1e-9);
		assertEquals(500_000, back.variance(), 1e-6);
		assertEquals(30, ValueLaws.decilogFromLinear(1000, 0).mean(), 1e-12, "no spread: the log of the mean");
		assertEquals(ValueLaws.VARIANCE_FLOOR, ValueLaws.decilogFromLinear(1000, 0).variance(), "variance floored");
		assertThrows(IllegalArgumentException.class, () -> ValueLaws.decilogFromLinear(0, 1));
	}

	@Test
	void covarianceThroughTheExponentialMatchesSamples() {
		Random random = new Random(7);
		double m = 25;
		double vd = 4;
		double vs = 100;
		double c = 12; // correlation 0.6
		double sx = 0;
		double ss = 0;
		double sxs = 0;
		for (int i = 0; i < N; i++) {
			double z1 = random.nextGaussian();
			double z2 = random.nextGaussian();
			double d = m + Math.sqrt(vd) * z1;
			double s = 50 + (c / Math.sqrt(vd)) * z1 + Math.sqrt(vs - c * c / vd) * z2;
			double x = Math.pow(10, d / 10);
			sx += x;
			ss += s;
			sxs += x * s;
		}
		double sampled = sxs / N - (sx / N) * (ss / N);
		double exact = ValueLaws.covarianceLogLinear(ValueLaws.linearFromDecilog(m, vd).mean(), c);
		assertEquals(sampled, exact, 0.03 * Math.abs(exact));
		assertEquals(c, ValueLaws.covarianceLinearLog(ValueLaws.linearFromDecilog(m, vd).mean(), exact), 1e-9);
	}

	@Test
	void gammaMomentsAndTheirInverse() {
		Moments g = ValueLaws.gamma(0.75, 1_000_000, 90_000);
		assertEquals(1_067_500, g.mean(), 1e-6);
		assertEquals(0.75 * 90_000.0 * 90_000.0, g.variance(), 1e-3);
		double[] shapeScale = ValueLaws.gammaShapeScale(new Moments(1000, 500_000));
		assertEquals(2, shapeScale[0], 1e-12);
		assertEquals(500, shapeScale[1], 1e-12);
	}
}
