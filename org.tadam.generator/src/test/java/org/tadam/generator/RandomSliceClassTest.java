package org.tadam.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tadam.capture.payload.PayloadClassifier;
import org.tadam.generator.runtime.RandomBytes;
import org.tadam.generator.runtime.Rng;
import org.tadam.model.PayloadClass;

/**
 * The generator's O(1) randomness test of a slice of filler gives the learner's class of those bytes, so that the
 * slice drawn for a random letter is read back as random, and one for a replay letter as replay.
 */
class RandomSliceClassTest {

	@Test
	void theGeneratorsTestIsTheClassifiers() {
		RandomBytes filler = new RandomBytes(5);
		PayloadClassifier classifier = new PayloadClassifier();
		Rng rng = new Rng(6);
		int replay = 0;
		for (int i = 0; i < 20_000; i++) {
			int offset = 2 * rng.nextInt(1 << 19);
			int length = 5 + rng.nextInt(1460);
			PayloadClass c = classifier.classify(filler.block(), offset, length, length, false).payloadClass();
			if (c == PayloadClass.TEXT) {
				continue; // a short slice of printable bytes: never a random letter's in training either
			}
			assertEquals(c == PayloadClass.RANDOM, filler.looksRandom(offset, length), "offset " + offset + ", length " + length);
			replay += c == PayloadClass.REPLAY ? 1 : 0;
		}
		assertEquals(1000, replay, 150, "5 % of uniform slices fail the test");
	}
}
