package org.tadam.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks a captured connection against its automaton: some path of the model must spell it, packet by packet. */
final class ModelWalk {

	private ModelWalk() {
	}

	static boolean backward(CapturedPacket p, CapturedPacket first) {
		return !(Arrays.equals(p.src(), first.src()) && p.srcPort() == first.srcPort());
	}

	/** Follows every path whose letters (direction, flags, payload) match the packets; one must reach a $ edge. */
	static void assertAccepted(AutomatonTables model, List<CapturedPacket> connection, CapturedPacket first) {
		Set<Integer> current = Set.of(model.initialState);
		for (int k = 0; k < connection.size(); k++) {
			CapturedPacket p = connection.get(k);
			boolean backward = backward(p, first);
			Set<Integer> next = new HashSet<>();
			for (int s : current) {
				for (int e = model.stateFirstEdge[s]; e < model.stateFirstEdge[s + 1]; e++) {
					if (model.payload[e] != AutomatonTables.END && model.probability[e] > 0 && model.backward[e] == backward
							&& (p.protocol() != 6 || model.flags[e] == p.flags()) && payloadMatches(model, e, p.payload())) {
						next.add(model.target[e]);
					}
				}
			}
			int number = k;
			assertFalse(next.isEmpty(), () -> model.automaton.getName() + ": packet " + number + " of a connection (flags "
					+ p.flags() + ", " + p.payload().length + " bytes, backward " + backward + ") follows no edge");
			current = next;
		}
		boolean canEnd = current.stream().anyMatch(s -> {
			for (int e = model.stateFirstEdge[s]; e < model.stateFirstEdge[s + 1]; e++) {
				if (model.payload[e] == AutomatonTables.END) {
					return true;
				}
			}
			return false;
		});
		assertTrue(canEnd, model.automaton.getName() + ": the connection stops in a state without end edge");
	}

	private static boolean payloadMatches(AutomatonTables model, int e, byte[] payload) {
		int pool = model.pool[e];
		switch (model.payload[e]) {
			case AutomatonTables.PAYLOAD_TEXT, AutomatonTables.PAYLOAD_REPLAY -> {
				if (pool < 0) {
					return payload.length == 0;
				}
				return Arrays.stream(model.pools.get(pool).data()).anyMatch(d -> Arrays.equals(d, payload));
			}
			case AutomatonTables.PAYLOAD_RANDOM -> {
				if (pool < 0 || model.pools.get(pool).strings()) {
					return payload.length > 0;
				}
				return Arrays.stream(model.pools.get(pool).lengths()).anyMatch(l -> l == payload.length);
			}
			default -> {
				return payload.length == 0;
			}
		}
	}

	/** SEQ advances by payload, SYN and FIN; every ACK acknowledges exactly what the peer sent. */
	static void assertSequenceNumbersConsistent(List<CapturedPacket> connection, CapturedPacket first) {
		long[] next = { -1, -1 };
		for (CapturedPacket p : connection) {
			int side = backward(p, first) ? 1 : 0;
			if (next[side] >= 0) {
				assertEquals(next[side], p.seq(), "SEQ continues where the side left off");
			}
			if ((p.flags() & 0x10) != 0 && next[1 - side] >= 0) {
				assertEquals(next[1 - side], p.ack(), "ACK is the peer's next SEQ");
			}
			int consumed = p.payload().length + ((p.flags() & 0x02) != 0 ? 1 : 0) + ((p.flags() & 0x01) != 0 ? 1 : 0);
			next[side] = (p.seq() + consumed) & 0xFFFFFFFFL;
		}
	}
}
