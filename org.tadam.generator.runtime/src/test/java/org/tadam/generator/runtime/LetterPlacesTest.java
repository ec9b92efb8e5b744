package org.tadam.generator.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class LetterPlacesTest {

	/**
	 * One edge, taken by every connection at letters 3 to 17: variants 0 to 1 at 3 and at 9 to 11, variant 2 at 5 to
	 * 17; variant 3 names no letters of its own.
	 */
	private final LetterPlaces places = new LetterPlaces(new int[] { 3 }, new int[] { 17 },
			new int[][] { { 0, 1, 3, 3, 2, 2, 5, 17, 0, 1, 9, 11 } });

	private String letters(int variant) {
		return IntStream.rangeClosed(0, 20).filter(k -> places.inPlace(0, variant, k)).boxed().toList().toString();
	}

	@Test
	void aVariantTakesTheEdgeWithinAnyOfItsRunsOnly() {
		assertEquals("[3, 9, 10, 11]", letters(0));
		assertEquals("[3, 9, 10, 11]", letters(1));
		assertEquals("[5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]", letters(2));
	}

	@Test
	void aVariantWithoutRunsAndAnUnpinnedWalkKeepToTheEdgesOwnLetters() {
		String edge = "[3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]";
		assertEquals(edge, letters(3));
		assertEquals(edge, letters(-1));
	}
}
