package org.tadam.generator.runtime;

/**
 * The per-packet draws of a walk through a scenario's automata: the edge a state takes, and the time before the
 * edge's packet. Two forms draw the same numbers from the same Rng, so they write the same bytes: the tables of
 * {@link AutomatonModel} ({@link TableWalk}, {@code --walk tables}), and the code {@code tadam compile} writes for
 * each model, one switch case per state and edge with its constants inlined (the default). The static helpers hold
 * the arithmetic both forms share.
 */
public abstract class Walk {

	/** Index of the edge taken from {@code state} of automaton {@code automaton}, -1 when the state has none. */
	public abstract int nextEdge(int automaton, int state, Rng rng);

	/** Nanoseconds before the packet of {@code edge}, which carries {@code payloadLength} bytes. */
	public abstract long iatNanos(int automaton, int edge, int payloadLength, Rng rng);

	/** The column of an alias table of {@code n} columns that 64 random bits pick (AliasTable.sample). */
	public static int column(long bits, int n) {
		return (int) (((bits >>> 32) * n) >>> 32);
	}

	/** The uniform number in [0, 1) that decides between a column and its alias (AliasTable.sample). */
	public static double uniform(long bits) {
		return (bits & 0xFFFFFFFFL) * 0x1.0p-32;
	}

	/** A payload length in decilog-bytes: round(10 log10(bytes)). */
	public static double decilogBytes(int length) {
		return Math.round(10 * Math.log10(Math.max(1, length)));
	}

	/**
	 * An inter-arrival time drawn from the Gaussian of mean {@code meanIat + slope * (size - meanSize)} and standard
	 * deviation {@code sd}, in the model's unit (AutomatonModel.IAT_*), converted to nanoseconds.
	 */
	public static long iat(int unit, double meanIat, double slope, double size, double meanSize, double sd, Rng rng) {
		return nanos(unit, meanIat + slope * (size - meanSize) + sd * rng.nextGaussian(), rng);
	}

	/**
	 * {@code size} within {@code [lo, hi]}: the sizes an edge learned (mean +- 3 sd), so that the gap drawn for a
	 * payload far outside them (an entry another letter's size made) does not follow the slope out to hours.
	 */
	public static double within(double size, double lo, double hi) {
		return Math.max(lo, Math.min(hi, size));
	}

	/** {@link #iat} of an edge whose time does not depend on the size (slope 0). */
	public static long iat(int unit, double meanIat, double sd, Rng rng) {
		return nanos(unit, meanIat + sd * rng.nextGaussian(), rng);
	}

	/**
	 * Nanoseconds of a value drawn from an edge's Gaussian, in the model's unit. Unless the model says its times are
	 * continuous, its values are whole cells (the learner rounds each time to its unit), and the Gaussian gives each
	 * cell its mass: the draw picks the cell it rounds to, and the time is drawn uniformly within that cell. The
	 * cell's centre alone gave every NTP client polling every 2.2 s (all in cell 63, 1.78 to 2.24 s) a poll every
	 * 1.995 s.
	 */
	static long nanos(int unit, double value, Rng rng) {
		if ((unit & AutomatonModel.IAT_CONTINUOUS) != 0) {
			// fitted on the times themselves (the model's values say continuous): the draw is one
			return nanos(unit & ~AutomatonModel.IAT_CONTINUOUS, value);
		}
		return nanos(unit, withinCell(value, rng));
	}

	/** A value drawn uniformly within the whole cell {@code value} rounds to: the learner's cells are whole units. */
	static double withinCell(double value, Rng rng) {
		return Math.rint(value) + rng.nextDouble() - 0.5;
	}

	/** Nanoseconds of an iat value in the model's unit. */
	static long nanos(int unit, double value) {
		double micros;
		switch (unit) {
			case AutomatonModel.IAT_DECILOG_MICROS:
				// 10 log10(µs): a Gaussian here is a log-normal on time; cap at 10 hours (value 106)
				micros = Math.exp(Math.min(value, 106) * (Math.log(10) / 10));
				break;
			case AutomatonModel.IAT_MILLIS:
				micros = Math.max(0, value) * 1000;
				break;
			default:
				micros = Math.max(0, value);
		}
		return (long) (micros * 1000);
	}

	/** The tables' draw, for states with too many edges for one method of compiled code. */
	public static int tableEdge(AutomatonModel model, int state, Rng rng) {
		return model.nextEdge(state, rng);
	}
}
