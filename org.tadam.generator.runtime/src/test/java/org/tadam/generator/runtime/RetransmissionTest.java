package org.tadam.generator.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * A training connection whose client sent its login twice, the second a retransmission the capture kept as a letter:
 * the generated client sends the same segment again, not a second message (LastMessage).
 */
class RetransmissionTest {

	private static final int EMPTY = AutomatonModel.PAYLOAD_EMPTY;
	private static final int TEXT = AutomatonModel.PAYLOAD_TEXT;

	/** S>, SA<, A>, the client's login, the client's second letter ({@code again}), the server's OK, then the close. */
	private static List<List<Segments>> run(String again) throws Exception {
		PayloadPool[] pools = { pool("LOGIN"), pool(again), pool("OK") };
		int[] firstEdge = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
		int[] target = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 9 };
		double[] probability = { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 };
		int[] payload = { EMPTY, EMPTY, EMPTY, TEXT, TEXT, TEXT, EMPTY, EMPTY, EMPTY, AutomatonModel.END };
		int[] flags = { 0x02, 0x12, 0x10, 0x18, 0x18, 0x18, 0x11, 0x11, 0x10, 0 };
		boolean[] backward = { false, true, false, false, false, true, false, true, false, false };
		int[] pool = { -1, -1, -1, 0, 1, 2, -1, -1, -1, -1 };
		double[] distribution = new double[5 * target.length];
		for (int e = 0; e < target.length; e++) {
			distribution[5 * e] = 20;
			distribution[5 * e + 1] = pool[e] < 0 ? 0 : 5;
		}
		AutomatonModel model = new AutomatonModel("login", AutomatonModel.TCP, 0, 0, 0, firstEdge, target, probability,
				payload, flags, backward, pool, distribution, new int[] { 3306 }, pools);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new TrafficGenerator(TcpRepairTest.alone(model), TcpRepairTest.settings(2)).run(Channels.newChannel(out));
		Map<String, List<Segments>> connections = Segments.connections(Segments.read(out.toByteArray()));
		assertEquals(TcpRepairTest.CONNECTIONS, connections.size());
		return List.copyOf(connections.values());
	}

	private static PayloadPool pool(String message) {
		return PayloadPool.ofStrings(new int[] { 1 }, new byte[][] { message.getBytes(StandardCharsets.US_ASCII) });
	}

	@Test
	void theSameBytesRightAfterTheSidesOwnSegmentAreItsRetransmission() throws Exception {
		for (List<Segments> connection : run("LOGIN")) {
			Segments first = connection.get(0);
			List<Segments> client = connection.stream().filter(p -> p.from(first) && p.payload() > 0).toList();
			Segments ok = connection.stream().filter(p -> !p.from(first) && p.payload() > 0).findFirst().orElseThrow();
			assertEquals(2, client.size());
			assertEquals(client.get(0).seq(), client.get(1).seq(), "the login again at its own sequence number");
			assertArrayEquals(client.get(0).data(), client.get(1).data());
			assertEquals((client.get(0).seq() + 5) & 0xFFFFFFFFL, ok.ack(), "the server received the login once");
		}
	}

	@Test
	void otherBytesAreTheNextMessage() throws Exception {
		for (List<Segments> connection : run("LOGIX")) {
			TcpRepairTest.checkStack(connection);
			Segments first = connection.get(0);
			List<Segments> client = connection.stream().filter(p -> p.from(first) && p.payload() > 0).toList();
			assertEquals(2, client.size());
			assertEquals((client.get(0).seq() + 5) & 0xFFFFFFFFL, client.get(1).seq());
		}
	}
}
