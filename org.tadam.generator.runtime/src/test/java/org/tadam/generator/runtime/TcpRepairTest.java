package org.tadam.generator.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.channels.Channels;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * A model whose walks force every kind of impossible TCP letter: the capture shows none of them, and the summary
 * counts each repair.
 */
class TcpRepairTest {

	static final int CONNECTIONS = 2000;

	/**
	 * s0 S> s1; s1 SA< (0.8) or A> before the handshake (0.2); s2 A>; s3 PA> text (0.7) or PA< before the client's
	 * request (0.3); s4 A<; s5 A< with nothing new to acknowledge (0.5) or PA<; s6 FA>; s7 PA> after the client's
	 * FIN (no alternative); s8 FA<; s9 A>; s10 R< (0.5) or $; s11 A> after the RST.
	 */
	static ScenarioModel scenario(double[] noise) {
		int[] firstEdge = { 0, 1, 3, 4, 6, 7, 9, 10, 11, 12, 13, 15, 16, 16 };
		int[] target = { 1, 2, 2, 3, 4, 4, 5, 6, 6, 7, 8, 9, 10, 11, 12, 12 };
		double[] probability = { 1, 0.8, 0.2, 1, 0.7, 0.3, 1, 0.5, 0.5, 1, 1, 1, 1, 0.5, 0.5, 1 };
		int[] payload = { 0, 0, 0, 0, 2, 1, 0, 0, 1, 0, 1, 0, 0, 0, AutomatonModel.END, 0 };
		int[] flags = { 0x02, 0x12, 0x10, 0x10, 0x18, 0x18, 0x10, 0x10, 0x18, 0x11, 0x18, 0x11, 0x10, 0x04, 0, 0x10 };
		boolean[] backward = { false, true, false, false, false, true, true, true, true, false, false, true, false, true,
				false, false };
		int[] pool = { -1, -1, -1, -1, 0, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1 };
		double[] distribution = new double[5 * target.length];
		for (int e = 0; e < target.length; e++) {
			distribution[5 * e] = 20;
			distribution[5 * e + 1] = payload[e] == 1 ? 300 : 0;
			distribution[5 * e + 2] = 4;
		}
		PayloadPool[] pools = { PayloadPool.ofStrings(new int[] { 1 }, new byte[][] { "GET / HTTP/1.1\r\n\r\n".getBytes() }) };
		AutomatonModel model = new AutomatonModel("forced", AutomatonModel.TCP, 0, 0, 0, firstEdge, target, probability,
				payload, flags, backward, pool, distribution, new int[] { 80 }, pools, noise, null, null);
		AddressPool clients = new AddressPool(new byte[][] { { 10, 0, 0, 0 } }, new int[] { 8 }, new byte[0][], 64);
		AddressPool servers = new AddressPool(new byte[][] { { (byte) 192, 0, 2, 0 } }, new int[] { 24 }, new byte[0][], 57);
		return new ScenarioModel("forced", new AutomatonModel[] { model }, new double[] { 1 }, new int[][] { { 80 } }, clients,
				servers);
	}

	/** A model without pools: 20 decilog-µs gaps, 100-byte payloads where {@code payload} is 1. */
	static AutomatonModel model(String name, int[] firstEdge, int[] target, double[] probability, int[] payload,
			int[] flags, boolean[] backward) {
		int[] pool = new int[target.length];
		java.util.Arrays.fill(pool, -1);
		double[] distribution = new double[5 * target.length];
		for (int e = 0; e < target.length; e++) {
			distribution[5 * e] = 20;
			distribution[5 * e + 1] = payload[e] == 1 ? 100 : 0;
		}
		return new AutomatonModel(name, AutomatonModel.TCP, 0, 0, 0, firstEdge, target, probability, payload, flags,
				backward, pool, distribution, new int[] { 80 }, new PayloadPool[0]);
	}

	/** The scenario of one model, on the addresses of {@link #scenario}. */
	static ScenarioModel alone(AutomatonModel model) {
		ScenarioModel base = scenario(new double[4]);
		return new ScenarioModel(model.name, new AutomatonModel[] { model }, new double[] { 1 }, new int[][] { { 80 } },
				base.clients, base.servers);
	}

	static GeneratorSettings settings(int threads) {
		GeneratorSettings settings = new GeneratorSettings();
		settings.seed = 9;
		settings.connections = CONNECTIONS;
		settings.rate = 500;
		settings.threads = threads;
		settings.startNanos = 1_767_225_600_000_000_000L;
		return settings;
	}

	@Test
	void impossibleLettersAreRepairedAndCounted() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		RunSummary summary = new TrafficGenerator(scenario(new double[4]), settings(2)).run(Channels.newChannel(out));
		Map<String, List<Segments>> connections = Segments.connections(Segments.read(out.toByteArray()));
		assertEquals(CONNECTIONS, connections.size());
		int resets = 0;
		for (List<Segments> connection : connections.values()) {
			resets += checkStack(connection);
		}

		assertEquals(CONNECTIONS, summary.repaired("payload-after-own-fin"), "every walk sends payload after its FIN");
		assertEquals(0.2 * CONNECTIONS, summary.repaired("before-handshake"), 0.05 * CONNECTIONS);
		assertEquals(0.3 * CONNECTIONS, summary.repaired("out-of-turn"), 0.05 * CONNECTIONS);
		assertEquals(0.5 * CONNECTIONS, summary.repaired("duplicate-ack"), 0.05 * CONNECTIONS);
		assertEquals(0.5 * CONNECTIONS, summary.repaired("after-rst"), 0.05 * CONNECTIONS);
		assertEquals(0, summary.repaired("syn-after-handshake"));
		assertTrue(summary.line().contains(summary.repaired() + " letters repaired (payload-after-own-fin " + CONNECTIONS),
				summary.line());

		assertEquals(summary.repaired("after-rst"), resets, "a RST ends its connection");
	}

	/** What a stack would never do; returns 1 when the connection ends with a RST. */
	static int checkStack(List<Segments> connection) {
		Segments first = connection.get(0);
		assertEquals(Segments.SYN, first.flags(), "a connection opens with the client's SYN");
		long[] next = { -1, -1 };
		long[] lastAck = { -1, -1 };
		boolean[] fin = new boolean[2];
		boolean[] spoke = new boolean[2];
		boolean reset = false;
		for (Segments p : connection) {
			int side = p.from(first) ? 0 : 1;
			int peer = 1 - side;
			assertFalse(reset, "nothing after a RST");
			assertFalse(fin[side] && p.payload() > 0, "no payload after the sender's FIN");
			if (p.payload() > 0) {
				assertTrue(side == 0 || spoke[0], "the server answers after the client's request");
				spoke[side] = true;
			}
			if ((p.flags() & Segments.ACK) != 0) {
				assertEquals(next[peer], p.ack(), "ACK is the bytes received from the peer");
				boolean pure = p.payload() == 0 && (p.flags() & (Segments.SYN | Segments.FIN | Segments.RST)) == 0;
				assertFalse(pure && p.ack() == lastAck[side], "a pure ACK acknowledges something new");
				lastAck[side] = p.ack();
			}
			if (next[side] >= 0 && (p.flags() & Segments.SYN) == 0) {
				assertEquals(next[side], p.seq(), "SEQ continues where the side left off");
			}
			next[side] = (p.seq() + p.payload() + ((p.flags() & Segments.SYN) != 0 ? 1 : 0)
					+ ((p.flags() & Segments.FIN) != 0 ? 1 : 0)) & 0xFFFFFFFFL;
			fin[side] |= (p.flags() & Segments.FIN) != 0;
			reset |= (p.flags() & Segments.RST) != 0;
		}
		return reset ? 1 : 0;
	}

	/**
	 * After the server's FIN, state 5 loops on client data (0.3) and server ACKs (0.3); its only way out is server
	 * data (0.4), which is impossible there. Redrawing alone would loop forever; the redraw budget lets the walk
	 * leave by dropping the impossible letter.
	 */
	@Test
	void aLoopWhoseExitsAreImpossibleStillEnds() throws Exception {
		int[] firstEdge = { 0, 1, 2, 3, 4, 5, 8, 9, 9 };
		int[] target = { 1, 2, 3, 4, 5, 5, 5, 6, 7 };
		double[] probability = { 1, 1, 1, 1, 1, 0.3, 0.3, 0.4, 1 };
		int[] payload = { 0, 0, 0, 1, 0, 1, 0, 1, AutomatonModel.END };
		int[] flags = { 0x02, 0x12, 0x10, 0x18, 0x11, 0x18, 0x10, 0x18, 0 };
		boolean[] backward = { false, true, false, false, true, false, true, true, false };
		ScenarioModel trap = alone(model("trap", firstEdge, target, probability, payload, flags, backward));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		RunSummary summary = new TrafficGenerator(trap, settings(1)).run(Channels.newChannel(out));
		long repaired = summary.repaired("payload-after-own-fin");
		assertTrue(repaired > CONNECTIONS && repaired <= CONNECTIONS * (ConnectionSynthesizer.MAX_REDRAWS + 1L), summary.line());
		Map<String, List<Segments>> connections = Segments.connections(Segments.read(out.toByteArray()));
		assertEquals(CONNECTIONS, connections.size());
		for (List<Segments> connection : connections.values()) {
			checkStack(connection);
			assertTrue(connection.size() <= 10 * ConnectionSynthesizer.MAX_REDRAWS, "connection of " + connection.size());
		}
	}

	/**
	 * After the client's FIN, state 6 ends the walk (0.7) or lets the server close (0.3): ending there would leave
	 * the server's side open, so the end is redrawn as the server's FIN and counted.
	 */
	@Test
	void aWalkDoesNotEndHalfClosed() throws Exception {
		int[] firstEdge = { 0, 1, 2, 3, 4, 5, 6, 8, 9, 9 };
		int[] target = { 1, 2, 3, 4, 5, 6, 9, 7, 8, 9 };
		double[] probability = { 1, 1, 1, 1, 1, 1, 0.7, 0.3, 1, 1 };
		int[] payload = { 0, 0, 0, 1, 1, 0, AutomatonModel.END, 0, 0, AutomatonModel.END };
		int[] flags = { 0x02, 0x12, 0x10, 0x18, 0x18, 0x11, 0, 0x11, 0x10, 0 };
		boolean[] backward = { false, true, false, false, true, false, false, true, false, false };
		ScenarioModel half = alone(model("half", firstEdge, target, probability, payload, flags, backward));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		RunSummary summary = new TrafficGenerator(half, settings(2)).run(Channels.newChannel(out));
		assertEquals(0.7 * CONNECTIONS, summary.repaired("end-before-close"), 0.05 * CONNECTIONS);
		Map<String, List<Segments>> connections = Segments.connections(Segments.read(out.toByteArray()));
		assertEquals(CONNECTIONS, connections.size());
		for (List<Segments> connection : connections.values()) {
			checkStack(connection);
			assertEquals(2, connection.stream().filter(p -> (p.flags() & Segments.FIN) != 0).count(), "both sides close");
		}
	}

	/**
	 * After the client's request, state 4 ends the walk (0.6) or closes (0.4). A model whose connections closed
	 * normally (outcome SF) never ends open: the end is drawn again, so the walk goes on to the model's own close;
	 * without that outcome the model's ends stay.
	 */
	@Test
	void aModelWhoseConnectionsClosedDoesNotEndOpen() throws Exception {
		for (boolean closes : new boolean[] { true, false }) {
			AutomatonModel model = endAfterRequest(0.6);
			ScenarioModel open = alone(closes ? model.closingNormally() : model);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			RunSummary summary = new TrafficGenerator(open, settings(1)).run(Channels.newChannel(out));
			Map<String, List<Segments>> connections = Segments.connections(Segments.read(out.toByteArray()));
			long unclosed = connections.values().stream()
					.filter(c -> c.stream().noneMatch(p -> (p.flags() & Segments.FIN) != 0)).count();
			if (closes) {
				assertEquals(0, unclosed);
				assertEquals(0.6 * CONNECTIONS, summary.repaired("end-before-close"), 0.05 * CONNECTIONS);
				for (List<Segments> connection : connections.values()) {
					checkStack(connection);
					assertEquals(6, connection.size(), "handshake, request, the model's two FINs");
				}
			} else {
				assertEquals(0.6 * CONNECTIONS, unclosed, 0.05 * CONNECTIONS);
				assertEquals(0, summary.repaired("end-before-close"));
			}
		}
	}

	/** The same model whose state 4 can only end: the stacks close the connection, once per connection. */
	@Test
	void whereTheModelCannotCloseTheStacksDo() throws Exception {
		ScenarioModel open = alone(endAfterRequest(1).closingNormally());
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		RunSummary summary = new TrafficGenerator(open, settings(1)).run(Channels.newChannel(out));
		assertEquals(CONNECTIONS, summary.repaired("end-before-close"));
		Map<String, List<Segments>> connections = Segments.connections(Segments.read(out.toByteArray()));
		assertEquals(CONNECTIONS, connections.size());
		for (List<Segments> connection : connections.values()) {
			checkStack(connection);
			assertEquals(7, connection.size(), "handshake, request, two FINs, the last ACK");
			assertEquals(Segments.FIN | 0x10, connection.get(4).flags(), "the client leads");
			assertEquals(Segments.FIN | 0x10, connection.get(5).flags());
			assertEquals(0x10, connection.get(6).flags(), "the last ACK");
		}
	}

	/**
	 * Two states after the handshake draw a SYN (illegal there) 99 times in 100, repaired by drawing their data letter
	 * again; the end after the request is still drawn again into the model's own close: the two counts are apart.
	 */
	@Test
	void repairedLettersLeaveTheEndItsRedraws() throws Exception {
		int[] firstEdge = { 0, 1, 2, 3, 5, 7, 8, 10, 11, 12, 12 };
		int[] target = { 1, 2, 3, 4, 4, 5, 5, 6, 9, 7, 8, 9 };
		double[] probability = { 1, 1, 1, 0.99, 0.01, 0.99, 0.01, 1, 0.6, 0.4, 1, 1 };
		int[] payload = { 0, 0, 0, 0, 1, 0, 1, 1, AutomatonModel.END, 0, 0, AutomatonModel.END };
		int[] flags = { 0x02, 0x12, 0x10, 0x02, 0x18, 0x02, 0x18, 0x18, 0, 0x11, 0x11, 0 };
		boolean[] backward = { false, true, false, false, false, false, false, false, false, false, true, false };
		ScenarioModel scenario = alone(model("synAgain", firstEdge, target, probability, payload, flags, backward)
				.closingNormally());
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		RunSummary summary = new TrafficGenerator(scenario, settings(1)).run(Channels.newChannel(out));
		assertTrue(summary.repaired("syn-after-handshake") > CONNECTIONS, "two SYNs repaired in most connections");
		for (List<Segments> connection : Segments.connections(Segments.read(out.toByteArray())).values()) {
			checkStack(connection);
			assertEquals(8, connection.size(), "handshake, three data segments, the model's two FINs (no stack close)");
		}
	}

	/**
	 * After the handshake, state 3 ends (0.9) or sends data and comes back (0.1); the training connections took the
	 * data letter at letters 3 and 4 and the end at letter 5 only, so every walk sends data twice, then ends.
	 */
	@Test
	void lettersKeepToThePlacesTrainingConnectionsTookThemAt() throws Exception {
		int[] firstEdge = { 0, 1, 2, 3, 5, 5 };
		int[] target = { 1, 2, 3, 3, 4 };
		double[] probability = { 1, 1, 1, 0.1, 0.9 };
		int[] payload = { 0, 0, 0, 1, AutomatonModel.END };
		int[] flags = { 0x02, 0x12, 0x10, 0x18, 0 };
		boolean[] backward = { false, true, false, false, false };
		for (boolean bounded : new boolean[] { true, false }) {
			AutomatonModel model = model("placed", firstEdge, target, probability, payload, flags, backward);
			if (bounded) {
				model.letterPositions(new int[] { 0, 1, 2, 3, 5 }, new int[] { 0, 1, 2, 4, 5 });
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			new TrafficGenerator(alone(model), settings(1)).run(Channels.newChannel(out));
			long five = Segments.connections(Segments.read(out.toByteArray())).values().stream()
					.filter(c -> c.size() == 5).count();
			if (bounded) {
				assertEquals(CONNECTIONS, five, "handshake and two data segments, every time");
			} else {
				assertTrue(five < CONNECTIONS / 10, "unbounded, most walks end right after the handshake: " + five);
			}
		}
	}

	/** Handshake, a request, then state 4 ends the walk with {@code end} or both sides close. */
	private static AutomatonModel endAfterRequest(double end) {
		int[] firstEdge = { 0, 1, 2, 3, 4, 6, 7, 8, 8 };
		int[] target = { 1, 2, 3, 4, 8, 5, 6, 7 };
		double[] probability = { 1, 1, 1, 1, end, 1 - end, 1, 1 };
		int[] payload = { 0, 0, 0, 1, AutomatonModel.END, 0, 0, AutomatonModel.END };
		int[] flags = { 0x02, 0x12, 0x10, 0x18, 0, 0x11, 0x11, 0 };
		boolean[] backward = { false, true, false, false, false, false, true, false };
		return model("open", firstEdge, target, probability, payload, flags, backward);
	}

	@Test
	void whoSpeaksFirstComesFromTheModel() {
		AutomatonModel client = scenario(new double[4]).automata[0];
		assertEquals(0, client.firstSpeaker);
		// the same structure with the two payload edges of s3 weighted the other way: the server speaks first
		int[] firstEdge = { 0, 2, 2 };
		AutomatonModel server = new AutomatonModel("s", AutomatonModel.TCP, 0, 0, 0, firstEdge, new int[] { 1, 1 },
				new double[] { 0.4, 0.6 }, new int[] { 1, 1 }, new int[] { 0x18, 0x18 }, new boolean[] { false, true },
				new int[] { -1, -1 }, new double[10], new int[] { 25 }, new PayloadPool[0]);
		assertEquals(1, server.firstSpeaker);
		// the training connections say who spoke first: either side when they disagree (FTP data: downloads and
		// uploads), the side nearly all of them let speak first otherwise, whatever the paths say
		assertEquals(TcpConversation.ANY_SPEAKER, server.firstPayloads(100, 212).firstSpeaker);
		int either = server.edgeRuleMask[1];
		assertEquals(0, server.firstPayloads(299, 1).firstSpeaker);
		assertTrue(server.edgeRuleMask[1] != either, "the server's data now waits for the client's");
	}

	@Test
	void sameBytesAndLabelsWithNoiseWhateverTheThreadCount() throws Exception {
		double[] noise = { 0.05, 0.05, 0.05, 0.05 };
		ByteArrayOutputStream one = new ByteArrayOutputStream();
		StringBuilder oneLabels = new StringBuilder();
		GeneratorSettings single = settings(1);
		single.learnedNoise = true;
		RunSummary a = new TrafficGenerator(scenario(noise), single).run(Channels.newChannel(one), oneLabels);
		ByteArrayOutputStream two = new ByteArrayOutputStream();
		StringBuilder twoLabels = new StringBuilder();
		GeneratorSettings dual = settings(2);
		dual.learnedNoise = true;
		RunSummary b = new TrafficGenerator(scenario(noise), dual).run(Channels.newChannel(two), twoLabels);
		assertArrayEquals(one.toByteArray(), two.toByteArray());
		assertEquals(oneLabels.toString(), twoLabels.toString());
		assertArrayEquals(a.repairs(), b.repairs());
		assertArrayEquals(a.noise(), b.noise());
		for (long n : a.noise()) {
			assertTrue(n > 200, () -> "each noise kind applied: " + a.line());
		}
		assertTrue(a.line().contains(", noise (missing " + a.noise()[0]), a.line());
		long previous = Long.MIN_VALUE;
		for (Segments p : Segments.read(one.toByteArray())) {
			assertTrue(p.nanos() >= previous, "records stay in time order");
			previous = p.nanos();
		}
	}
}
