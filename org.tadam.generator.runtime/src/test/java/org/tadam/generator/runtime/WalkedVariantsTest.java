package org.tadam.generator.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tadam.generator.runtime.PayloadVariantsTest.pool;
import static org.tadam.generator.runtime.PayloadVariantsTest.variants;

import org.junit.jupiter.api.Test;

/**
 * The variants that took a walk's letters (WalkedVariants): what a pool without the connection's own entry draws
 * from, and what chooses among parallel edges the pin leaves free (ParallelEdges).
 */
class WalkedVariantsTest {

	/**
	 * Variants 0 and 1 are one script, 2 and 3 another: a client's hello (edge 0, which 0 and 1 took) and a server's
	 * hello (edge 1, which all four took; its pool kept the entries of variants 1 and 3 only). A connection pinned to
	 * variant 0 finds no server hello of its own: it draws the one of the variant that took its letters too, and is
	 * pinned anew to it, never to the other script's (a loopback TLS client of one page got the other page's response).
	 * Unpinned and before any letter, both are drawn.
	 */
	@Test
	void aPoolWithoutTheVariantsEntryDrawsAmongTheVariantsThatTookTheWalksLetters() {
		int r = AutomatonModel.PAYLOAD_REPLAY;
		PayloadPool clients = pool(new int[] { 5, 6 }, new long[][] { variants(0), variants(2) });
		PayloadPool servers = pool(new int[] { 7, 8 }, new long[][] { variants(1), variants(3) });
		AutomatonModel model = new AutomatonModel("t", AutomatonModel.TCP, 0, 0, 0, new int[] { 0, 3, 3 },
				new int[] { 0, 0, 1 }, new double[] { 0.5, 0.4, 0.1 }, new int[] { r, r, AutomatonModel.END },
				new int[] { 0x18, 0x18, 0 }, new boolean[] { false, true, false }, new int[] { 0, 1, -1 },
				new double[15], new int[] { 80 }, new PayloadPool[] { clients, servers });
		model.pinnedVariants(new int[] { 1, 0, 0, 0 }, 0,
				new long[][] { variants(0, 1), variants(0, 1, 2, 3), variants(0, 1, 2, 3) });
		PayloadChoice choice = new PayloadChoice();
		Rng rng = new Rng(9);
		for (int c = 0; c < 50; c++) {
			choice.start(model, rng);
			choice.took(model, 0);
			assertEquals(0, choice.entry(clients, rng), "the pinned variant's own hello");
			choice.took(model, 1);
			assertEquals(0, choice.entry(servers, rng), "the server hello of variant 1, which took the client's letter");
			assertEquals(1, choice.pinned());
		}
		boolean[] drawn = new boolean[2];
		for (int c = 0; c < 50; c++) {
			choice.start();
			drawn[choice.entry(servers, rng)] = true;
		}
		assertTrue(drawn[0] && drawn[1], "without letters of variants, either server hello");
	}

	/**
	 * The server pool kept the entries of variant 1, whose connections had 2 letters as variant 0's, and variant 2,
	 * whose connections had 4: a connection pinned to variant 0 borrows variant 1's, and is pinned anew to it (a DNS
	 * flow of one query borrowing the answer of a flow of two went on to a second query).
	 */
	@Test
	void aBorrowedEntryComesFromAVariantOfTheLengthTheConnectionAimsAt() {
		int r = AutomatonModel.PAYLOAD_REPLAY;
		PayloadPool clients = pool(new int[] { 5 }, new long[][] { variants(0) });
		PayloadPool servers = pool(new int[] { 7, 8 }, new long[][] { variants(2), variants(1) });
		AutomatonModel model = new AutomatonModel("t", AutomatonModel.TCP, 0, 0, 0, new int[] { 0, 3, 3 },
				new int[] { 0, 0, 1 }, new double[] { 0.5, 0.4, 0.1 }, new int[] { r, r, AutomatonModel.END },
				new int[] { 0x18, 0x18, 0 }, new boolean[] { false, true, false }, new int[] { 0, 1, -1 },
				new double[15], new int[] { 80 }, new PayloadPool[] { clients, servers });
		model.pinnedVariants(new int[] { 1, 0, 0 }, 0, new long[][] { variants(0, 1, 2), variants(0, 1, 2), {} });
		model.variantLengths(new int[] { 2, 2, 4 }, new int[] { 2, 2, 4 });
		PayloadChoice choice = new PayloadChoice();
		Rng rng = new Rng(11);
		for (int c = 0; c < 50; c++) {
			choice.start(model, rng);
			choice.took(model, 0);
			assertEquals(0, choice.entry(clients, rng));
			choice.took(model, 1);
			assertEquals(1, choice.entry(servers, rng), "the entry of variant 1, whose connections had 2 letters");
			assertEquals(1, choice.pinned());
		}
	}

	/**
	 * The variants that took every letter of a walk: a letter names its own, the set keeps those it holds, and a letter
	 * none of them took leaves it as it was.
	 */
	/** Whether an entry of {@code variants} was sent by a variant of {@code walked}. */
	private static boolean meets(WalkedVariants walked, long[] variants) {
		return walked.meets(variants, v -> true);
	}

	@Test
	void theWalkedVariantsKeepThoseThatTookEveryLetter() {
		WalkedVariants walked = new WalkedVariants();
		assertFalse(walked.narrowed());
		assertTrue(meets(walked, variants(70)));
		walked.took(new long[0]);
		assertFalse(walked.narrowed(), "a letter every variant took names none");
		walked.took(variants(1, 2, 70));
		walked.took(variants(2, 3, 70));
		assertTrue(meets(walked, variants(2)) && meets(walked, variants(70)));
		assertFalse(meets(walked, variants(1)) || meets(walked, variants(3)));
		walked.took(variants(5));
		assertTrue(meets(walked, variants(2)), "a letter of other variants leaves the set");
		walked.took(variants(2));
		assertFalse(meets(walked, variants(70)));
		assertEquals(0, walked.word(1));
		walked.reset();
		assertTrue(meets(walked, variants(1)));
	}

	/**
	 * Two scripts, variants 0 and 1 and variants 2 and 3, each send a request and a reply of their own on parallel
	 * edges (0 or 1 into state 1, then 2 or 3 into state 2); variant 4, a combination that gathered connections of
	 * both, took all four. A walk that sent the first script's request takes its reply, pinned to variant 4 or
	 * unpinned; a walk pinned to variant 0 keeps to its own edges.
	 */
	@Test
	void aWalkThePinLeavesFreeAmongParallelEdgesTakesTheRepliesOfTheVariantsThatTookItsLetters() {
		int r = AutomatonModel.PAYLOAD_RANDOM;
		AutomatonModel model = new AutomatonModel("t", AutomatonModel.TCP, 0, 0, 0, new int[] { 0, 2, 4, 5 },
				new int[] { 1, 1, 2, 2, 2 }, new double[] { 0.5, 0.5, 0.5, 0.5, 1 }, new int[] { r, r, r, r, AutomatonModel.END },
				new int[] { 0x18, 0x18, 0x18, 0x18, 0 }, new boolean[] { false, false, true, true, false },
				new int[] { -1, -1, -1, -1, -1 }, new double[25], new int[] { 80 }, new PayloadPool[0]);
		model.pinnedVariants(new int[] { 1, 1, 1, 1, 4 }, 0,
				new long[][] { variants(0, 1, 4), variants(2, 3, 4), variants(0, 1, 4), variants(2, 3, 4), {} });
		PayloadChoice choice = new PayloadChoice();
		Rng rng = new Rng(10);
		int[] pinned = new int[5];
		for (int c = 0; c < 200; c++) {
			choice.start(model, rng);
			int variant = choice.pinned();
			pinned[variant]++;
			int request = choice.keepVariant(model, 0, c % 2, 0, rng);
			choice.took(model, request);
			int reply = choice.keepVariant(model, 1, 2 + (c / 2) % 2, 1, rng);
			assertEquals(request + 2, reply, "the reply of the script of request " + request + ", pinned to " + variant);
			if (variant < 4) {
				assertEquals(variant < 2 ? 0 : 1, request, "a pinned walk keeps to its variant's edges");
			}
			choice.start();
			choice.took(model, c % 2);
			assertEquals(c % 2 + 2, choice.keepVariant(model, 1, 2 + (c / 2) % 2, 1, rng), "unpinned");
		}
		assertTrue(pinned[4] > 50, "pinned to the combination of both scripts: " + pinned[4]);
	}
}
