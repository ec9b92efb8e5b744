package org.tadam.generator.runtime;

/**
 * The rest of a replayed message longer than one segment, still to be sent by the side that began it. A capture
 * joins a message of records cut across segments into the payload of its first segment (a TLS server's hello,
 * certificate and key exchange); the walk then has that segment's letter and, after it, the letters of the segments
 * that continued it: random payloads of the same side. Those letters carry the rest, a segment at most each, so the
 * records reach the wire whole and in order, in as many packets and at the times the model learned. What the walk
 * does not continue is sent at once before anything else ({@link ConnectionSynthesizer}), as a stack sends its
 * queued bytes. One per thread, reused from connection to connection.
 */
final class MessageCarry {
	private byte[] source;
	private int next;
	private int end;
	private int side = -1;
	private int flags;
	private int piece;

	/**
	 * Holds {@code source[from..end)} for {@code side}, whose message began with a segment of {@code piece} bytes and
	 * {@code flags}: the stack that sent it sends the rest in segments of that size.
	 */
	void hold(int side, int flags, int piece, byte[] source, int from, int end) {
		this.side = side;
		this.flags = flags;
		this.piece = piece;
		this.source = source;
		this.next = from;
		this.end = end;
	}

	boolean pending() {
		return side >= 0;
	}

	/**
	 * Whether a letter of {@code side}, with payload {@code kind} and {@code flags}, carries the message's next bytes:
	 * a random letter of its side that does not close, as the pieces of a cut record were (some with pools of their
	 * own, when they looked structured, as certificates do).
	 */
	boolean continuedBy(int side, int kind, int flags) {
		return pending() && side == this.side && kind == AutomatonModel.PAYLOAD_RANDOM && (flags & CLOSING) == 0;
	}

	/**
	 * Whether the rest must leave before a letter that does not carry it: any other letter of the side, and the
	 * other side's payloads and closes (its bare ACKs may come between the pieces, as they did in training).
	 */
	boolean sentBefore(int side, int kind, int flags) {
		return pending() && (side == this.side || kind != AutomatonModel.PAYLOAD_EMPTY || (flags & CLOSING) != 0);
	}

	private static final int CLOSING = TcpConversation.FIN | TcpConversation.RST;

	int side() {
		return side;
	}

	/** The flags the message began with: those of its rest when it is sent at once. */
	int flags() {
		return flags;
	}

	byte[] source() {
		return source;
	}

	/** Offset of the next byte to send. */
	int offset() {
		return next;
	}

	int remaining() {
		return end - next;
	}

	/** Size of the message's segments. */
	int piece() {
		return piece;
	}

	/** Takes the next segment's bytes; returns how many. Nothing is pending once the last is taken. */
	int take() {
		int n = Math.min(piece, end - next);
		next += n;
		if (next == end) {
			clear();
		}
		return n;
	}

	void clear() {
		side = -1;
		source = null;
	}
}
