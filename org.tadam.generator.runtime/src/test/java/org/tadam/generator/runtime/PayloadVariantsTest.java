package org.tadam.generator.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.channels.Channels;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Pool entries of one connection stay in one variant. The model: a CONNECT of version 4 (10 bytes) or 5 (11
 * bytes); its answer on two parallel edges, the version-4 one drawn 80 % of the time (4 bytes) and the version-5
 * one (5 or 6 bytes, one per training connection); then a PUBLISH of version 4 (7 bytes) or 5 (8 bytes, kept
 * from one training connection only). Payloads are told apart by their lengths.
 */
class PayloadVariantsTest {

	private static final int CONNECTIONS = 2000;

	static long[] variants(int... numbers) {
		BitSet set = new BitSet();
		for (int n : numbers) {
			set.set(n);
		}
		return set.toLongArray();
	}

	/**
	 * State 0 with a loop that sends a replayed payload of {@code sent} (probability {@code loop}) and the end (the
	 * rest); state 1 ends.
	 */
	private static AutomatonModel loopOrEnd(int protocol, double loop, PayloadPool sent) {
		return new AutomatonModel("t", protocol, 0, 0, 0, new int[] { 0, 2, 2 }, new int[] { 0, 1 },
				new double[] { loop, 1 - loop }, new int[] { AutomatonModel.PAYLOAD_REPLAY, AutomatonModel.END },
				new int[] { protocol == AutomatonModel.TCP ? 0x18 : 0, 0 }, new boolean[] { false, false },
				new int[] { 0, -1 }, new double[10], new int[] { 80 }, new PayloadPool[] { sent });
	}

	static PayloadPool pool(int[] lengths, long[][] variants) {
		byte[][] strings = new byte[lengths.length][];
		int[] weights = new int[lengths.length];
		for (int i = 0; i < lengths.length; i++) {
			strings[i] = new byte[lengths[i]];
			java.util.Arrays.fill(strings[i], (byte) ('a' + i));
			weights[i] = 1;
		}
		return variants == null ? PayloadPool.ofStrings(weights, strings) : PayloadPool.ofStrings(weights, strings, variants);
	}

	static ScenarioModel scenario(boolean withVariants) {
		return scenario(withVariants, null);
	}

	/** @param pins the variant weights connections start pinned on (unpinned weight 0), null: none */
	static ScenarioModel scenario(boolean withVariants, int[] pins) {
		int[] firstEdge = { 0, 1, 2, 3, 4, 6, 7, 8, 8 };
		int[] target = { 1, 2, 3, 4, 5, 5, 6, 7 };
		double[] probability = { 1, 1, 1, 1, 0.8, 0.2, 1, 1 };
		int r = AutomatonModel.PAYLOAD_REPLAY;
		int[] payload = { 0, 0, 0, r, r, r, r, AutomatonModel.END };
		int[] flags = { 0x02, 0x12, 0x10, 0x18, 0x18, 0x18, 0x18, 0 };
		boolean[] backward = { false, true, false, false, true, true, false, false };
		int[] edgePool = { -1, -1, -1, 0, 1, 2, 3, -1 };
		double[] distribution = new double[5 * target.length];
		for (int e = 0; e < target.length; e++) {
			distribution[5 * e] = 20;
			distribution[5 * e + 2] = 1;
		}
		PayloadPool[] pools = {
				pool(new int[] { 10, 11 }, withVariants ? new long[][] { variants(0, 1), variants(2, 3) } : null),
				pool(new int[] { 4 }, withVariants ? new long[][] { variants(0, 1) } : null),
				pool(new int[] { 5, 6 }, withVariants ? new long[][] { variants(2), variants(3) } : null),
				pool(new int[] { 7, 8 }, withVariants ? new long[][] { variants(0, 1), variants(3) } : null) };
		AutomatonModel model = new AutomatonModel("mqtt", AutomatonModel.TCP, 0, 0, 0, firstEdge, target, probability,
				payload, flags, backward, edgePool, distribution, new int[] { 1883 }, pools);
		if (pins != null) {
			model.pinnedVariants(pins, 0);
		}
		AddressPool clients = new AddressPool(new byte[][] { { 10, 0, 0, 0 } }, new int[] { 8 }, new byte[0][], 64);
		AddressPool servers = new AddressPool(new byte[][] { { (byte) 192, 0, 2, 0 } }, new int[] { 24 }, new byte[0][], 57);
		return new ScenarioModel("mqtt", new AutomatonModel[] { model }, new double[] { 1 }, new int[][] { { 1883 } },
				clients, servers);
	}

	/** Per connection its three payload lengths: CONNECT, answer, PUBLISH. */
	private static List<int[]> generate(boolean withVariants, int threads) throws Exception {
		return generate(scenario(withVariants), threads);
	}

	private static List<int[]> generate(ScenarioModel scenario, int threads) throws Exception {
		GeneratorSettings settings = TcpRepairTest.settings(threads);
		settings.connections = CONNECTIONS;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new TrafficGenerator(scenario, settings).run(Channels.newChannel(out));
		Map<String, List<Segments>> connections = Segments.connections(Segments.read(out.toByteArray()));
		assertEquals(CONNECTIONS, connections.size());
		return connections.values().stream()
				.map(c -> c.stream().filter(p -> p.payload() > 0).mapToInt(Segments::payload).toArray()).toList();
	}

	@Test
	void aConnectionKeepsTheVariantOfItsFirstPayload() throws Exception {
		int version5 = 0;
		for (int[] lengths : generate(true, 2)) {
			assertEquals(3, lengths.length);
			boolean v5 = lengths[0] == 11;
			version5 += v5 ? 1 : 0;
			assertEquals(v5, lengths[1] == 5 || lengths[1] == 6, "the answer follows the CONNECT's version");
			// a version-5 answer from the training connection whose PUBLISH was not kept: the draw backs off to
			// "version 5" and still finds the version-5 PUBLISH
			assertEquals(v5 ? 8 : 7, lengths[2], "the PUBLISH follows the CONNECT's version");
		}
		assertEquals(CONNECTIONS / 2, version5, CONNECTIONS / 10);
	}

	/**
	 * Pinned on weights 1, 1, 0, 8: four connections in five follow variant 3 throughout (CONNECT v5, the answer of
	 * that training connection, 6 bytes, and its PUBLISH), where unpinned ones split evenly between the versions and
	 * answer v5 with 5 or 6 bytes alike.
	 */
	@Test
	void aPinnedConnectionFollowsTheVariantDrawnOnTheWeights() throws Exception {
		int version5 = 0;
		for (int[] lengths : generate(scenario(true, new int[] { 1, 1, 0, 8 }), 2)) {
			boolean v5 = lengths[0] == 11;
			version5 += v5 ? 1 : 0;
			assertEquals(v5 ? 6 : 4, lengths[1], "variant 2 weighs nothing: a v5 answer is variant 3's");
			assertEquals(v5 ? 8 : 7, lengths[2]);
		}
		assertEquals(CONNECTIONS * 8 / 10, version5, CONNECTIONS / 20);
	}

	/**
	 * Pinned on weights 1, 1, 0, 8, a run of 163 connections pins 130 or 131 of them to variant 3 (StratifiedDraw),
	 * where independent draws give 130 give or take 10.
	 */
	@Test
	void aRunsConnectionsComeInTheVariantsProportions() throws Exception {
		ScenarioModel scenario = scenario(true, new int[] { 1, 1, 0, 8 });
		for (long seed : new long[] { 1, 2, 3 }) {
			GeneratorSettings settings = TcpRepairTest.settings(2);
			settings.connections = 163;
			settings.seed = seed;
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			new TrafficGenerator(scenario, settings).run(Channels.newChannel(out));
			long version5 = Segments.connections(Segments.read(out.toByteArray())).values().stream()
					.filter(c -> c.stream().anyMatch(p -> p.payload() == 11)).count();
			assertEquals(163 * 0.8, version5, 1, "seed " + seed);
		}
	}

	@Test
	void theSameBytesWhateverTheThreadCount() throws Exception {
		byte[][] runs = new byte[2][];
		for (int threads = 1; threads <= 2; threads++) {
			GeneratorSettings settings = TcpRepairTest.settings(threads);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			new TrafficGenerator(scenario(true), settings).run(Channels.newChannel(out));
			runs[threads - 1] = out.toByteArray();
		}
		org.junit.jupiter.api.Assertions.assertArrayEquals(runs[0], runs[1]);
	}

	@Test
	void withoutVariantsTheDrawsAreIndependent() throws Exception {
		long mixed = generate(false, 1).stream().filter(l -> (l[0] == 11) != (l[2] == 8)).count();
		assertTrue(mixed > CONNECTIONS / 4, "mixed versions: " + mixed);
	}

	@Test
	void aPayloadNoNarrowedSetHoldsGivesWayToAnotherLetterOfTheState() {
		// state 0: a pooled replay letter of variant 1, a bare ACK, the end; the connection is in variant 0
		int r = AutomatonModel.PAYLOAD_REPLAY;
		PayloadPool other = pool(new int[] { 3 }, new long[][] { variants(1) });
		PayloadPool sent = pool(new int[] { 2 }, new long[][] { variants(0) });
		AutomatonModel model = new AutomatonModel("t", AutomatonModel.TCP, 0, 0, 0, new int[] { 0, 3, 3 },
				new int[] { 1, 1, 1 }, new double[] { 0.8, 0.1, 0.1 }, new int[] { r, 0, AutomatonModel.END },
				new int[] { 0x18, 0x10, 0 }, new boolean[] { false, false, false }, new int[] { 0, -1, -1 },
				new double[15], new int[] { 80 }, new PayloadPool[] { other, sent });
		PayloadChoice choice = new PayloadChoice();
		Rng rng = new Rng(5);
		choice.start();
		assertEquals(0, choice.keepVariant(model, 0, 0, 0, rng), "nothing narrowed yet: the walk's letter");
		choice.entry(sent, rng);
		for (int i = 0; i < 50; i++) {
			assertEquals(1, choice.keepVariant(model, 0, 0, 0, rng), "the ACK, never the end");
		}
		// the ACK was taken at letters 5 to 9 only: at letter 0 the walk keeps its letter, at 6 it gives way. (A TLS
		// server's data loop, whose payloads agreed where its exits' did not, was taken instead of every exit, far
		// past the one place it had been taken, up to the packet cap.)
		model.letterPositions(new int[] { -1, 5, -1 }, new int[] { -1, 9, -1 });
		assertEquals(0, choice.keepVariant(model, 0, 0, 0, rng), "the ACK is not in place at letter 0");
		assertEquals(1, choice.keepVariant(model, 0, 0, 6, rng), "in place at letter 6");
	}

	/**
	 * A key exchange offer pins the connection to variant 0; the next pool holds only variant 1's entry, drawn after
	 * backing off; the packet lengths that follow still come from variant 0, the pin the back-off left in place.
	 */
	@Test
	void aDrawAfterBackingOffKeepsThePinForTheLengthsThatFollow() {
		PayloadPool offers = pool(new int[] { 10, 11 }, new long[][] { variants(0), variants(1) });
		PayloadPool elsewhere = pool(new int[] { 3 }, new long[][] { variants(1) });
		PayloadPool lengths = PayloadPool.ofLengths(new int[] { 1, 1 }, new int[] { 64, 44 },
				new long[][] { variants(0), variants(1) }, null, -1, 0, 0);
		PayloadChoice choice = new PayloadChoice();
		Rng rng = new Rng(11);
		int aes = 0;
		for (int c = 0; c < 200; c++) {
			choice.start();
			int offer = choice.entry(offers, rng);
			assertEquals(0, choice.entry(elsewhere, rng));
			int expected = offer == 0 ? 64 : 44;
			for (int k = 0; k < 5; k++) {
				assertEquals(expected, lengths.length(choice.entry(lengths, rng)), "lengths follow the offer");
			}
			aes += offer == 0 ? 1 : 0;
		}
		assertEquals(100, aes, 30);
	}

	/** A DNS flow's second query, drawn after backing off, gets its own answer, not the first query's. */
	@Test
	void aMessageDrawnAfterBackingOffStartsItsExchangeOver() {
		PayloadPool firstQueries = pool(new int[] { 30 }, new long[][] { variants(0) });
		PayloadPool secondQueries = pool(new int[] { 31 }, new long[][] { variants(1) });
		PayloadPool answers = pool(new int[] { 40, 41 }, new long[][] { variants(0), variants(1) });
		PayloadChoice choice = new PayloadChoice();
		Rng rng = new Rng(2);
		for (int c = 0; c < 50; c++) {
			choice.start();
			choice.entry(firstQueries, rng);
			assertEquals(0, choice.entry(answers, rng), "the first query's answer");
			choice.entry(secondQueries, rng);
			assertEquals(1, choice.entry(answers, rng), "the second query's answer");
		}
	}

	@Test
	void randomLengthsWithoutVariantsAreDrawnOnTheirWeights() {
		PayloadPool lengths = PayloadPool.ofLengths(new int[] { 3, 1 }, new int[] { 64, 44 });
		PayloadChoice choice = new PayloadChoice();
		Rng rng = new Rng(3);
		choice.start();
		choice.entry(pool(new int[] { 10 }, new long[][] { variants(0) }), rng);
		int long64 = 0;
		for (int k = 0; k < 4000; k++) {
			long64 += lengths.length(choice.entry(lengths, rng)) == 64 ? 1 : 0;
		}
		assertEquals(3000, long64, 150);
	}

	/**
	 * State 0 has three letters: a bare ACK only variant 1 took (probability 0.8), a pooled letter of variant 0, and
	 * the end, which every variant took. A connection pinned to variant 0 never takes the ACK; unpinned, it does.
	 */
	@Test
	void aPinnedWalkKeepsToTheLettersItsVariantTook() {
		int r = AutomatonModel.PAYLOAD_REPLAY;
		PayloadPool sent = pool(new int[] { 2 }, new long[][] { variants(0) });
		AutomatonModel model = new AutomatonModel("t", AutomatonModel.TCP, 0, 0, 0, new int[] { 0, 3, 3 },
				new int[] { 1, 1, 1 }, new double[] { 0.8, 0.1, 0.1 }, new int[] { 0, r, AutomatonModel.END },
				new int[] { 0x10, 0x18, 0 }, new boolean[] { false, false, false }, new int[] { -1, 0, -1 },
				new double[15], new int[] { 80 }, new PayloadPool[] { sent });
		model.pinnedVariants(new int[] { 1, 0 }, 0, new long[][] { variants(1), variants(0), {} });
		PayloadChoice choice = new PayloadChoice();
		Rng rng = new Rng(9);
		int[] taken = new int[3];
		for (int c = 0; c < 1000; c++) {
			choice.start(model, rng);
			taken[choice.keepVariant(model, 0, 0, 0, rng)]++;
		}
		assertEquals(0, taken[0], "variant 0 never took the ACK");
		assertEquals(500, taken[1], 60);
		choice.start();
		assertEquals(0, choice.keepVariant(model, 0, 0, 0, rng), "unpinned: the walk's letter");
		// the pooled letter was taken from letter 5 on only: steering at letter 0 takes the end, never it
		model.letterPositions(new int[] { -1, 5, -1 }, new int[] { -1, 9, -1 });
		for (int c = 0; c < 100; c++) {
			choice.start(model, rng);
			assertEquals(2, choice.keepVariant(model, 0, 0, 0, rng));
		}
	}

	/**
	 * State 0 has a loop only variant 1 took (probability 0.1) and an exit every variant took (0.9); nine training
	 * connections were of variant 0, one of variant 1. The loop's one count is all variant 1's, the exit's nine over
	 * ten connections, 0.9 of them variant 1's: a connection pinned to variant 1 loops with probability 0.1 / (0.1 +
	 * 0.09), not 0.1, and one pinned to variant 0 never does.
	 */
	@Test
	void aPinnedWalkTakesItsVariantsLettersAtTheirOwnRate() {
		AutomatonModel model = loopOrEnd(AutomatonModel.TCP, 0.1, pool(new int[] { 1 }, new long[][] { variants(1) }));
		model.pinnedVariants(new int[] { 9, 1 }, 0, new long[][] { variants(1), {} });
		PayloadChoice choice = new PayloadChoice();
		Rng rng = new Rng(5);
		int[][] taken = new int[2][2];
		for (int c = 0; c < 20000; c++) {
			choice.start(model, rng);
			int variant = choice.pinned();
			// the walk drew the exit, as it does nine times in ten
			taken[variant][choice.keepVariant(model, 0, 1, 0, rng)]++;
		}
		assertEquals(0, taken[0][0], "variant 0 never took the loop");
		double loops = (double) taken[1][0] / (taken[1][0] + taken[1][1]);
		assertEquals(0.1 / 0.19, loops, 0.05, "variant 1 loops at its own rate");
		// a stack could not send the loop's letter now: the redraw keeps to the end
		for (int c = 0; c < 200; c++) {
			choice.start(model, rng);
			assertEquals(1, choice.keepVariant(model, 0, 1, 0, rng, e -> e != 0));
		}
	}

	/**
	 * Entries 0 and 1 share variant 0, sent at letter 3 and at 5 to 7; entry 2 is of variant 1 at letter 3. A
	 * connection draws in place while its variants have an entry there, anywhere else otherwise; the same draws from
	 * a pool without variants.
	 */
	@Test
	void anEntryIsDrawnWhereTrainingConnectionsSentIt() {
		int[] places = { 3, 3, 5, 7, 3, 3 };
		byte[][] strings = { { 'r' }, { 'i' }, { 'x' } };
		PayloadPool pool = PayloadPool.ofStrings(new int[] { 1, 1, 1 }, strings, new long[][] { variants(0), variants(0),
				variants(1) }, places);
		PayloadChoice choice = new PayloadChoice();
		Rng rng = new Rng(3);
		for (int c = 0; c < 200; c++) {
			choice.start();
			int first = choice.entry(pool, 3, rng);
			if (first == 0) {
				assertEquals(1, choice.entry(pool, 6, rng), "the target after the redirect");
			}
			assertTrue(choice.entry(pool, 12, rng) != 2 || first == 2, "no place at 12: any entry of the variant");
		}
		PayloadPool plain = PayloadPool.ofStrings(new int[] { 1, 1, 1 }, strings, null, places);
		for (int c = 0; c < 200; c++) {
			assertEquals(1, choice.entry(plain, 5, rng));
			assertTrue(choice.entry(plain, 4, rng) >= 0);
		}
	}

	/**
	 * State 0 has a loop (a request and its answer in one letter, for the test) and the end, at even odds; the one
	 * variant's training connections all had four letters: a pinned connection loops up to letter 3 and ends at 4.
	 */
	@Test
	void aPinnedWalkEndsWhenItsVariantsConnectionsEnded() {
		PayloadPool sent = pool(new int[] { 1 }, new long[][] { variants(0) });
		AutomatonModel model = loopOrEnd(AutomatonModel.UDP, 0.5, sent);
		model.pinnedVariants(new int[] { 1 }, 0, new long[][] { {}, {} }).variantLengths(new int[] { 4 }, new int[] { 4 });
		PayloadChoice choice = new PayloadChoice();
		Rng rng = new Rng(11);
		for (int c = 0; c < 100; c++) {
			choice.start(model, rng);
			for (int letter = 0; letter < 4; letter++) {
				assertEquals(0, choice.keepVariant(model, 0, 1, letter, rng), "no end before letter 4");
			}
			assertEquals(1, choice.keepVariant(model, 0, 0, 4, rng), "the end at letter 4");
		}
		// unpinned, with letter counts: half the training connections had two letters, half four
		AutomatonModel counted = loopOrEnd(AutomatonModel.UDP, 0.5, sent).letterCounts(new int[] { 1, 1 }, new int[] { 2, 4 }, new int[] { 2, 4 });
		int[] ended = new int[8];
		for (int c = 0; c < 2000; c++) {
			choice.start(counted, rng);
			int letter = 0;
			while (choice.keepVariant(counted, 0, counted.nextEdge(0, rng), letter, rng) == 0 && letter < 7) {
				letter++;
			}
			ended[letter]++;
		}
		assertEquals(2000, ended[2] + ended[4], java.util.Arrays.toString(ended));
		assertEquals(1000, ended[2], 100);
		// connections of no variant are pinned to the column after the last variant: they aim on the counts too
		counted.pinnedVariants(new int[] { 0 }, 1, new long[][] { {}, {} });
		for (int c = 0; c < 200; c++) {
			choice.start(counted, rng);
			assertEquals(1, choice.pinned(), "the unpinned column");
			int letter = 0;
			while (choice.keepVariant(counted, 0, counted.nextEdge(0, rng), letter, rng) == 0 && letter < 7) {
				letter++;
			}
			assertTrue(letter == 2 || letter == 4, "ended at " + letter);
		}
	}

	/**
	 * State 0 has a loop and the end, every variant took both: variant 0's connections looped at letters 0 and 1 and
	 * ended at 2, variant 1's looped up to letter 3 and ended at 4. On the edges' own places, letter 2 may loop or end
	 * whatever the pin; on the variants' places, a connection pinned to 0 ends there and one pinned to 1 loops on.
	 */
	@Test
	void aPinnedWalkKeepsToItsVariantsOwnPlaces() {
		AutomatonModel model = loopOrEnd(AutomatonModel.UDP, 0.5, pool(new int[] { 1 }, new long[][] { variants(0, 1) }));
		model.letterPositions(new int[] { 0, 2 }, new int[] { 3, 4 });
		model.pinnedVariants(new int[] { 1, 1 }, 0, new long[][] { {}, {} });
		PayloadChoice choice = new PayloadChoice();
		Rng rng = new Rng(17);
		int[][] atTwo = new int[2][2];
		for (int c = 0; c < 400; c++) {
			choice.start(model, rng);
			atTwo[choice.pinned()][choice.keepVariant(model, 0, model.nextEdge(0, rng), 2, rng)]++;
		}
		assertTrue(atTwo[0][0] > 50 && atTwo[0][1] > 50, "both in place for variant 0: " + atTwo[0][0] + "/" + atTwo[0][1]);
		model.variantPlaces(new int[][] { { 0, 0, 0, 1, 1, 1, 0, 3 }, { 0, 0, 2, 2, 1, 1, 4, 4 } });
		for (int c = 0; c < 400; c++) {
			choice.start(model, rng);
			int variant = choice.pinned();
			int edge = choice.keepVariant(model, 0, model.nextEdge(0, rng), 2, rng);
			assertEquals(variant == 0 ? 1 : 0, edge, "variant " + variant + " at letter 2");
			assertTrue(model.inPlace(edge, variant, 2));
		}
		assertTrue(model.inPlace(0, -1, 2) && model.inPlace(1, -1, 2), "unpinned: the edges' own places");
	}

	/**
	 * A pool that kept only variant 1's message (its cap dropped variant 0's): a connection pinned to variant 0, or to
	 * the column of the connections of no variant, sends variant 1's and is pinned to variant 1 from then on, so its
	 * walk follows the training connection whose message it sent.
	 */
	@Test
	void aMessageOfAnotherVariantPinsTheConnectionToIt() {
		PayloadPool hellos = pool(new int[] { 3 }, new long[][] { variants(1) });
		AutomatonModel model = loopOrEnd(AutomatonModel.TCP, 0.5, hellos);
		PayloadChoice choice = new PayloadChoice();
		Rng rng = new Rng(4);
		for (int[] weights : new int[][] { { 1, 0, 0 }, { 0, 0, 1 } }) {
			model.pinnedVariants(new int[] { weights[0], weights[1] }, weights[2], new long[][] { {}, {} });
			for (int c = 0; c < 20; c++) {
				choice.start(model, rng);
				int first = choice.pinned();
				assertEquals(weights[0] == 1 ? 0 : 2, first);
				assertEquals(0, choice.entry(hellos, rng));
				assertEquals(1, choice.pinned(), "pinned anew after variant " + first);
			}
		}
	}

	/**
	 * State 0 sends a message (edge 0, which variants 0 and 1 took; its pool kept variant 1's only), a bare ACK or the
	 * end (edges 1 and 2, variant 1's only). A connection pinned to variant 0 whose first message was variant 0's keeps the message letter: its
	 * pool's back-off draws the message, where the letter whose payload agrees with the chain (the ACK) was taken
	 * instead before (a TLS server's hello dropped from its pool: a client's FIN after the server's ACK).
	 */
	@Test
	void aLetterThePinnedVariantTookStaysWhenItsPoolDroppedTheVariantsEntry() {
		int r = AutomatonModel.PAYLOAD_REPLAY;
		PayloadPool first = pool(new int[] { 5 }, new long[][] { variants(0) });
		PayloadPool kept = pool(new int[] { 3 }, new long[][] { variants(1) });
		AutomatonModel model = new AutomatonModel("t", AutomatonModel.TCP, 0, 0, 0, new int[] { 0, 3, 3 },
				new int[] { 0, 0, 1 }, new double[] { 0.2, 0.7, 0.1 }, new int[] { r, 0, AutomatonModel.END },
				new int[] { 0x18, 0x10, 0 }, new boolean[] { false, false, false }, new int[] { 0, -1, -1 },
				new double[15], new int[] { 80 }, new PayloadPool[] { kept, first });
		model.pinnedVariants(new int[] { 1, 0 }, 0, new long[][] { variants(0, 1), variants(1), variants(1) });
		PayloadChoice choice = new PayloadChoice();
		Rng rng = new Rng(6);
		for (int c = 0; c < 50; c++) {
			choice.start(model, rng);
			choice.entry(first, rng);
			assertEquals(0, choice.keepVariant(model, 0, 0, 1, rng), "the message letter the variant took");
		}
	}

	/**
	 * A pool of three answers of one variant: entry 0 answered token 4 (a query), entries 1 and 2 token 7 (a
	 * field-list request). After the other side's token 7 only entries 1 and 2 are drawn, pinned or not; after a token
	 * no entry answered, or none, any entry.
	 */
	@Test
	void anAnswerIsDrawnAmongTheEntriesThatAnsweredTheOtherSidesMessage() {
		PayloadPool answers = pool(new int[] { 4, 5, 6 }, new long[][] { variants(0), variants(0), variants(0) });
		answers.answers(new int[] { 4, 7, 7 });
		AutomatonModel model = loopOrEnd(AutomatonModel.TCP, 0.5, answers);
		model.pinnedVariants(new int[] { 1 }, 0, new long[][] { {}, {} });
		PayloadChoice choice = new PayloadChoice();
		Rng rng = new Rng(8);
		int[] drawn = new int[3];
		for (int c = 0; c < 300; c++) {
			choice.start(model, rng);
			assertTrue(choice.entry(answers, -1, 7, rng) > 0, "an answer to token 7");
			choice.start();
			assertTrue(choice.entry(answers, -1, 7, rng) > 0, "unpinned too");
			drawn[choice.entry(answers, -1, 3, rng)]++;
		}
		assertTrue(drawn[0] > 50 && drawn[1] > 50 && drawn[2] > 50, java.util.Arrays.toString(drawn));
		PayloadPool plain = pool(new int[] { 4, 5 }, null);
		plain.answers(new int[] { 4, 7 });
		for (int c = 0; c < 50; c++) {
			assertEquals(0, choice.entry(plain, -1, 4, rng), "a pool without variants");
		}
	}

	/**
	 * A MySQL client pinned to variant 0, whose login both variants sent: its query (entry 1) answered no token of
	 * its own in training, the query of variant 1 (entry 0) answered the server's OK (token 7). After the OK, the
	 * pinned client sends its own query, not variant 1's, whose attributes its login never asked for.
	 */
	@Test
	void thePinnedVariantsOwnEntryComesBeforeAnotherVariantsAnswer() {
		PayloadPool login = pool(new int[] { 30 }, new long[][] { variants(0, 1) });
		PayloadPool queries = pool(new int[] { 88, 37 }, new long[][] { variants(1), variants(0) });
		queries.answers(new int[] { 7, -1 });
		AutomatonModel model = loopOrEnd(AutomatonModel.TCP, 0.5, login);
		model.pinnedVariants(new int[] { 1, 0 }, 0, new long[][] { {}, {} });
		PayloadChoice choice = new PayloadChoice();
		Rng rng = new Rng(9);
		for (int c = 0; c < 100; c++) {
			choice.start(model, rng);
			assertEquals(0, choice.entry(login, -1, -1, rng));
			assertEquals(1, choice.entry(queries, -1, 7, rng), "the pinned client's own query");
			choice.start();
			choice.entry(login, -1, -1, rng);
			assertEquals(0, choice.entry(queries, -1, 7, rng), "unpinned, the answer to the OK");
		}
	}

	@Test
	void aPinnedSetHoldsItsVariantAlone() {
		PayloadVariantSet set = new PayloadVariantSet();
		set.pin(70);
		assertEquals(1, set.depth());
		assertTrue(set.meets(variants(3, 70), 1));
		assertTrue(!set.meets(variants(3, 69, 71), 1) && set.meets(variants(3), 0));
	}

	@Test
	void aVariantIsDrawnFromTheInnermostSetBelowALimit() {
		PayloadVariantSet set = new PayloadVariantSet();
		Rng rng = new Rng(1);
		assertEquals(-1, set.draw(rng, 10), "nothing narrowed");
		set.narrow(variants(3, 70, 130), 0);
		int[] drawn = new int[200];
		for (int i = 0; i < 300; i++) {
			drawn[set.draw(rng, 131)]++;
		}
		assertTrue(drawn[3] > 50 && drawn[70] > 50 && drawn[130] > 50, "each alike");
		assertEquals(3, set.draw(rng, 70), "70 and up are past the limit");
		assertEquals(-1, set.draw(rng, 3));
	}

	@Test
	void theVariantSetNarrowsAndBacksOff() {
		PayloadVariantSet set = new PayloadVariantSet();
		assertTrue(set.meets(variants(7), 0));
		set.narrow(variants(2, 3), 0);
		set.narrow(variants(2), 1);
		assertEquals(2, set.depth());
		assertTrue(set.meets(variants(2, 9), 2));
		assertTrue(!set.meets(variants(3), 2) && set.meets(variants(3), 1));
		assertTrue(set.meets(new long[0], 2), "an entry without variants meets every set");
		set.reset();
		assertEquals(0, set.depth());
	}

	/**
	 * A set narrowed to 2 levels in one connection and to 1 in the next: its level 2 holds every variant again, not
	 * what the first connection left there (the bytes of a TLS model depended on the thread count).
	 */
	@Test
	void aLevelPastTheInnermostHoldsEveryVariant() {
		PayloadVariantSet set = new PayloadVariantSet();
		set.narrow(variants(2, 3), 0);
		set.narrow(variants(2), 1);
		set.reset();
		set.narrow(variants(3, 4), 0);
		assertEquals(1, set.depth());
		assertTrue(set.meets(variants(3), 2) && set.meets(variants(4), 2), "the earlier connection's level 2 held 2 only");
		assertTrue(set.meets(variants(7), 5));
		assertFalse(set.meets(variants(7), 1));
	}
}
