package org.tadam.generator.runtime;

/**
 * The length a connection aims at, drawn at its start: from the letters the model's unpinned training connections
 * had ({@link AutomatonModel#letterCounts}), or, for a pinned connection, between its variant's shortest and longest
 * ({@link VariantPins#lengths}), each alike. The walk ends no earlier where it can go on, and ends as soon as it can once it is
 * that long: a loop's rounds then follow the training connections' counts (one to four NTP polls, each about as
 * often) rather than a geometric law. One instance per thread.
 */
final class LengthTarget {
	/** The letter at which the connection should end; -1: no aim, the walk ends as it does. */
	private int target = -1;

	void start(AutomatonModel model, int pinned, Rng rng) {
		VariantPins pins = model.pins;
		if (pinned >= 0 && pins != null && pins.hasLengths(pinned)) {
			int lo = pins.shortest(pinned);
			int hi = pins.longest(pinned);
			target = hi > lo ? lo + rng.nextInt(hi - lo + 1) : lo;
		} else {
			// unpinned, or pinned to the column of the connections of no variant
			target = model.drawLetters(rng);
		}
	}

	/**
	 * Whether the training connections of {@code variant} had as many letters as the aim: a variant whose entry or pin
	 * a connection borrows keeps its length (a DNS flow of one query is not repinned to a flow of two). True without
	 * an aim or lengths.
	 */
	boolean suits(VariantPins pins, int variant) {
		return target < 0 || pins == null || !pins.hasLengths(variant)
				|| pins.shortest(variant) <= target && target <= pins.longest(variant);
	}

	/** The aim of a connection pinned anew to {@code variant}: kept when it suits the variant, else drawn for it. */
	void repin(AutomatonModel model, int variant, Rng rng) {
		if (target < 0 || !suits(model.pins, variant)) {
			start(model, variant, rng);
		}
	}

	/** No aim: the connection lost its pin's lengths, or the model has none. */
	void clear() {
		target = -1;
	}

	/** Whether taking {@code end} (the end letter, or another) at letter {@code letter} keeps to the aim. */
	boolean fits(int letter, boolean end) {
		return target < 0 || (end ? letter >= target : letter < target);
	}
}
