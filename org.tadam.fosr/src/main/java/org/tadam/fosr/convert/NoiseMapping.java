package org.tadam.fosr.convert;

import org.tadam.fosr.ConversionReport;
import org.tadam.fosr.ConversionReport.Topic;
import org.tadam.fosr.FosrGeneration;
import org.tadam.fosr.json.FosrModel.FosrNoise;
import org.tadam.model.NoiseRates;
import org.tadam.model.TadamFactory;

/**
 * Noise rates: Fos-R's (TADAM's Python names) deletion, addition, reemission, transposition are TADAM's missing,
 * spurious, duplicated and swapped packets. The no-noise rate is derived (1 minus the others) in TADAM, and
 * generation 3's substitution has no counterpart.
 */
final class NoiseMapping {

	private NoiseMapping() {
	}

	static NoiseRates toModel(FosrNoise n, FosrGeneration generation, ConversionReport report) {
		boolean gen3 = generation == FosrGeneration.GEN3;
		String object = gen3 ? "$.statistics" : "$.noise";
		NoiseRates rates = TadamFactory.eINSTANCE.createNoiseRates();
		rates.setMissing(n.deletion());
		rates.setSpurious(n.addition());
		rates.setDuplicated(n.reemission());
		rates.setSwapped(n.transposition());
		double substitution = n.substitution() == null ? 0 : n.substitution();
		double derived = 1 - n.deletion() - n.addition() - n.reemission() - n.transposition();
		if (substitution > 0) {
			report.add(Topic.NOISE, object, "substitution rate " + ValueConversion.num(substitution)
					+ " has no TADAM counterpart (missing, spurious, duplicated, swapped): not imported; the no-noise rate "
					+ "becomes " + ValueConversion.num(derived));
		} else if (gen3 && n.substitution() == null) {
			report.add(Topic.NOISE, object, "no substitution rate: written back as 0");
		}
		if (Math.abs(n.none() + substitution - derived) > 1e-6) {
			report.add(Topic.NOISE, object + (gen3 ? ".no_noise" : ".none"), ValueConversion.num(n.none())
					+ " is not 1 minus the other rates: TADAM derives it, and writes back " + ValueConversion.num(derived));
		}
		return rates;
	}

	static FosrNoise toFosr(NoiseRates rates, FosrGeneration generation, ConversionReport report) {
		boolean gen3 = generation == FosrGeneration.GEN3;
		if (rates == null) {
			report.add(Topic.NOISE, gen3 ? "$.statistics" : "$.noise", "the model has no noise rates: written as no noise");
			return new FosrNoise(1, 0, 0, 0, 0, gen3 ? 0.0 : null);
		}
		double none = 1 - rates.getMissing() - rates.getSpurious() - rates.getDuplicated() - rates.getSwapped();
		return new FosrNoise(none, rates.getMissing(), rates.getDuplicated(), rates.getSwapped(), rates.getSpurious(),
				gen3 ? 0.0 : null);
	}
}
