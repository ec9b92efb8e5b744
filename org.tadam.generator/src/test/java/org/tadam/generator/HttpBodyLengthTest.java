package org.tadam.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A compiled model's HTTP heads say the length of the bodies sent after them, whatever number of body letters its
 * walk draws: here a server answers each request with a head of Content-Length 3000 and then loops on body letters of
 * about 1200 bytes, so that walks draw one to many of them; the generator sets each Content-Length to the body sent,
 * or makes each body letter a chunk when the head says chunked.
 */
class HttpBodyLengthTest {

	private static final String MODEL = """
			automaton web {
				protocol tcp
				service "http" ports 80
				state s0 initial state s1 state s2 state s3 state s4 state s5 state s6 state s7 state s8 state s9 end
				%s
				s3 -> s4 PA> text "GET" prob 1 count 20 mean (10, 26) cov (1, 0, 1e-6)
					payload text { 1 * "GET / HTTP/1.1\\r\\nHost: a\\r\\n\\r\\n" }
				s4 -> s5 PA< text "200" prob 1 count 20 mean (10, 38) cov (1, 0, 1e-6)
					payload text { 1 * "HTTP/1.1 200 OK\\r\\nContent-Length: 3000\\r\\n\\r\\n" }
				s5 -> s5 PA< random prob 0.6 count 30 mean (10, 1200) cov (1, 0, 100)
				s5 -> s6 A> prob 0.4 count 20 mean (10, 0) cov (1, 0, 1e-6)
				s6 -> s3 PA> text "GET" prob 0.5 count 10 mean (10, 26) cov (1, 0, 1e-6)
					payload text { 1 * "GET / HTTP/1.1\\r\\nHost: a\\r\\n\\r\\n" }
				s6 -> s7 FA> prob 0.5 count 10 mean (10, 0) cov (1, 0, 1e-6)
				s7 -> s8 FA< prob 1 count 10 mean (10, 0) cov (1, 0, 1e-6)
				s8 -> s9 $ prob 1 count 10
			}
			""".formatted(GeneratorTestSupport.HANDSHAKE);

	@Test
	void bodiesMatchTheirContentLength(@TempDir Path dir) throws Exception {
		Map<String, ByteArrayOutputStream> answers = answers(GeneratorTestSupport.generate(MODEL, dir, "3", "200"));
		assertTrue(answers.size() > 100, "connections that answered: " + answers.size());
		Pattern head = Pattern.compile("HTTP/1\\.1 200 OK\r\nContent-Length: (\\d+) *\r\n\r\n");
		int messages = 0;
		int set = 0;
		for (ByteArrayOutputStream answer : answers.values()) {
			String stream = answer.toString(StandardCharsets.ISO_8859_1);
			Matcher m = head.matcher(stream);
			int at = 0;
			while (at < stream.length()) {
				assertTrue(m.find(at) && m.start() == at, "a head where the last body ends: " + stream.substring(at,
						Math.min(stream.length(), at + 40)));
				at = m.end() + Integer.parseInt(m.group(1));
				assertTrue(at <= stream.length(), "a body as long as its head says");
				messages++;
				set += m.group(1).equals("3000") ? 0 : 1;
			}
		}
		assertTrue(messages > answers.size(), "some connections answer twice: " + messages);
		assertTrue(set > messages / 2, "Content-Length set to the body sent: " + set + " of " + messages);
	}

	/** The same server sending chunked answers: each body letter is one chunk, the last one ends the message. */
	@Test
	void chunkedBodiesAreChunks(@TempDir Path dir) throws Exception {
		String model = MODEL.replace("Content-Length: 3000", "Transfer-Encoding: chunked").replace("(10, 38)", "(10, 47)");
		int messages = 0;
		int chunks = 0;
		for (ByteArrayOutputStream answer : answers(GeneratorTestSupport.generate(model, dir, "3", "200")).values()) {
			String stream = answer.toString(StandardCharsets.ISO_8859_1);
			String head = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";
			int at = 0;
			while (at < stream.length()) {
				assertTrue(stream.startsWith(head, at), "a head where the last message ends");
				at += head.length();
				messages++;
				while (true) {
					int eol = stream.indexOf("\r\n", at);
					int size = Integer.parseInt(stream.substring(at, eol), 16);
					assertEquals("\r\n", stream.substring(eol + 2 + size, eol + 4 + size), "a chunk ends with CRLF");
					at = eol + 4 + size;
					if (size == 0) {
						break;
					}
					chunks++;
				}
			}
		}
		assertTrue(messages > 100 && chunks > messages, messages + " messages, " + chunks + " chunks");
	}

	/** Per connection, the server's payload bytes in order. */
	private static Map<String, ByteArrayOutputStream> answers(Path pcap) throws Exception {
		Map<String, ByteArrayOutputStream> answers = new LinkedHashMap<>();
		for (CapturedPacket p : CapturedPacket.read(pcap)) {
			assertTrue(p.checksumsValid(), "checksums of a packet whose payload was rewritten");
			if (p.srcPort() == 80 && p.payload().length > 0) {
				answers.computeIfAbsent(p.connectionKey(), k -> new ByteArrayOutputStream()).writeBytes(p.payload());
			}
		}
		return answers;
	}
}
