package org.tadam.generator.runtime;

/**
 * What the two TCP endpoints of one connection have done so far, and which next segment a real stack could not
 * emit. The walk asks {@link #violation} before it emits a letter and reports each segment it emits to
 * {@link #sent}; an impossible letter is replaced or dropped by the caller, and counted under its kind.
 * <p>
 * Side 0 is the client (initiator), side 1 the server. The rules hold only what is certain for any stack: a side
 * sends nothing but ACKs after its own FIN, nobody sends after a RST, a handshake once begun must complete before
 * data, a pure ACK needs something new to acknowledge, and the side that speaks second in the model's protocol
 * waits for the first speaker's first payload.
 */
final class TcpConversation {

	/** Payload, FIN or SYN from a side that has sent its FIN. */
	static final int AFTER_OWN_FIN = 0;
	/** Any segment after a RST. */
	static final int AFTER_RST = 1;
	/** Payload from the side that speaks second before the first speaker's first payload. */
	static final int OUT_OF_TURN = 2;
	/** A pure ACK with nothing new to acknowledge. */
	static final int DUPLICATE_ACK = 3;
	/** Data, ACK or FIN from a side whose SYN is not acknowledged yet, or a SYN-ACK without a SYN to answer. */
	static final int BEFORE_HANDSHAKE = 4;
	/** A SYN from a side whose SYN has been acknowledged. */
	static final int SYN_AFTER_HANDSHAKE = 5;

	/**
	 * The end of the walk while one side has sent its FIN and the other has not, or, in a model whose connections
	 * mostly closed normally, while the connection is still open (a model state shared by "after a request" and
	 * "after the client's FIN" lets the walk end there): replaced by a legal letter of the state. In a model that
	 * closes normally, after a few such letters or when the state has none, the stacks close: each side still open
	 * sends its FIN, and the last ACK follows; in another model the walk ends as the model says.
	 */
	static final int UNCLOSED_END = 6;

	static final int KINDS = 7;
	/** Names of the kinds in summaries and label files. */
	static final String[] NAMES = { "payload-after-own-fin", "after-rst", "out-of-turn", "duplicate-ack",
			"before-handshake", "syn-after-handshake", "end-before-close" };

	static final int FIN = 0x01;
	static final int SYN = 0x02;
	static final int RST = 0x04;
	static final int ACK = 0x10;

	/** {@link #firstSpeaker}: no side is known to speak first. */
	static final int ANY_SPEAKER = -1;

	/*
	 * The state is one int of bits, one bit per side for each fact (the server's bit is the client's shifted by one),
	 * so that the legality of an edge is one mask test (see ruleMask): SYN sent, SYN acknowledged by the peer, FIN
	 * sent, payload sent, received sequence space not yet acknowledged, handshake begun but the side's SYN not yet
	 * acknowledged; and whether the connection was reset.
	 */
	private static final int SYN_SENT = 1 << 0;
	private static final int SYN_ACKED = 1 << 2;
	private static final int FIN_SENT = 1 << 4;
	private static final int SPOKE = 1 << 6;
	private static final int UNACKNOWLEDGED = 1 << 8;
	private static final int RESET = 1 << 10;
	private static final int PENDING = 1 << 11;

	private int state;
	private int firstSpeaker;

	void start(int firstSpeaker) {
		state = 0;
		this.firstSpeaker = firstSpeaker;
	}

	/** True when a stack could send the edge of these rule masks now: the fast test of {@link #violation}. */
	boolean allows(int mask, int want) {
		return (state & mask) == want;
	}

	/**
	 * The state bits that decide an edge's legality; {@link #ruleWant} gives their required values. Together they
	 * say exactly what {@link #violation} says, without its branches.
	 */
	static int ruleMask(int side, int flags, boolean payload, int firstSpeaker) {
		return rules(side, flags, payload, firstSpeaker, true);
	}

	static int ruleWant(int side, int flags, boolean payload, int firstSpeaker) {
		return rules(side, flags, payload, firstSpeaker, false);
	}

	private static int rules(int side, int flags, boolean payload, int firstSpeaker, boolean mask) {
		int forbidden = RESET;
		int required = 0;
		if ((flags & RST) == 0) {
			if ((flags & SYN) != 0) {
				forbidden |= (FIN_SENT | SYN_ACKED) << side;
				if ((flags & ACK) != 0) {
					required |= SYN_SENT << (1 - side);
				}
			} else {
				forbidden |= PENDING << side;
				if (payload || (flags & FIN) != 0) {
					forbidden |= FIN_SENT << side;
				}
				if (payload && firstSpeaker >= 0 && side != firstSpeaker) {
					required |= SPOKE << firstSpeaker;
				}
				if (!payload && (flags & (FIN | ACK)) == ACK) {
					required |= UNACKNOWLEDGED << side;
				}
			}
		}
		return mask ? forbidden | required : required;
	}

	/** Whether the handshake completed and neither a FIN nor a RST has been sent since. */
	boolean open() {
		return (state & (RESET | FIN_SENT | FIN_SENT << 1)) == 0
				&& (state & (SYN_ACKED | SYN_ACKED << 1)) == (SYN_ACKED | SYN_ACKED << 1);
	}

	/** Whether {@code side} has sent its FIN. */
	boolean finSent(int side) {
		return (state & FIN_SENT << side) != 0;
	}

	/** Whether exactly one side has sent its FIN and no RST ended the connection. */
	boolean halfClosed() {
		int fins = state & (FIN_SENT | FIN_SENT << 1);
		return (state & RESET) == 0 && fins != 0 && fins != (FIN_SENT | FIN_SENT << 1);
	}

	/** The kind of impossibility of this segment as the next one, or -1 when a stack could send it. */
	int violation(int side, int flags, boolean payload) {
		int s = state;
		if ((s & RESET) != 0) {
			return AFTER_RST;
		}
		if ((flags & RST) != 0) {
			return -1;
		}
		boolean syn = (flags & SYN) != 0;
		if ((s & FIN_SENT << side) != 0 && (payload || syn || (flags & FIN) != 0)) {
			return AFTER_OWN_FIN;
		}
		if (syn) {
			if ((s & SYN_ACKED << side) != 0) {
				return SYN_AFTER_HANDSHAKE;
			}
			return (flags & ACK) != 0 && (s & SYN_SENT << (1 - side)) == 0 ? BEFORE_HANDSHAKE : -1;
		}
		if ((s & PENDING << side) != 0) {
			return BEFORE_HANDSHAKE;
		}
		if (payload) {
			return firstSpeaker >= 0 && side != firstSpeaker && (s & SPOKE << firstSpeaker) == 0 ? OUT_OF_TURN : -1;
		}
		if ((flags & (FIN | ACK)) == ACK && (s & UNACKNOWLEDGED << side) == 0) {
			return DUPLICATE_ACK;
		}
		return -1;
	}

	/** Records a segment the side has sent. */
	void sent(int side, int flags, boolean payload) {
		int s = state;
		int peer = 1 - side;
		if ((flags & ACK) != 0) {
			s &= ~(UNACKNOWLEDGED << side);
			if ((s & SYN_SENT << peer) != 0) {
				s |= SYN_ACKED << peer;
			}
		}
		if ((flags & SYN) != 0) {
			s |= SYN_SENT << side;
		}
		if (payload || (flags & (SYN | FIN)) != 0) {
			s |= UNACKNOWLEDGED << peer;
		}
		if (payload) {
			s |= SPOKE << side;
		}
		if ((flags & FIN) != 0) {
			s |= FIN_SENT << side;
		}
		if ((flags & RST) != 0) {
			s |= RESET;
		}
		// a side is pending while a handshake has begun and its own SYN is not acknowledged
		int pending = (s & (SYN_SENT | SYN_SENT << 1)) != 0 ? ((~s >>> 2) & 3) * PENDING : 0;
		state = (s & ~(PENDING | PENDING << 1)) | pending;
	}

	/**
	 * The side whose payload comes first with the larger probability in the automaton (0 client, 1 server), or
	 * {@link #ANY_SPEAKER} when no path carries payload or both sides are equally likely. Computed by iterating
	 * the probability that the first payload from each state is the client's, resp. the server's.
	 */
	static int firstSpeaker(AutomatonModel m) {
		int states = m.stateFirstEdge.length - 1;
		double[] client = new double[states];
		double[] server = new double[states];
		for (int round = 0; round < 10_000; round++) {
			double change = 0;
			for (int s = 0; s < states; s++) {
				double c = 0;
				double v = 0;
				double total = 0;
				for (int e = m.stateFirstEdge[s]; e < m.stateFirstEdge[s + 1]; e++) {
					double p = Math.max(0, m.edgeProbability[e]);
					total += p;
					int kind = m.edgePayload[e];
					if (kind == AutomatonModel.END) {
						continue;
					}
					if (kind != AutomatonModel.PAYLOAD_EMPTY) {
						if (m.edgeBackward[e]) {
							v += p;
						} else {
							c += p;
						}
					} else {
						c += p * client[m.edgeTarget[e]];
						v += p * server[m.edgeTarget[e]];
					}
				}
				if (total > 0) {
					c /= total;
					v /= total;
				}
				change = Math.max(change, Math.abs(c - client[s]) + Math.abs(v - server[s]));
				client[s] = c;
				server[s] = v;
			}
			if (change < 1e-12) {
				break;
			}
		}
		double c = client[m.initialState];
		double v = server[m.initialState];
		if (Math.abs(c - v) < 1e-9) {
			return ANY_SPEAKER;
		}
		return c > v ? 0 : 1;
	}
}
