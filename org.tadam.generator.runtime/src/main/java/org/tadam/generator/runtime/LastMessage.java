package org.tadam.generator.runtime;

import java.util.Arrays;

/**
 * The last segment of a connection that sent a pool's message whole, while it is still the connection's last packet:
 * a letter that sends the same bytes from the same side next is the training connection's stack sending that segment
 * again (a retransmission), which the capture kept as a letter of its own. Written as new bytes, it was a second
 * message: a MySQL client whose login went out twice sent a command the server never answered, and tshark read the
 * server's reply to the login as malformed. One instance per thread.
 */
final class LastMessage {
	private byte[] source;
	private int offset;
	private int length;
	private int side;
	private int flags;
	/** Packets of the connection once that segment was written; -1: none. */
	private int record = -1;

	/** A new connection: nothing sent yet. */
	void clear() {
		record = -1;
		source = null;
	}

	/** The segment just written to {@code out} sent these bytes whole (the array is a pool's, never rewritten). */
	void sent(ConnectionPackets out, int side, int flags, byte[] source, int offset, int length) {
		this.source = source;
		this.offset = offset;
		this.length = length;
		this.side = side;
		this.flags = flags;
		this.record = out.count;
	}

	/** Whether a segment of these bytes, from this side, repeats the last one, still the connection's last packet. */
	boolean repeatedBy(ConnectionPackets out, int side, int flags, byte[] source, int offset, int length) {
		return record == out.count && side == this.side && flags == this.flags && length == this.length && length > 0
				&& Arrays.equals(source, offset, offset + length, this.source, this.offset, this.offset + length);
	}
}
