package org.tadam.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * Entries cut by the capture are restored: HTTP messages to their Content-Length when the learned size says the
 * segment held them whole, other entries of the capture's limit length to the learned mean size.
 */
class CutPayloadsTest {

	private static final String HEAD = "HTTP/1.1 200 OK\r\nServer: test\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\n";

	private static byte[] bytes(String s) {
		return s.getBytes(StandardCharsets.ISO_8859_1);
	}

	@Test
	void aCutBodyIsCompletedWhenTheSegmentCarriedTheWholeMessage() {
		byte[] cut = bytes(HEAD + "0123456789");
		byte[] whole = CutPayloads.completeHttp(cut, HEAD.length() + 1000 + 1);
		assertEquals(HEAD.length() + 1000, whole.length);
		String text = new String(whole, StandardCharsets.ISO_8859_1);
		assertEquals(HEAD, text.substring(0, HEAD.length()));
		assertEquals("0123456789".repeat(100), text.substring(HEAD.length()));
	}

	@Test
	void aBodyContinuedInLaterSegmentsIsLeftAlone() {
		byte[] first = bytes(HEAD + "0123456789");
		assertSame(first, CutPayloads.completeHttp(first, first.length + 1));
	}

	@Test
	void headersWithoutBodyCompleteAndOtherTextsAreLeftAlone() {
		byte[] headOnly = bytes(HEAD);
		assertSame(headOnly, CutPayloads.completeHttp(headOnly, 1e9));
		byte[] smtp = bytes("250 OK\r\nContent-Length: 99\r\n\r\nx");
		assertSame(smtp, CutPayloads.completeHttp(smtp, 1e9));
		byte[] chunked = bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 50\r\n\r\n5\r\nhello");
		assertSame(chunked, CutPayloads.completeHttp(chunked, 1e9));
		byte[] complete = bytes("HTTP/1.0 404 Not Found\r\ncontent-length: 3\r\n\r\nabc");
		assertSame(complete, CutPayloads.completeHttp(complete, 1e9));
	}

	@Test
	void requestsAreCompletedToo() {
		byte[] post = bytes("POST /form HTTP/1.1\r\nHost: x\r\nContent-Length:  6 \r\n\r\nx=1");
		assertArrayEquals(bytes("POST /form HTTP/1.1\r\nHost: x\r\nContent-Length:  6 \r\n\r\nx=1x=1"),
				CutPayloads.completeHttp(post, 1e9));
	}

	@Test
	void entriesOfTheLimitLengthGrowToTheLearnedSize() {
		byte[] cut = bytes("abcd".repeat(375));
		byte[] whole = CutPayloads.completeCut(cut, 1500, 1560.2, true);
		assertEquals(1560, whole.length);
		assertEquals("abcd".repeat(390), new String(whole, StandardCharsets.ISO_8859_1));
		byte[] binary = CutPayloads.completeCut(cut, 1500, 1560.2, false);
		assertArrayEquals(Arrays.copyOf(cut, 1560), binary, "binary entries grow by zeros");
		assertSame(cut, CutPayloads.completeCut(cut, 1501, 1560, true), "shorter than the limit: a message of its own");
		assertSame(cut, CutPayloads.completeCut(cut, 1500, 1500.3, true), "the learned size is no larger");
		assertSame(cut, CutPayloads.completeCut(cut, 1500, 1e6, true), "no segment is that long");
		byte[] small = bytes("abcd");
		assertSame(small, CutPayloads.completeCut(small, 4, 10, true), "too short a limit to be a capture's");
	}
}
