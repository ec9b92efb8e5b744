package org.tadam.generator.runtime;

/**
 * Start times of connections: a Poisson process of the scenario's rate, made non-homogeneous by the optional
 * daily profile through thinning. Sequential and seeded on its own stream, so it is the same for every thread count.
 */
final class Arrivals {

	private static final long HOUR = 3_600_000_000_000L;

	private final Rng rng;
	private final double meanGapNanos;
	private final double[] acceptance;
	private final long startNanos;
	private double offset;

	Arrivals(GeneratorSettings settings) {
		rng = new Rng(Rng.mix(settings.seed, -1));
		startNanos = settings.startNanos;
		double[] profile = settings.profile;
		if (profile == null) {
			acceptance = null;
			meanGapNanos = 1e9 / settings.rate;
		} else {
			double max = 0;
			double sum = 0;
			for (double p : profile) {
				max = Math.max(max, p);
				sum += p;
			}
			double mean = sum / profile.length;
			acceptance = new double[profile.length];
			for (int h = 0; h < profile.length; h++) {
				acceptance[h] = profile[h] / max;
			}
			// candidates arrive at the peak rate; each is kept with the profile's relative rate of its hour
			meanGapNanos = 1e9 / (settings.rate * max / mean);
		}
	}

	/** The next start time in nanoseconds since the epoch. */
	long next() {
		while (true) {
			offset += rng.nextExponential(meanGapNanos);
			long time = startNanos + (long) offset;
			if (acceptance == null) {
				return time;
			}
			int hour = (int) Math.floorMod(Math.floorDiv(time, HOUR), 24L);
			if (rng.nextDouble() < acceptance[hour]) {
				return time;
			}
		}
	}
}
