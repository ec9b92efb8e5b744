package org.tadam.generator.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * A server's flight learned from segments that cut its records (a TLS hello and certificate): the message joined by
 * the capture leaves in the segments the model learned, carried by the letters that continued it (issue 13).
 */
class ServerFlightTest {

	private static final int PIECE = 1000;

	/** Kinds of payload, as AutomatonModel numbers them. */
	private static final int EMPTY = AutomatonModel.PAYLOAD_EMPTY;
	private static final int RANDOM = AutomatonModel.PAYLOAD_RANDOM;
	private static final int TEXT = AutomatonModel.PAYLOAD_TEXT;
	private static final int REPLAY = AutomatonModel.PAYLOAD_REPLAY;

	private static AutomatonModel model(String name, int[] firstEdge, int[] target, double[] probability, int[] payload,
			int[] flags, boolean[] backward, int[] pool, int[] sizes, PayloadPool[] pools) {
		double[] distribution = new double[5 * target.length];
		for (int e = 0; e < target.length; e++) {
			distribution[5 * e] = 20;
			distribution[5 * e + 1] = sizes[e];
		}
		return new AutomatonModel(name, AutomatonModel.TCP, 0, 0, 0, firstEdge, target, probability, payload, flags,
				backward, pool, distribution, new int[] { 80 }, pools);
	}

	private static List<List<Segments>> run(AutomatonModel model) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new TrafficGenerator(TcpRepairTest.alone(model), TcpRepairTest.settings(2)).run(Channels.newChannel(out));
		Map<String, List<Segments>> connections = Segments.connections(Segments.read(out.toByteArray()));
		assertEquals(TcpRepairTest.CONNECTIONS, connections.size());
		return List.copyOf(connections.values());
	}

	/**
	 * The client's hello; the server's first segment replays a 3000-byte flight joined from segments of 1000 bytes; the
	 * client's ACK; a random letter of the server (a segment that continued the flight); the client's Finished, before
	 * which the flight's last 1000 bytes must be on the wire; the server's own data.
	 */
	@Test
	void aJoinedFlightIsCarriedByTheLettersThatContinuedIt() throws Exception {
		byte[] flight = new byte[3 * PIECE];
		new Random(5).nextBytes(flight);
		PayloadPool[] pools = { PayloadPool.ofStrings(new int[] { 1 }, new byte[][] { "HELLO".getBytes(StandardCharsets.US_ASCII) }),
				PayloadPool.ofStrings(new int[] { 1 }, new byte[][] { flight }, null, null, new int[] { PIECE }),
				PayloadPool.ofStrings(new int[] { 1 }, new byte[][] { "FINISHED".getBytes(StandardCharsets.US_ASCII) }) };
		int[] firstEdge = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
		int[] target = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 9 };
		double[] probability = { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 };
		int[] payload = { EMPTY, EMPTY, EMPTY, TEXT, REPLAY, EMPTY, RANDOM, TEXT, RANDOM, AutomatonModel.END };
		int[] flags = { 0x02, 0x12, 0x10, 0x18, 0x10, 0x10, 0x18, 0x18, 0x18, 0 };
		boolean[] backward = { false, true, false, false, true, false, true, false, true, false };
		int[] pool = { -1, -1, -1, 0, 1, -1, -1, 2, -1, -1 };
		int[] sizes = { 0, 0, 0, 5, 3 * PIECE, 0, PIECE, 8, 100, 0 };
		AutomatonModel model = model("flight", firstEdge, target, probability, payload, flags, backward, pool, sizes, pools);
		assertFalse(model.largeSegments, "the flight is longer than a segment, not its segments");
		for (List<Segments> connection : run(model)) {
			TcpRepairTest.checkStack(connection);
			Segments first = connection.get(0);
			List<Segments> server = connection.stream().filter(p -> !p.from(first) && p.payload() > 0).toList();
			assertEquals(List.of(PIECE, PIECE, PIECE, 100), server.stream().map(Segments::payload).toList());
			byte[] sent = new byte[3 * PIECE];
			for (int i = 0; i < 3; i++) {
				System.arraycopy(server.get(i).data(), 0, sent, i * PIECE, PIECE);
			}
			assertArrayEquals(flight, sent, "the flight's bytes in order, none of the random letter's own");
			int finished = indexOf(connection, first, "FINISHED");
			assertTrue(connection.indexOf(server.get(2)) < finished, "the flight is whole before the client answers");
			assertEquals(server.get(1).nanos(), server.get(2).nanos(), "its rest leaves at once, as a stack sends it");
		}
	}

	private static int indexOf(List<Segments> connection, Segments first, String text) {
		for (int i = 0; i < connection.size(); i++) {
			Segments p = connection.get(i);
			if (p.from(first) && Arrays.equals(p.data(), text.getBytes(StandardCharsets.US_ASCII))) {
				return i;
			}
		}
		throw new AssertionError(text + " not sent");
	}

	/**
	 * After the client's hello, state 4 draws a client ACK with nothing new to acknowledge (0.8), the server's answer
	 * (0.1) or the client's FIN (0.1), which training connections sent only from their tenth letter on. The impossible
	 * ACK is repaired by the letter in its place, the server's answer, never by the FIN from a later place.
	 */
	@Test
	void aRepairKeepsToTheLettersTakenInItsPlace() throws Exception {
		PayloadPool[] pools = { PayloadPool.ofStrings(new int[] { 1 }, new byte[][] { "HELLO".getBytes(StandardCharsets.US_ASCII) }) };
		int[] firstEdge = { 0, 1, 2, 3, 4, 7, 8, 9 };
		int[] target = { 1, 2, 3, 4, 4, 5, 6, 5, 6 };
		double[] probability = { 1, 1, 1, 1, 0.8, 0.1, 0.1, 1, 1 };
		int[] payload = { EMPTY, EMPTY, EMPTY, TEXT, EMPTY, RANDOM, EMPTY, AutomatonModel.END, AutomatonModel.END };
		int[] flags = { 0x02, 0x12, 0x10, 0x18, 0x10, 0x18, 0x11, 0, 0 };
		boolean[] backward = { false, true, false, false, false, true, false, false, false };
		int[] pool = { -1, -1, -1, 0, -1, -1, -1, -1, -1 };
		int[] sizes = { 0, 0, 0, 5, 0, 100, 0, 0, 0 };
		int[] firstLetter = { -1, -1, -1, -1, -1, -1, 10, -1, -1 };
		int[] lastLetter = new int[target.length];
		Arrays.fill(lastLetter, -1);
		AutomatonModel model = model("placed", firstEdge, target, probability, payload, flags, backward, pool, sizes, pools)
				.letterPositions(firstLetter, lastLetter);
		for (List<Segments> connection : run(model)) {
			TcpRepairTest.checkStack(connection);
			Segments first = connection.get(0);
			assertTrue(connection.stream().anyMatch(p -> !p.from(first) && p.payload() > 0), "the server answers");
			assertTrue(connection.stream().noneMatch(p -> (p.flags() & Segments.FIN) != 0), "no FIN out of its place");
		}
	}
}
