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

	private boolean applying;
	/** Per side: the bodies of its messages in the first walk, by message number (-1: a head kept as it is). */
	private final long[][] bodies = { new long[8], new long[8] };
	/** Per side: the body letters of its chunked messages in the first walk, by message number (-1: not chunked). */
	private final int[][] letters = { new int[8], new int[8] };
	/** Per side, in the second walk: the body letters of its chunked message still to come. */
	private final int[] chunksLeft = new int[2];
	/**
	 * Per side: the length of its gzip-encoded messages' bodies in the first walk (chunk data only, for a chunked
	 * one), by message number; -1 for other messages. The second walk makes them gzip members ({@link GzipStream}).
	 */
	private final long[][] gzipped = { new long[8], new long[8] };
	/** Per side, in the first walk: the length of its chunked message's last body letter. */
	private final int[] lastLetter = new int[2];
	/** Per side, in the second walk: the gzip member of its message, when it has one. */
	private final GzipStream[] gzip = { new GzipStream(), new GzipStream() };
	private final boolean[] gzipping = new boolean[2];
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
		gzipping[0] = gzipping[1] = false;
		askedHead[0] = askedHead[1] = false;
	}

	/**
	 * {@code side} sends {@code entry}, which starts an HTTP message ({@code head}); returns the length of the head
	 * to send instead, written into {@link #rewritten}, or -1 to send the entry as it is.
	 */
	int head(int side, HttpHead head, byte[] entry) {
		boolean noBody = head.response() && askedHead[1 - side];
		if (head.response()) {
			askedHead[1 - side] = false;
		} else {
			askedHead[side] = head.askHead();
		}
		boolean stated = !noBody && head.owed() >= 0 && head.digitsAt() >= 0;
		boolean chunked = !noBody && head.owed() == HttpHead.CHUNKED;
		if (!applying) {
			close(side);
			declared[side] = stated ? head.owed() + (long) head.bodyInEntry() : -1;
			begin(side, head.bodyInEntry(), chunked, head.gzip() && head.bodyInEntry() == 0 && (stated || chunked));
			return -1;
		}
		int n = messages[side]++;
		chunksLeft[side] = 0;
		gzipping[side] = n < gzipped[side].length && gzipped[side][n] >= 0 && gzip[side].start(gzipped[side][n]);
		if (chunked && n < letters[side].length && letters[side][n] >= 0) {
			chunksLeft[side] = letters[side][n];
			if (chunksLeft[side] > 0) {
				return -1;
			}
			// no body letter: the head carries the last chunk, after an empty gzip member when the body is gzip
			byte[] end = head.gzip() ? EMPTY_GZIP_END : LAST_CHUNK;
			int length = entry.length + end.length;
			ensure(length);
			System.arraycopy(entry, 0, rewritten, 0, entry.length);
			System.arraycopy(end, 0, rewritten, entry.length, end.length);
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
				int data = chunkData(length, false);
				gzipped[side][n] = gzipped[side][n] < 0 || data < 0 ? -1 : gzipped[side][n] + data;
				lastLetter[side] = length;
			} else if (n >= 0 && gzipped[side][n] >= 0) {
				gzipped[side][n] += length;
			}
			return false;
		}
		if (chunksLeft[side] == 0) {
			if (!gzipping[side]) {
				return false;
			}
			ensure(length);
			gzip[side].next(rewritten, 0, length, source, offset);
			return true;
		}
		boolean last = --chunksLeft[side] == 0;
		int data = chunkData(length, last);
		if (data < 0) {
			if (last && length == LAST_CHUNK.length) {
				System.arraycopy(LAST_CHUNK, 0, rewritten, 0, LAST_CHUNK.length);
				return true;
			}
			return false;
		}
		ensure(length);
		int width = hexDigits(data);
		for (int i = 0; i < width; i++) {
			rewritten[i] = (byte) Character.forDigit(data >>> 4 * (width - 1 - i) & 0xF, 16);
		}
		rewritten[width] = '\r';
		rewritten[width + 1] = '\n';
		if (gzipping[side]) {
			gzip[side].next(rewritten, width + 2, data, source, offset);
		} else {
			System.arraycopy(source, offset, rewritten, width + 2, data);
		}
		rewritten[width + 2 + data] = '\r';
		rewritten[width + 3 + data] = '\n';
		if (last) {
			System.arraycopy(LAST_CHUNK, 0, rewritten, width + 4 + data, LAST_CHUNK.length);
		}
		return true;
	}

	/**
	 * The bytes a chunk carries in a body letter of {@code length} bytes (the last letter of its message also holds
	 * the last chunk), -1 when the letter is too short: a chunk of d bytes takes hex(d), CRLF, the bytes and CRLF, and
	 * takes the widest size that fits.
	 */
	static int chunkData(int length, boolean last) {
		int end = last ? length - LAST_CHUNK.length : length;
		for (int width = 8; width >= 1; width--) {
			int data = end - width - 4;
			if (data >= 1 && hexDigits(data) == width) {
				return data;
			}
		}
		return -1;
	}

	/** Hexadecimal digits of a positive number. */
	private static int hexDigits(int n) {
		return (35 - Integer.numberOfLeadingZeros(n)) / 4;
	}

	/** The chunk that ends a chunked body, with no trailer. */
	private static final byte[] LAST_CHUNK = { '0', '\r', '\n', '\r', '\n' };
	/** A chunk of an empty gzip member, then the last chunk: a gzip body without content. */
	private static final byte[] EMPTY_GZIP_END = emptyGzipEnd();

	private static byte[] emptyGzipEnd() {
		int member = GzipStream.MIN_LENGTH;
		byte[] end = new byte[2 + 2 + member + 2 + LAST_CHUNK.length];
		end[0] = (byte) Character.forDigit(member >>> 4, 16);
		end[1] = (byte) Character.forDigit(member & 0xF, 16);
		end[2] = '\r';
		end[3] = '\n';
		GzipStream gzip = new GzipStream();
		gzip.start(member);
		gzip.next(end, 4, member, new byte[member], 0);
		end[4 + member] = '\r';
		end[5 + member] = '\n';
		System.arraycopy(LAST_CHUNK, 0, end, 6 + member, LAST_CHUNK.length);
		return end;
	}

	private void ensure(int length) {
		if (rewritten.length < length) {
			rewritten = new byte[Math.max(length, 2 * rewritten.length)];
		}
	}

	private void begin(int side, int bodyInEntry, boolean chunked, boolean gzipped) {
		int n = messages[side]++;
		if (n == bodies[side].length) {
			bodies[side] = java.util.Arrays.copyOf(bodies[side], 2 * n);
			letters[side] = java.util.Arrays.copyOf(letters[side], 2 * n);
			this.gzipped[side] = java.util.Arrays.copyOf(this.gzipped[side], 2 * n);
		}
		bodies[side][n] = declared[side] < 0 ? -1 : bodyInEntry;
		letters[side][n] = chunked ? 0 : -1;
		this.gzipped[side][n] = gzipped ? 0 : -1;
	}

	private void close(int side) {
		int n = messages[side] - 1;
		if (n >= 0 && letters[side][n] > 0 && gzipped[side][n] >= 0) {
			// the last letter also carries the last chunk
			int last = chunkData(lastLetter[side], true);
			gzipped[side][n] = last < 0 ? -1 : gzipped[side][n] - chunkData(lastLetter[side], false) + last;
		}
		if (n >= 0 && (declared[side] >= 0 && bodies[side][n] != declared[side] || letters[side][n] >= 0
				|| gzipped[side][n] >= GzipStream.MIN_LENGTH)) {
			differs = true;
		}
		declared[side] = -1;
	}

}
