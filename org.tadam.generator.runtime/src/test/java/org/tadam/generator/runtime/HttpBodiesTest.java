package org.tadam.generator.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What an HTTP head says of its body, and the heads rewritten to state the bodies of a first walk. */
class HttpBodiesTest {

	private static byte[] bytes(String s) {
		return s.getBytes(StandardCharsets.ISO_8859_1);
	}

	private static HttpHead parse(String entry) {
		return HttpHead.parse(bytes(entry));
	}

	@Test
	void headsStateTheirBodies() {
		String head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\ncontent-length: 100\r\n\r\n";
		HttpHead h = parse(head + "x".repeat(20));
		assertEquals(80, h.owed());
		assertEquals(20, h.bodyInEntry());
		assertEquals(head.indexOf("100"), h.digitsAt());
		assertEquals(3, h.digits());
		assertTrue(h.response());
		assertEquals(0, parse("HTTP/1.1 200 OK\r\nContent-Length:3\r\n\r\nabc").owed());
		assertEquals(-1, parse("GET / HTTP/1.1\r\nHost: a\r\n\r\n").digitsAt(), "a request without Content-Length");
		assertTrue(parse("HEAD / HTTP/1.1\r\n\r\n").askHead());
		assertEquals(5, parse("POST /form HTTP/1.0\r\nContent-Length: 5\r\n\r\n").owed());
		assertEquals(-1, parse("HTTP/1.1 304 Not Modified\r\nContent-Length: 900\r\n\r\n").digitsAt(), "304 has no body");
	}

	@Test
	void unknownBodiesAndOtherMessages() {
		assertEquals(HttpHead.CHUNKED, parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, Chunked\r\n\r\n").owed());
		assertEquals(HttpHead.UNKNOWN, parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello").owed(),
				"chunks the capture kept in the entry keep their framing");
		assertEquals(HttpHead.UNKNOWN, parse("HTTP/1.0 200 OK\r\nServer: x\r\n\r\n").owed(), "a response read until the close");
		assertEquals(HttpHead.UNKNOWN, parse("HTTP/1.1 200 OK\r\nContent-Le").owed(), "a head the capture cut");
		assertEquals(HttpHead.NOT_HEAD, parse("<html><body>hello</body></html>").owed());
		assertEquals(HttpHead.NOT_HEAD, parse("220 mail ready\r\n").owed());
		assertEquals(HttpHead.NOT_HEAD, parse("RTSP/1.0 200 OK\r\nCSeq: 1\r\n\r\n").owed());
	}

	/** A server answers twice: 1500 body bytes after a head of 3000, then exactly 3000; then a HEAD request. */
	@Test
	void theSecondWalkStatesTheFirstWalksBodies() {
		String text = "HTTP/1.1 200 OK\r\nContent-Length: 3000\r\n\r\n";
		byte[] entry = bytes(text);
		HttpHead head = HttpHead.parse(entry);
		byte[] ask = bytes("HEAD / HTTP/1.1\r\n\r\n");
		HttpBodies http = new HttpBodies();
		for (int walk = 0; walk < 2; walk++) {
			if (walk == 0) {
				http.record();
			} else {
				assertTrue(http.differs());
				http.apply();
			}
			int first = http.head(1, head, entry);
			byte[] body = new byte[3000];
			http.body(1, body, 0, 1000);
			http.body(1, body, 0, 500);
			int second = http.head(1, head, entry);
			http.body(1, body, 0, 3000);
			http.head(0, HttpHead.parse(ask), ask);
			int third = http.head(1, head, entry);
			if (walk == 0) {
				assertEquals(-1, first, "the first walk sends heads as they are");
				continue;
			}
			assertEquals(entry.length, first);
			assertEquals(text.replace("3000", "1500"), new String(http.rewritten(), 0, first, StandardCharsets.ISO_8859_1));
			assertEquals(-1, second, "a body as its head says");
			assertEquals(-1, third, "the answer to HEAD keeps its head");
		}
	}

	/** A chunked answer of two body letters, then one of none: chunks of the letters' lengths, then the last chunk. */
	@Test
	void chunkedBodiesBecomeChunks() {
		byte[] entry = bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
		HttpHead head = HttpHead.parse(entry);
		byte[] body = bytes("y".repeat(200));
		HttpBodies http = new HttpBodies();
		http.record();
		http.head(1, head, entry);
		assertFalse(http.body(1, body, 0, 100));
		assertFalse(http.body(1, body, 0, 50));
		http.head(1, head, entry);
		assertTrue(http.differs());
		http.apply();
		assertEquals(-1, http.head(1, head, entry));
		assertTrue(http.body(1, body, 0, 100));
		assertEquals("5e\r\n" + "y".repeat(94) + "\r\n", new String(http.rewritten(), 0, 100, StandardCharsets.ISO_8859_1));
		assertTrue(http.body(1, body, 0, 50));
		assertEquals("27\r\n" + "y".repeat(39) + "\r\n0\r\n\r\n", new String(http.rewritten(), 0, 50, StandardCharsets.ISO_8859_1));
		int length = http.head(1, head, entry);
		assertEquals(new String(entry, StandardCharsets.ISO_8859_1) + "0\r\n\r\n",
				new String(http.rewritten(), 0, length, StandardCharsets.ISO_8859_1), "a message without body letter");
	}

	/** A gzip-encoded answer of 3 body letters becomes one gzip member that decompresses to the letters' filler. */
	@Test
	void gzipBodiesDecompress() throws Exception {
		byte[] entry = bytes("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 10\r\n\r\n");
		HttpHead head = HttpHead.parse(entry);
		assertTrue(head.gzip());
		byte[] filler = new byte[1400];
		new java.util.Random(4).nextBytes(filler);
		HttpBodies http = new HttpBodies();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		for (int walk = 0; walk < 2; walk++) {
			if (walk == 1) {
				assertTrue(http.differs());
				http.apply();
			} else {
				http.record();
			}
			http.head(1, head, entry);
			for (int length : new int[] { 1400, 1400, 700 }) {
				if (http.body(1, filler, 0, length)) {
					body.write(http.rewritten(), 0, length);
				}
			}
		}
		assertEquals(3500, body.size());
		byte[] content = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body.toByteArray())).readAllBytes();
		assertEquals(3500 - 18 - 5, content.length);
		assertEquals(filler[10 + 5], content[0], "the content is the filler after the gzip and block headers");
	}

	/** A chunked gzip answer without body letter: an empty gzip member in one chunk, then the last chunk. */
	@Test
	void anEmptyGzipBodyIsAnEmptyMember() throws Exception {
		byte[] entry = bytes("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n");
		HttpHead head = HttpHead.parse(entry);
		HttpBodies http = new HttpBodies();
		http.record();
		http.head(1, head, entry);
		assertTrue(http.differs());
		http.apply();
		int length = http.head(1, head, entry);
		String sent = new String(http.rewritten(), 0, length, StandardCharsets.ISO_8859_1);
		assertTrue(sent.startsWith(new String(entry, StandardCharsets.ISO_8859_1) + "17\r\n"), sent);
		assertTrue(sent.endsWith("\r\n0\r\n\r\n"), sent);
		byte[] member = java.util.Arrays.copyOfRange(http.rewritten(), entry.length + 4, entry.length + 4 + 23);
		assertEquals(0, new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(member)).readAllBytes().length);
	}

	/** Members of many lengths, written in pieces, decompress (one stored block holds 65535 bytes at most). */
	@Test
	void gzipMembersOfAnyLength() throws Exception {
		byte[] material = new byte[200_000];
		new java.util.Random(5).nextBytes(material);
		for (int length : new int[] { GzipStream.MIN_LENGTH, 100, 65535 + 23, 65535 + 24, 200_000 }) {
			GzipStream gzip = new GzipStream();
			assertTrue(gzip.start(length));
			byte[] out = new byte[length];
			for (int at = 0; at < length; at += 999) {
				gzip.next(out, at, Math.min(999, length - at), material, at);
			}
			byte[] content = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(out)).readAllBytes();
			assertTrue(content.length > length - 18 - 5 * (length / 65535 + 2), "length " + length);
		}
		assertFalse(new GzipStream().start(GzipStream.MIN_LENGTH - 1));
	}

	@Test
	void headsThatAgreeNeedNoSecondWalk() {
		byte[] entry = bytes("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n");
		HttpBodies http = new HttpBodies();
		http.record();
		http.head(1, HttpHead.parse(entry), entry);
		assertFalse(http.body(1, new byte[10], 0, 10));
		assertFalse(http.differs());
	}
}
