package org.tadam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code tadam eval} on the bundled capture: against itself, with --learn, and on bad input. */
class EvalCommandTest {
	static final Path WEB_DNS = CliTest.SAMPLES.resolve("captures/web-dns.pcap");
	static final Path UDP = Path.of("../org.tadam.capture/src/test/resources/org/tadam/capture/udp.pcap");
	/** Tools that are not there: the report must say so (the tests do not depend on what is installed). */
	static final String[] NO_TOOLS = { "--tshark", "/nonexistent/tshark", "--ndpi-reader", "/nonexistent/ndpiReader" };

	private static String[] args(String... head) {
		String[] all = new String[head.length + NO_TOOLS.length];
		System.arraycopy(head, 0, all, 0, head.length);
		System.arraycopy(NO_TOOLS, 0, all, head.length, NO_TOOLS.length);
		return all;
	}

	@Test
	void aCaptureAgainstItselfIsAtDistanceZero(@TempDir Path dir) throws Exception {
		CliTest.Result r = CliTest.tadam(args("eval", WEB_DNS.toString(), WEB_DNS.toString(), "-o", dir.toString()));
		assertEquals(0, r.exit(), r::toString);
		String[] lines = r.out().split("\\R");
		assertTrue(lines[0].startsWith("service"), r.out());
		assertTrue(lines[1].startsWith("dns ") && lines[2].startsWith("http "), r.out());
		assertTrue(lines[1].contains("tshark absent") && lines[1].contains("nDPI absent"), lines[1]);
		JsonNode root = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
		int distances = 0;
		for (JsonNode s : root.get("services")) {
			assertTrue(s.get("tooSmall").isNull());
			for (JsonNode m : s.get("metrics")) {
				for (String kind : new String[] { "jsd", "emd", "ks" }) {
					if (m.has(kind)) {
						assertEquals(0, m.get(kind).get("generated").asDouble(), 1e-12, s.get("label") + " " + m.get("label") + " " + kind);
						distances++;
					}
				}
			}
		}
		assertEquals(2 * (8 * 3 + 4), distances);
		assertTrue(root.get("judges").get("nDPI").get("real").asText().startsWith("absent"));
		String html = Files.readString(dir.resolve("report.html"));
		assertTrue(html.contains("absent: /nonexistent/tshark is not installed"), "the report says the tool is absent");
		assertTrue(html.contains("data:image/png;base64,"));
	}

	@Test
	void noServiceInCommonIsOneLineAndExitTwo(@TempDir Path dir) {
		CliTest.Result r = CliTest.tadam(args("eval", WEB_DNS.toString(), UDP.toString(), "-o", dir.toString()));
		assertEquals(TadamCli.EXIT_ERROR, r.exit(), r::toString);
		String last = r.err().strip().lines().reduce((a, b) -> b).orElse("");
		assertTrue(last.startsWith("tadam eval: no service in common"), r.err());
		assertEquals("", r.out());
		assertFalse(Files.exists(dir.resolve("summary.json")));
	}

	@Test
	void badUsageAndUnreadableCaptures(@TempDir Path dir) {
		CliTest.Result r = CliTest.tadam(args("eval", "--learn", WEB_DNS.toString(), WEB_DNS.toString(), "-o", dir.toString()));
		assertEquals(TadamCli.EXIT_ERROR, r.exit());
		assertTrue(r.err().contains("--learn and one REAL capture"), r.err());
		Path missing = dir.resolve("missing.pcap");
		r = CliTest.tadam(args("eval", missing.toString(), WEB_DNS.toString(), "-o", dir.toString()));
		assertEquals(TadamCli.EXIT_ERROR, r.exit());
		assertTrue(r.err().contains("tadam eval: " + missing + ": no such file"), r.err());
		assertFalse(r.err().contains("Exception"), r.err());
	}

	@Test
	void learnOnTheFirstHalfAndCompareWithTheSecond(@TempDir Path dir) throws Exception {
		CliTest.Result r = CliTest.tadam(args("eval", "--learn", WEB_DNS.toString(), "-o", dir.toString(), "--seed", "3"));
		assertEquals(0, r.exit(), r::toString);
		assertTrue(r.err().contains("tadam eval: generating 30 connections of http/tcp"), r.err());
		JsonNode root = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
		assertEquals("learn", root.get("mode").asText());
		assertEquals(3, root.get("options").get("seed").asInt());
		assertEquals(2, root.get("generators").size());
		for (JsonNode s : root.get("services")) {
			assertEquals(30, s.get("connections").get("real").asInt(), s.toString());
			assertEquals(30, s.get("connections").get("generated").asInt(), s.toString());
			assertTrue(s.get("worst").get("ratio").isNumber() || s.get("worst").get("floorZero").asBoolean());
			assertEquals(30, s.get("detectedAs").get(s.get("service").asText()).asInt(0) + otherNames(s), s.toString());
		}
		assertTrue(Files.isRegularFile(dir.resolve("real-first-half.pcapng")));
		assertTrue(Files.isRegularFile(dir.resolve("models/http.tadam")) && Files.isRegularFile(dir.resolve("models/http.jar")));
		assertTrue(Files.isRegularFile(dir.resolve("generated/http_tcp.pcap")));
	}

	/** Generated connections capture names otherwise than their model's service. */
	private static int otherNames(JsonNode service) {
		int n = 0;
		for (var e : service.get("detectedAs").properties()) {
			if (!e.getKey().equals(service.get("service").asText())) {
				n += e.getValue().asInt();
			}
		}
		return n;
	}
}
