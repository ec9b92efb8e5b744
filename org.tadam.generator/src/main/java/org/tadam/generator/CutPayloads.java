package org.tadam.generator;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

	/** An HTTP/1.x status line, or a request line: method, target, version. */
	private static final Pattern START_LINE = Pattern.compile("(HTTP/1\\.[01] \\d{3}[^\\r\\n]*|[A-Z]+ \\S+ HTTP/1\\.[01])\\r\\n");
	private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^content-length:[ \\t]*(\\d{1,9})[ \\t]*\\r\\n");
	private static final Pattern CHUNKED = Pattern.compile("(?im)^transfer-encoding:[^\\r\\n]*chunked");

	private CutPayloads() {
	}

	/**
	 * The HTTP message completed to its Content-Length when its body was cut and the whole message is no longer than
	 * {@code longestSegment} bytes; the message itself otherwise.
	 */
	static byte[] completeHttp(byte[] message, double longestSegment) {
		int headerEnd = headerEnd(message);
		if (headerEnd < 0) {
			return message;
		}
		String head = new String(message, 0, headerEnd, StandardCharsets.ISO_8859_1);
		if (!START_LINE.matcher(head).lookingAt() || CHUNKED.matcher(head).find()) {
			return message;
		}
		Matcher length = CONTENT_LENGTH.matcher(head);
		if (!length.find()) {
			return message;
		}
		long contentLength = Long.parseLong(length.group(1));
		int body = message.length - headerEnd;
		long whole = headerEnd + contentLength;
		// no body at all: the answer to HEAD, or a body sent in the next segments
		if (body == 0 || body >= contentLength || whole > longestSegment) {
			return message;
		}
		return extend(message, headerEnd, (int) whole);
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

	/** Offset just past the blank line that ends the headers, or -1. */
	private static int headerEnd(byte[] m) {
		for (int i = 3; i < m.length; i++) {
			if (m[i] == '\n' && m[i - 1] == '\r' && m[i - 2] == '\n' && m[i - 3] == '\r') {
				return i + 1;
			}
		}
		return -1;
	}
}
