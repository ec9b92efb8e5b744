package org.tadam.generator.runtime;

/**
 * Makes generated HTTP/1.x heads say the length of the bodies sent after them (issue 13: "Content-Length that matches
 * the body"). A model's walk draws a head from a pool and then body letters of learned sizes; their sum rarely equals
 * the head's Content-Length, and a parser then reads the excess, or the next head swallowed into a short body, as a
 * message of its own ("illegal characters in header name", malformed frames). The walk stays as the model drew it: a
 * connection is walked once to learn the body each message gets ({@link #record} mode), then again from the same
 * seed with each head's Content-Length set to that body ({@link #apply} mode). The body letters of a chunked message
 * become chunks of their own lengths in the second walk, the last one ending the message (RFC 9112, section 7.1).
 * Messages read until the close, or that have no body (a request without Content-Length, the answer to HEAD, 1xx,
 * 204, 304), keep their heads.
 */
final class HttpBodies {

	/** {@link Head#owed}: the entry does not start an HTTP/1.x message. */
	static final int NOT_HEAD = -2;
	/** {@link Head#owed}: an HTTP head whose body length it does not state (read until the close, or cut). */
	static final int UNKNOWN = -1;
	/** {@link Head#owed}: the head of a chunked message, whose entry holds no body. */
	static final int CHUNKED = -3;

	/**
	 * What a pool entry says of its HTTP body: {@code owed} is {@link #NOT_HEAD}, {@link #UNKNOWN}, {@link #CHUNKED}, or the body bytes
	 * to come after the entry (0 for a message without body); {@code digitsAt} and {@code digits} place the
	 * Content-Length value in the entry (-1 and 0 when it has none); {@code bodyInEntry} is the body the entry holds.
	 */
	record Head(int owed, boolean response, boolean askHead, int digitsAt, int digits, int bodyInEntry) {
		static final Head NONE = new Head(NOT_HEAD, false, false, -1, 0, 0);
	}

	private boolean applying;
	/** Per side: the bodies of its messages in the first walk, by message number (-1: a head kept as it is). */
	private final long[][] bodies = { new long[8], new long[8] };
	/** Per side: the body letters of its chunked messages in the first walk, by message number (-1: not chunked). */
	private final int[][] letters = { new int[8], new int[8] };
	/** Per side, in the second walk: the body letters of its chunked message still to come. */
	private final int[] chunksLeft = new int[2];
	/** Per side: messages begun so far in this walk; the body of the current one is bodies[side][messages - 1]. */
	private final int[] messages = new int[2];
	/** Some head of the first walk states another length than the body sent after it. */
	private boolean differs;
	/** Per side: its last request was HEAD, so the peer's next response has no body. */
	private final boolean[] askedHead = new boolean[2];
	/** Per side, in the first walk: the current message's body length as its head states it (-1: kept as it is). */
	private final long[] declared = new long[2];
	/** The head with its Content-Length set; grown as needed. */
	private byte[] rewritten = new byte[256];

	/** A new connection: its first walk, which records the bodies. */
	void record() {
		applying = false;
		differs = false;
		declared[0] = declared[1] = -1;
		restart();
	}

	/** Whether the first walk needs a second one: some head states another length than its body. */
	boolean differs() {
		if (!applying) {
			close(0);
			close(1);
		}
		return differs;
	}

	/** The second walk of the connection, from the same seed: heads say the recorded bodies. */
	void apply() {
		applying = true;
		restart();
	}

	private void restart() {
		messages[0] = messages[1] = 0;
		chunksLeft[0] = chunksLeft[1] = 0;
		askedHead[0] = askedHead[1] = false;
	}

	/**
	 * {@code side} sends {@code entry}, which starts an HTTP message ({@code head}); returns the length of the head
	 * to send instead, written into {@link #rewritten}, or -1 to send the entry as it is.
	 */
	int head(int side, Head head, byte[] entry) {
		boolean noBody = head.response() && askedHead[1 - side];
		if (head.response()) {
			askedHead[1 - side] = false;
		} else {
			askedHead[side] = head.askHead();
		}
		boolean stated = !noBody && head.owed() >= 0 && head.digitsAt() >= 0;
		boolean chunked = !noBody && head.owed() == CHUNKED;
		if (!applying) {
			close(side);
			declared[side] = stated ? head.owed() + (long) head.bodyInEntry() : -1;
			begin(side, head.bodyInEntry(), chunked);
			return -1;
		}
		int n = messages[side]++;
		chunksLeft[side] = 0;
		if (chunked && n < letters[side].length && letters[side][n] >= 0) {
			chunksLeft[side] = letters[side][n];
			if (chunksLeft[side] > 0) {
				return -1;
			}
			// no body letter: the head carries the last chunk
			int length = entry.length + LAST_CHUNK.length;
			ensure(length);
			System.arraycopy(entry, 0, rewritten, 0, entry.length);
			System.arraycopy(LAST_CHUNK, 0, rewritten, entry.length, LAST_CHUNK.length);
			return length;
		}
		long body = n < bodies[side].length ? bodies[side][n] : -1;
		if (!stated || body < 0 || body == head.owed() + (long) head.bodyInEntry()) {
			return -1;
		}
		byte[] digits = Long.toString(body).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		int length = entry.length - head.digits() + digits.length;
		ensure(length);
		int at = head.digitsAt();
		System.arraycopy(entry, 0, rewritten, 0, at);
		System.arraycopy(digits, 0, rewritten, at, digits.length);
		System.arraycopy(entry, at + head.digits(), rewritten, at + digits.length, entry.length - at - head.digits());
		return length;
	}

	/** The head {@link #head} rewrote. */
	byte[] rewritten() {
		return rewritten;
	}

	/**
	 * {@code side} sends {@code length} bytes of {@code source} from {@code offset} that continue its message;
	 * returns whether they are to be sent as {@link #rewritten} instead: a chunk of the same length.
	 */
	boolean body(int side, byte[] source, int offset, int length) {
		int n = messages[side] - 1;
		if (!applying) {
			if (n >= 0 && bodies[side][n] >= 0) {
				bodies[side][n] += length;
			}
			if (n >= 0 && letters[side][n] >= 0) {
				letters[side][n]++;
			}
			return false;
		}
		if (chunksLeft[side] == 0) {
			return false;
		}
		boolean last = --chunksLeft[side] == 0;
		int end = last ? length - LAST_CHUNK.length : length;
		// a chunk of d bytes takes hex(d), CRLF, the bytes and CRLF: the widest size that fits
		for (int width = 8; width >= 1; width--) {
			int data = end - width - 4;
			if (data >= 1 && Integer.toHexString(data).length() == width) {
				ensure(length);
				byte[] size = Integer.toHexString(data).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
				System.arraycopy(size, 0, rewritten, 0, width);
				rewritten[width] = '\r';
				rewritten[width + 1] = '\n';
				System.arraycopy(source, offset, rewritten, width + 2, data);
				rewritten[end - 2] = '\r';
				rewritten[end - 1] = '\n';
				if (last) {
					System.arraycopy(LAST_CHUNK, 0, rewritten, end, LAST_CHUNK.length);
				}
				return true;
			}
		}
		if (last && length == LAST_CHUNK.length) {
			System.arraycopy(LAST_CHUNK, 0, rewritten, 0, LAST_CHUNK.length);
			return true;
		}
		return false;
	}

	/** The chunk that ends a chunked body, with no trailer. */
	private static final byte[] LAST_CHUNK = { '0', '\r', '\n', '\r', '\n' };

	private void ensure(int length) {
		if (rewritten.length < length) {
			rewritten = new byte[Math.max(length, 2 * rewritten.length)];
		}
	}

	private void begin(int side, int bodyInEntry, boolean chunked) {
		int n = messages[side]++;
		if (n == bodies[side].length) {
			bodies[side] = java.util.Arrays.copyOf(bodies[side], 2 * n);
			letters[side] = java.util.Arrays.copyOf(letters[side], 2 * n);
		}
		bodies[side][n] = declared[side] < 0 ? -1 : bodyInEntry;
		letters[side][n] = chunked ? 0 : -1;
	}

	private void close(int side) {
		int n = messages[side] - 1;
		if (n >= 0 && (declared[side] >= 0 && bodies[side][n] != declared[side] || letters[side][n] >= 0)) {
			differs = true;
		}
		declared[side] = -1;
	}

	/** What {@code entry} says of its body ({@link Head}). */
	static Head parse(byte[] entry) {
		int lineEnd = indexOf(entry, 0, "\r\n");
		if (lineEnd < 0 || !startLine(entry, lineEnd)) {
			return Head.NONE;
		}
		boolean response = startsWith(entry, "HTTP/");
		boolean askHead = startsWith(entry, "HEAD ");
		int headEnd = indexOf(entry, 0, "\r\n\r\n");
		if (headEnd < 0) {
			return new Head(UNKNOWN, response, askHead, -1, 0, 0);
		}
		int bodyInEntry = entry.length - headEnd - 4;
		long length = -1;
		int digitsAt = -1;
		int digits = 0;
		boolean chunked = false;
		for (int line = lineEnd + 2; line < headEnd; line = indexOf(entry, line, "\r\n") + 2) {
			if (field(entry, line, "transfer-encoding:")) {
				chunked = containsIgnoreCase(entry, line, indexOf(entry, line, "\r\n"), "chunked");
				if (!chunked) {
					return new Head(UNKNOWN, response, askHead, -1, 0, 0);
				}
			}
			if (field(entry, line, "content-length:")) {
				digitsAt = line + "content-length:".length();
				while (entry[digitsAt] == ' ' || entry[digitsAt] == '\t') {
					digitsAt++;
				}
				while (digitsAt + digits < headEnd && digit(entry[digitsAt + digits])) {
					digits++;
				}
				length = digits == 0 || digits > 12 ? -1 : Long.parseLong(new String(entry, digitsAt, digits,
						java.nio.charset.StandardCharsets.US_ASCII));
			}
		}
		if (response) {
			int code = (entry[9] - '0') * 100 + (entry[10] - '0') * 10 + (entry[11] - '0');
			if (code < 200 || code == 204 || code == 304) {
				return new Head(0, true, false, -1, 0, bodyInEntry);
			}
		}
		if (chunked) {
			// a chunked message whose entry holds body bytes already: their framing is the capture's
			return new Head(bodyInEntry == 0 ? CHUNKED : UNKNOWN, response, askHead, -1, 0, 0);
		}
		if (length < 0) {
			return response ? new Head(UNKNOWN, true, false, -1, 0, 0) : new Head(0, false, askHead, -1, 0, bodyInEntry);
		}
		long owed = length - bodyInEntry;
		return owed < 0 ? new Head(UNKNOWN, response, askHead, -1, 0, 0)
				: new Head((int) Math.min(owed, Integer.MAX_VALUE), response, askHead, digitsAt, digits, bodyInEntry);
	}

	/** A status line {@code HTTP/1.x DDD ...} or a request line {@code METHOD target HTTP/1.x}. */
	private static boolean startLine(byte[] b, int end) {
		if (startsWith(b, "HTTP/1.")) {
			return end >= 12 && b[8] == ' ' && digit(b[9]) && digit(b[10]) && digit(b[11]);
		}
		int method = 0;
		while (method < end && b[method] >= 'A' && b[method] <= 'Z') {
			method++;
		}
		return method > 0 && method < end && b[method] == ' ' && end >= 9 && b[end - 9] == ' '
				&& regionMatches(b, end - 8, "HTTP/1.");
	}

	private static boolean field(byte[] b, int at, String name) {
		if (at + name.length() > b.length) {
			return false;
		}
		for (int i = 0; i < name.length(); i++) {
			if (Character.toLowerCase((char) (b[at + i] & 0xFF)) != name.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private static boolean containsIgnoreCase(byte[] b, int from, int to, String s) {
		for (int i = from; i + s.length() <= to; i++) {
			if (field(b, i, s)) {
				return true;
			}
		}
		return false;
	}

	private static boolean digit(byte c) {
		return c >= '0' && c <= '9';
	}

	private static boolean startsWith(byte[] b, String prefix) {
		return regionMatches(b, 0, prefix);
	}

	private static boolean regionMatches(byte[] b, int at, String s) {
		if (at < 0 || at + s.length() > b.length) {
			return false;
		}
		for (int i = 0; i < s.length(); i++) {
			if (b[at + i] != s.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private static int indexOf(byte[] b, int from, String s) {
		for (int i = Math.max(0, from); i + s.length() <= b.length; i++) {
			if (regionMatches(b, i, s)) {
				return i;
			}
		}
		return -1;
	}
}
