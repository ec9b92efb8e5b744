package org.tadam.generator;

import java.util.Arrays;

import org.tadam.generator.runtime.HttpHead;

/**
 * Restores pool entries the capture cut. A capture keeps a bounded number of payload bytes per packet, so an entry
 * can be the start of a longer segment; replayed as it is, it breaks the framing of the stream (a parser waits for
 * the missing bytes and swallows the next message). An HTTP message is completed to its Content-Length when the
 * edge's learned size shows that the segment carried the whole message (otherwise the rest of the body comes in
 * later letters). Any other entry of exactly the model's longest entry length, on an edge whose learned mean size
 * is larger, was cut at the capture's limit: it is extended to that mean size. Text grows by repeating the kept
 * bytes; binary entries grow by zeros, which length-prefixed formats read as empty fields rather than as lengths
 * running past the message.
 */
final class CutPayloads {

	private CutPayloads() {
	}

	/**
	 * The HTTP message completed to its Content-Length when its body was cut and the whole message is no longer than
	 * {@code longestSegment} bytes; the message itself otherwise.
	 */
	static byte[] completeHttp(byte[] message, double longestSegment) {
		HttpHead head = HttpHead.parse(message);
		// no body at all (the answer to HEAD, or a body sent in the next segments), or no length to complete to
		if (head.digitsAt() < 0 || head.bodyInEntry() == 0 || head.owed() <= 0
				|| message.length + (long) head.owed() > longestSegment) {
			return message;
		}
		return extend(message, message.length - head.bodyInEntry(), message.length + head.owed());
	}

	/**
	 * An entry of the capture's limit length {@code cut} extended to the edge's mean size, when that is larger; any
	 * other entry as it is.
	 */
	static byte[] completeCut(byte[] entry, int cut, double meanSize, boolean text) {
		long size = Math.round(meanSize);
		if (entry.length != cut || cut < MIN_LIMIT || size <= cut || size > MAX_SEGMENT) {
			return entry;
		}
		return text ? extend(entry, 0, (int) size) : Arrays.copyOf(entry, (int) size);
	}

	/**
	 * Shortest length taken for a capture's limit: below it the longest entry is more likely a short protocol's
	 * whole message (the pool keeps the frequent entries only, so a longer mean size proves no cut).
	 */
	static final int MIN_LIMIT = 512;

	/** Longest payload a completed entry may have: a full IPv4 TCP segment with timestamps. */
	static final int MAX_SEGMENT = 65535 - 20 - 32;

	/** {@code bytes} extended to {@code length} by repeating its bytes from {@code from} on. */
	private static byte[] extend(byte[] bytes, int from, int length) {
		byte[] extended = new byte[length];
		System.arraycopy(bytes, 0, extended, 0, bytes.length);
		for (int i = bytes.length; i < length; i++) {
			extended[i] = extended[from + (i - from) % (bytes.length - from)];
		}
		return extended;
	}
}
