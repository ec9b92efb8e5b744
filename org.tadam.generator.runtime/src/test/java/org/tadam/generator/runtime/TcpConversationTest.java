package org.tadam.generator.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The rules of a TCP conversation, one by one, and the one-mask test that the generator's hot loop uses. */
class TcpConversationTest {

	private static final int S = TcpConversation.SYN;
	private static final int A = TcpConversation.ACK;
	private static final int F = TcpConversation.FIN;
	private static final int R = TcpConversation.RST;
	private static final int P = 0x08;

	private static TcpConversation established(int firstSpeaker) {
		TcpConversation c = new TcpConversation();
		c.start(firstSpeaker);
		c.sent(0, S, false);
		c.sent(1, S | A, false);
		c.sent(0, A, false);
		return c;
	}

	@Test
	void eachRuleHasItsKind() {
		TcpConversation c = new TcpConversation();
		c.start(0);
		c.sent(0, S, false);
		assertEquals(TcpConversation.BEFORE_HANDSHAKE, c.violation(0, A, false), "client ACK before the SYN-ACK");
		assertEquals(TcpConversation.BEFORE_HANDSHAKE, c.violation(1, P | A, true), "server data before its SYN-ACK");
		assertEquals(-1, c.violation(0, S, false), "a SYN retransmission");
		assertEquals(-1, c.violation(1, R | A, false), "a refused connection");
		c.sent(1, S | A, false);
		assertEquals(-1, c.violation(0, P | A, true), "data with the ACK of the SYN-ACK");
		assertEquals(TcpConversation.BEFORE_HANDSHAKE, c.violation(1, P | A, true), "server data before the client's ACK");
		c.sent(0, A, false);
		assertEquals(TcpConversation.SYN_AFTER_HANDSHAKE, c.violation(0, S, false));
		assertEquals(TcpConversation.OUT_OF_TURN, c.violation(1, P | A, true), "server data before the request");
		assertEquals(TcpConversation.DUPLICATE_ACK, c.violation(0, A, false), "nothing new to acknowledge");
		c.sent(0, P | A, true);
		assertEquals(-1, c.violation(1, A, false));
		assertEquals(-1, c.violation(1, P | A, true));
		c.sent(0, F | A, false);
		assertEquals(TcpConversation.AFTER_OWN_FIN, c.violation(0, P | A, true));
		assertEquals(TcpConversation.AFTER_OWN_FIN, c.violation(0, F | A, false), "a second FIN");
		assertEquals(-1, c.violation(1, P | A, true), "the peer may still send");
		c.sent(1, R, false);
		assertEquals(TcpConversation.AFTER_RST, c.violation(1, A, false));
		assertEquals(TcpConversation.AFTER_RST, c.violation(0, R, false));
	}

	@Test
	void aServerFirstProtocolMakesTheClientWait() {
		TcpConversation c = established(1);
		assertEquals(TcpConversation.OUT_OF_TURN, c.violation(0, P | A, true));
		c.sent(1, P | A, true);
		assertEquals(-1, c.violation(0, P | A, true));
		assertEquals(-1, established(TcpConversation.ANY_SPEAKER).violation(1, P | A, true));
	}

	/** Random conversations: in every state reached, the masks allow exactly the segments violation() allows. */
	@Test
	void masksAgreeWithTheRules() {
		int[] flagSets = { S, S | A, A, P | A, F | A, F | P | A, R, R | A, P, 0, F };
		Rng rng = new Rng(3);
		for (int walk = 0; walk < 2000; walk++) {
			int first = rng.nextInt(3) - 1;
			TcpConversation c = new TcpConversation();
			c.start(first);
			for (int step = 0; step < 12; step++) {
				for (int side = 0; side < 2; side++) {
					for (int flags : flagSets) {
						for (boolean payload : new boolean[] { false, true }) {
							boolean allowed = c.allows(TcpConversation.ruleMask(side, flags, payload, first),
									TcpConversation.ruleWant(side, flags, payload, first));
							assertEquals(c.violation(side, flags, payload) < 0, allowed);
						}
					}
				}
				int flags = flagSets[rng.nextInt(flagSets.length)];
				c.sent(rng.nextInt(2), flags, (flags & P) != 0 && rng.nextInt(2) == 0);
			}
		}
	}
}
