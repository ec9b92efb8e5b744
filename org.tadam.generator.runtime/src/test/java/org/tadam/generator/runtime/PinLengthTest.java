package org.tadam.generator.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tadam.generator.runtime.PayloadVariantsTest.variants;

import org.junit.jupiter.api.Test;

/** How long a pin holds while the walk keeps proposing letters its variant did not take (PayloadChoice.steered). */
class PinLengthTest {

	/**
	 * State 0 loops on edge 0 (variant 0's) or edge 1 (variant 1's), or ends. A connection pinned to variant 0, whose
	 * training connections had 20 letters, keeps its pin however often the walk proposes variant 1's loop before its
	 * 20th letter (a scripted SSH session through states merged from six scripts), and lets it go after 8 such letters
	 * past it (a loop whose exit the automaton merged away).
	 */
	@Test
	void aPinHoldsWithinItsVariantsLengthAndGivesWayAfterEightLettersPastIt() {
		int r = AutomatonModel.PAYLOAD_RANDOM;
		AutomatonModel model = new AutomatonModel("t", AutomatonModel.TCP, 0, 0, 0, new int[] { 0, 3 },
				new int[] { 0, 0, 0 }, new double[] { 0.45, 0.45, 0.1 }, new int[] { r, r, AutomatonModel.END },
				new int[] { 0x18, 0x18, 0 }, new boolean[] { false, false, false }, new int[] { -1, -1, -1 },
				new double[15], new int[] { 80 }, new PayloadPool[0]);
		model.pinnedVariants(new int[] { 1, 0 }, 0, new long[][] { variants(0), variants(1), variants(0, 1) });
		model.variantLengths(new int[] { 20, 5 }, new int[] { 20, 5 });
		PayloadChoice choice = new PayloadChoice();
		Rng rng = new Rng(12);
		choice.start(model, rng);
		assertEquals(0, choice.pinned());
		for (int letter = 0; letter < 20; letter++) {
			choice.keepVariant(model, 0, 1, letter, rng);
			assertEquals(0, choice.pinned(), "within the variant's length, letter " + letter);
		}
		for (int letter = 20; letter < 28; letter++) {
			choice.keepVariant(model, 0, 1, letter, rng);
			assertEquals(0, choice.pinned(), "letter " + letter);
		}
		choice.keepVariant(model, 0, 1, 28, rng);
		assertEquals(-1, choice.pinned(), "the ninth letter past it");
	}
}
