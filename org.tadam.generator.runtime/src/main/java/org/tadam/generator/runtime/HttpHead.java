package org.tadam.generator.runtime;

/**
 * What a pool entry says of its HTTP/1.x body (HttpBodies): {@code owed} is {@link #NOT_HEAD}, {@link #UNKNOWN},
 * {@link #CHUNKED}, or the body bytes to come after the entry (0 for a message without body); {@code digitsAt} and
 * {@code digits} place the Content-Length value in the entry (-1 and 0 when it has none); {@code bodyInEntry} is the
 * body the entry holds; {@code gzip}: the head says Content-Encoding gzip.
 */
public record HttpHead(int owed, boolean response, boolean askHead, int digitsAt, int digits, int bodyInEntry, boolean gzip) {

	/** {@link #owed}: the entry does not start an HTTP/1.x message. */
	public static final int NOT_HEAD = -2;
	/** {@link #owed}: an HTTP head whose body length it does not state (read until the close, or cut). */
	public static final int UNKNOWN = -1;
	/** {@link #owed}: the head of a chunked message, whose entry holds no body. */
	public static final int CHUNKED = -3;

	static final HttpHead NONE = new HttpHead(NOT_HEAD, false, false, -1, 0, 0, false);

	/** What {@code entry} says of its body (the generator's compiler reads pool entries with it too: CutPayloads). */
	public static HttpHead parse(byte[] entry) {
		int lineEnd = indexOf(entry, 0, "\r\n");
		if (lineEnd < 0 || !startLine(entry, lineEnd)) {
			return NONE;
		}
		boolean response = startsWith(entry, "HTTP/");
		boolean askHead = startsWith(entry, "HEAD ");
		int headEnd = indexOf(entry, 0, "\r\n\r\n");
		if (headEnd < 0) {
			return new HttpHead(UNKNOWN, response, askHead, -1, 0, 0, false);
		}
		int bodyInEntry = entry.length - headEnd - 4;
		long length = -1;
		int digitsAt = -1;
		int digits = 0;
		boolean chunked = false;
		boolean gzip = false;
		for (int line = lineEnd + 2; line < headEnd; line = indexOf(entry, line, "\r\n") + 2) {
			if (field(entry, line, "transfer-encoding:")) {
				chunked = containsIgnoreCase(entry, line, indexOf(entry, line, "\r\n"), "chunked");
				if (!chunked) {
					return new HttpHead(UNKNOWN, response, askHead, -1, 0, 0, gzip);
				}
			}
			if (field(entry, line, "content-encoding:")) {
				gzip = containsIgnoreCase(entry, line, indexOf(entry, line, "\r\n"), "gzip");
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
				return new HttpHead(0, true, false, -1, 0, bodyInEntry, gzip);
			}
		}
		if (chunked) {
			// a chunked message whose entry holds body bytes already: their framing is the capture's
			return new HttpHead(bodyInEntry == 0 ? CHUNKED : UNKNOWN, response, askHead, -1, 0, 0, gzip);
		}
		if (length < 0) {
			return response ? new HttpHead(UNKNOWN, true, false, -1, 0, 0, gzip)
					: new HttpHead(0, false, askHead, -1, 0, bodyInEntry, gzip);
		}
		long owed = length - bodyInEntry;
		return owed < 0 ? new HttpHead(UNKNOWN, response, askHead, -1, 0, 0, gzip)
				: new HttpHead((int) Math.min(owed, Integer.MAX_VALUE), response, askHead, digitsAt, digits, bodyInEntry,
						gzip);
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
