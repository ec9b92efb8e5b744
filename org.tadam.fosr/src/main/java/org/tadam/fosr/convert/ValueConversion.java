package org.tadam.fosr.convert;

import java.util.Locale;

import org.tadam.fosr.ConversionReport;
import org.tadam.fosr.ConversionReport.Topic;
import org.tadam.fosr.convert.ValueLaws.Moments;
import org.tadam.fosr.json.FosrLaw;
import org.tadam.fosr.json.JsonProblem;
import org.tadam.model.Gaussian;
import org.tadam.model.IatUnit;
import org.tadam.model.L4Protocol;
import org.tadam.model.SizeUnit;
import org.tadam.model.derived.Gaussians;
import org.tadam.model.derived.Units;

/**
 * An edge's value law from one side to the other, per edge, with a report line whenever the law changes family
 * (the formulas are in {@link ValueLaws}). A pure change of linear unit (µs ↔ ms) is exact and not reported per
 * edge.
 */
final class ValueConversion {

	private ValueConversion() {
	}

	/** The linear IAT unit of Fos-R generations 1–2, as their learner wrote it: ms for TCP, µs for UDP. */
	static IatUnit linearUnit(L4Protocol protocol) {
		return protocol == L4Protocol.UDP ? IatUnit.MICROS : IatUnit.MILLIS;
	}

	/** Decilog-µs mean and variance of a generation-3 IAT law. */
	static Moments decilogIat(FosrLaw law, String path, ConversionReport report) {
		if (law instanceof FosrLaw.Constant c) {
			if (c.value() < 1) {
				report.add(Topic.IAT_LAW, path, "constant IAT of " + num(c.value()) + " µs is below 1 µs, the smallest "
						+ "decilog-us value: held as decilog-us 0 (1 µs)");
			}
			return new Moments(10 * Math.log10(Math.max(1, c.value())), ValueLaws.VARIANCE_FLOOR);
		}
		FosrLaw.Gamma g = (FosrLaw.Gamma) law;
		Moments linear = ValueLaws.gamma(g.shape(), g.loc(), g.scale());
		if (!Double.isFinite(linear.mean()) || !Double.isFinite(linear.variance())) {
			throw new JsonProblem(path, "gamma law (shape " + g.shape() + ", scale " + g.scale()
					+ ") has no finite mean and variance");
		}
		double mean = linear.mean();
		if (mean < 1) {
			report.add(Topic.IAT_LAW, path, "gamma law with mean " + num(mean) + " µs: mean held as 1 µs (decilog-us 0)");
			mean = 1;
		}
		Moments d = ValueLaws.decilogFromLinear(mean, linear.variance());
		report.add(Topic.IAT_LAW, path, "gamma law (shape " + num(g.shape()) + ", loc " + num(g.loc()) + " µs, scale "
				+ num(g.scale()) + " µs) approximated by a log-normal with the same mean (" + time(mean)
				+ ") and standard deviation (" + time(Math.sqrt(linear.variance())) + "): decilog-us mean " + num(d.mean())
				+ ", variance " + num(d.variance()) + "; the gamma's shape and location are not kept");
		return d;
	}

	/**
	 * A model Gaussian as Fos-R's linear [IAT, size] Gaussian (generations 1–2), IAT in {@code target} (ms for TCP,
	 * µs for UDP), size in bytes. Copied verbatim when the model already uses these units.
	 */
	static FosrLaw.Gaussian linear(Gaussian g, IatUnit iatUnit, SizeUnit sizeUnit, IatUnit target, String path,
			String label, ConversionReport report) {
		double[][] cov = components(g, path, label, report);
		if (cov == null) {
			return new FosrLaw.Gaussian(new double[] { 0, 0 },
					new double[][] { { ValueLaws.VARIANCE_FLOOR, 0 }, { 0, ValueLaws.VARIANCE_FLOOR } });
		}
		double m0 = g.getMean().get(0);
		double m1 = g.getMean().size() > 1 ? g.getMean().get(1) : 0;
		if (iatUnit == target && sizeUnit == SizeUnit.BYTES) {
			return new FosrLaw.Gaussian(new double[] { m0, m1 }, cov);
		}
		double unit = micros(target);
		double iatMean; // µs
		double iatVariance;
		boolean iatLog = iatUnit == IatUnit.DECILOG_MICROS;
		boolean zero = iatLog && m0 <= 0 && ValueLaws.isConstant(cov[0][0]);
		if (zero) {
			// decilog 0 is every IAT up to 1 µs: Fos-R writes such (first-packet) IATs as 0
			iatMean = 0;
			iatVariance = 0;
		} else if (iatLog) {
			Moments m = ValueLaws.linearFromDecilog(m0, cov[0][0]);
			iatMean = m.mean();
			iatVariance = m.variance();
		} else {
			iatMean = m0 * micros(iatUnit);
			iatVariance = cov[0][0] * micros(iatUnit) * micros(iatUnit);
		}
		boolean sizeLog = sizeUnit == SizeUnit.DECILOG_BYTES;
		Moments size = sizeLog ? ValueLaws.linearFromDecilog(m1, cov[1][1]) : new Moments(m1, cov[1][1]);
		double c = cov[0][1];
		double covariance; // µs·bytes
		if (iatLog && sizeLog) {
			covariance = ValueLaws.covarianceLogLog(iatMean, size.mean(), c);
		} else if (iatLog) {
			covariance = ValueLaws.covarianceLogLinear(iatMean, c);
		} else if (sizeLog) {
			covariance = ValueLaws.covarianceLogLinear(size.mean(), c) * micros(iatUnit);
		} else {
			covariance = c * micros(iatUnit);
		}
		double v0 = Math.max(ValueLaws.VARIANCE_FLOOR, iatVariance / (unit * unit));
		double v1 = Math.max(ValueLaws.VARIANCE_FLOOR, size.variance());
		double c01 = covariance / unit;
		c01 = Math.copySign(Math.min(Math.abs(c01), Math.sqrt(v0 * v1)), c01);
		String unitName = target == IatUnit.MILLIS ? "ms" : "µs";
		if (zero) {
			report.add(Topic.IAT_LAW, path, label + ": IAT decilog-us " + num(m0) + " (at most 1 µs) written as 0 " + unitName);
		} else if (iatLog) {
			report.add(Topic.IAT_LAW, path, label + ": log-normal IAT law (decilog-us mean " + num(m0) + ", variance "
					+ num(cov[0][0]) + ") written as a Gaussian over linear " + unitName + " with the same mean ("
					+ time(iatMean) + ") and standard deviation (" + time(Math.sqrt(iatVariance)) + ")");
		}
		if (sizeLog) {
			report.add(Topic.SIZE_LAW, path, label + ": log-normal size law (decilog-bytes mean " + num(m1)
					+ ") written as a Gaussian over bytes with the same mean (" + num(size.mean()) + ") and variance");
		}
		return new FosrLaw.Gaussian(new double[] { iatMean / unit, size.mean() },
				new double[][] { { v0, c01 }, { c01, v1 } });
	}

	/**
	 * A model Gaussian's IAT component as a generation-3 law in µs: constant when its variance is the floor,
	 * otherwise the gamma law (loc 0) with the same mean and variance.
	 */
	static FosrLaw gen3(Gaussian g, IatUnit iatUnit, String path, String label, ConversionReport report) {
		double[][] cov = components(g, path, label, report);
		if (cov == null) {
			return new FosrLaw.Constant(0);
		}
		double m0 = g.getMean().get(0);
		if (ValueLaws.isConstant(cov[0][0])) {
			return new FosrLaw.Constant(iatUnit == IatUnit.DECILOG_MICROS ? Math.pow(10, m0 / 10) : m0 * micros(iatUnit));
		}
		Moments m = iatUnit == IatUnit.DECILOG_MICROS ? ValueLaws.linearFromDecilog(m0, cov[0][0])
				: new Moments(m0 * micros(iatUnit), cov[0][0] * micros(iatUnit) * micros(iatUnit));
		String from = iatUnit == IatUnit.DECILOG_MICROS
				? "log-normal IAT law (decilog-us mean " + num(m0) + ", variance " + num(cov[0][0]) + ")"
				: "Gaussian IAT law (mean " + time(m.mean()) + ", standard deviation " + time(Math.sqrt(m.variance())) + ")";
		if (!(m.mean() > 0)) {
			report.add(Topic.IAT_LAW, path, label + ": " + from + " has no positive mean: written as the constant 0 µs");
			return new FosrLaw.Constant(0);
		}
		double[] shapeScale = ValueLaws.gammaShapeScale(m);
		report.add(Topic.IAT_LAW, path, label + ": " + from + " written as a gamma law with the same mean ("
				+ time(m.mean()) + ") and standard deviation (" + time(Math.sqrt(m.variance())) + "): shape "
				+ num(shapeScale[0]) + ", scale " + time(shapeScale[1]) + ", loc 0");
		return new FosrLaw.Gamma(shapeScale[0], 0, shapeScale[1]);
	}

	/** The [iat, size] covariance block, or null (reported) when the edge has no usable distribution. */
	private static double[][] components(Gaussian g, String path, String label, ConversionReport report) {
		double[][] full = g == null || g.getMean().isEmpty() ? null : Gaussians.covarianceMatrix(g);
		if (full == null) {
			report.add(Topic.SIZE_LAW, path, label + ": no distribution: written as IAT 0 and size 0");
			return null;
		}
		int d = full.length;
		if (d > 2) {
			report.add(Topic.SIZE_LAW, path, label + ": " + (d - 2) + " value components beyond [iat, size] not written");
		}
		if (d == 1) {
			report.add(Topic.SIZE_LAW, path, label + ": no size component: written as size 0");
			return new double[][] { { full[0][0], 0 }, { 0, ValueLaws.VARIANCE_FLOOR } };
		}
		return new double[][] { { full[0][0], full[0][1] }, { full[1][0], full[1][1] } };
	}

	static double micros(IatUnit unit) {
		return Units.iatMicros(1, unit == IatUnit.DECILOG_MICROS ? IatUnit.MICROS : unit);
	}

	static String time(double micros) {
		return micros < 0 ? "-" + Units.duration(-micros, " ") : Units.duration(micros, " ");
	}

	/** Four significant digits without trailing zeros: 0.7397, 1.5e+06, 1000. */
	static String num(double x) {
		String s = String.format(Locale.ROOT, "%.4g", x);
		int e = s.indexOf('e');
		String mantissa = e < 0 ? s : s.substring(0, e);
		if (mantissa.contains(".")) {
			mantissa = mantissa.replaceAll("0+$", "");
			if (mantissa.endsWith(".")) {
				mantissa = mantissa.substring(0, mantissa.length() - 1);
			}
		}
		return mantissa + (e < 0 ? "" : s.substring(e));
	}
}
