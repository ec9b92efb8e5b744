package org.tadam.generator.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Letters drawn where no letter of a state is in place: those nearest their place (AutomatonModel.drawNearest). */
class NearestPlaceTest {

	/**
	 * A MySQL server's state after its greeting, merged from many: the client's login (edge 0, taken at letters 3 to
	 * 5), a field list (edge 1, 14 to 93) and a query (edge 2, 8 to 101). At letter 6, where a retransmitted SYN put
	 * the login, none is in place: the login is nearest, then the query; the field list never is.
	 */
	@Test
	void aLetterOutOfEveryPlaceIsTheNearestToItsOwn() {
		int r = AutomatonModel.PAYLOAD_REPLAY;
		AutomatonModel model = new AutomatonModel("t", AutomatonModel.TCP, 0, 0, 0, new int[] { 0, 3 },
				new int[] { 0, 0, 0 }, new double[] { 0.1, 0.5, 0.4 }, new int[] { r, r, r },
				new int[] { 0x18, 0x18, 0x18 }, new boolean[] { false, false, false }, new int[] { -1, -1, -1 },
				new double[15], new int[] { 3306 }, new PayloadPool[0]);
		model.letterPositions(new int[] { 3, 14, 8 }, new int[] { 5, 93, 101 });
		assertEquals(1, model.placeDistance(0, 6));
		assertEquals(8, model.placeDistance(1, 6));
		assertEquals(0, model.placeDistance(2, 9));
		assertEquals(3, model.placeDistance(0, 0), "before its place");
		assertEquals(1, model.placeDistance(1, 94), "after its place");
		Rng rng = new Rng(13);
		for (int i = 0; i < 100; i++) {
			assertEquals(0, model.drawNearest(0, 6, rng, e -> true, e -> true));
			assertEquals(2, model.drawNearest(0, 6, rng, e -> e != 0, e -> true), "the login not allowed: the query");
			assertEquals(2, model.drawNearest(0, 9, rng, e -> true, e -> true), "in place");
		}
		assertEquals(-1, model.drawNearest(0, 6, rng, e -> false, e -> true));
	}

	/**
	 * The server's greeting (edge 0, letters 3 to 5) and the client's login (edge 1, letters 7 to 9) are as near their
	 * place at letter 6: a connection that sent the greeting already sends the login, another either.
	 */
	@Test
	void amongLettersAsNearALetterNotSentYetComesFirst() {
		int r = AutomatonModel.PAYLOAD_REPLAY;
		AutomatonModel model = new AutomatonModel("t", AutomatonModel.TCP, 0, 0, 0, new int[] { 0, 2 },
				new int[] { 0, 0 }, new double[] { 0.5, 0.5 }, new int[] { r, r }, new int[] { 0x18, 0x18 },
				new boolean[] { true, false }, new int[] { -1, -1 }, new double[10], new int[] { 3306 }, new PayloadPool[0]);
		model.letterPositions(new int[] { 3, 7 }, new int[] { 5, 9 });
		Rng rng = new Rng(14);
		boolean[] drawn = new boolean[2];
		for (int i = 0; i < 100; i++) {
			assertEquals(1, model.drawNearest(0, 6, rng, e -> true, e -> e != 0));
			drawn[model.drawNearest(0, 6, rng, e -> true, e -> true)] = true;
		}
		assertTrue(drawn[0] && drawn[1]);
	}
}
