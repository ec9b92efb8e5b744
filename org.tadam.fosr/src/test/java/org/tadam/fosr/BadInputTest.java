package org.tadam.fosr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Unusable files fail with the file name, the JSON path and what is wrong. */
class BadInputTest {

	/** A valid generation-2 TCP file of 4 edges; tests replace one piece of it. */
	private static final String VALID = """
			{"edges": [
			 {"payloads": {"type": "NoPayload"}, "p": 1.0, "count": 4, "src": 0, "dst": 1, "symbol": "S_>_Empty",
			  "mu": [0.0, 0.0], "cov": [[1e-06, 0.0], [0.0, 1e-06]]},
			 {"payloads": {"type": "NoPayload"}, "p": 1.0, "count": 4, "src": 1, "dst": 2, "symbol": "SA_<_Empty",
			  "mu": [1.0, 0.0], "cov": [[1.0, 0.0], [0.0, 1e-06]]},
			 {"payloads": {"type": "Base64", "content": ["AAE="]}, "p": 1.0, "count": 4, "src": 2, "dst": 3,
			  "symbol": "AP_>_Replay", "mu": [1.0, 2.0], "cov": [[1.0, 0.0], [0.0, 1e-06]]},
			 {"payloads": {"type": "NoPayload"}, "p": 1.0, "count": 4, "src": 3, "dst": 4, "symbol": "$",
			  "mu": [0.0, 0.0], "cov": [[1e-06, 0.0], [0.0, 1e-06]]}],
			 "noise": {"none": 1.0, "deletion": 0.0, "reemission": 0.0, "transposition": 0.0, "addition": 0.0},
			 "initial_state": 0, "accepting_state": 4, "protocol": "tcp",
			 "metadata": {"service": "ssh", "conn_state": "S0"}}
			""";

	private static String fail(String json) {
		FosrFormatException e = assertThrows(FosrFormatException.class,
				() -> new FosrReader().read("ssh-S0.json", json.getBytes(StandardCharsets.UTF_8)));
		assertTrue(e.getMessage().startsWith("ssh-S0.json: "), e.getMessage());
		return e.getMessage();
	}

	private static String replace(String from, String to) {
		assertTrue(VALID.contains(from), from);
		return VALID.replace(from, to);
	}

	@Test
	void theValidFileIsValid() throws Exception {
		assertEquals(4, new FosrReader().read("ssh-S0.json", VALID.getBytes(StandardCharsets.UTF_8)).automaton().getEdges().size());
	}

	@Test
	void malformedJsonNamesLineAndColumn() {
		String message = fail(VALID.substring(0, 40));
		assertTrue(message.startsWith("ssh-S0.json: malformed JSON at line 2, column "), message);
		assertTrue(fail("").contains("empty file"));
		assertTrue(fail(VALID + "}").contains("malformed JSON"), "trailing content");
		assertTrue(fail(replace("\"count\": 4, \"src\": 0", "\"count\": 4, \"count\": 5, \"src\": 0")).contains("Duplicate field 'count'"));
	}

	@Test
	void impossibleCovariancesNameTheirPath() {
		assertTrue(fail(replace("\"mu\": [1.0, 0.0], \"cov\": [[1.0, 0.0], [0.0, 1e-06]]",
				"\"mu\": [1.0, 0.0], \"cov\": [[-1.0, 0.0], [0.0, 1e-06]]")).startsWith("ssh-S0.json: $.edges[1].cov: not a covariance"));
		assertTrue(fail(replace("\"mu\": [1.0, 0.0], \"cov\": [[1.0, 0.0], [0.0, 1e-06]]",
				"\"mu\": [1.0, 0.0], \"cov\": [[1.0, 5.0], [5.0, 1.0]]")).startsWith("ssh-S0.json: $.edges[1].cov: not a covariance"));
	}

	@Test
	void illTypedAndMissingFieldsNameTheirPath() {
		assertEquals("ssh-S0.json: $.edges[3].p: expected a number, found a string",
				fail(replace("\"p\": 1.0, \"count\": 4, \"src\": 3", "\"p\": \"1\", \"count\": 4, \"src\": 3")));
		assertEquals("ssh-S0.json: $.edges[0].symbol: missing", fail(replace(", \"symbol\": \"S_>_Empty\"", "")));
		assertEquals("ssh-S0.json: $.edges[1].count: expected an integer, found the number 4.5",
				fail(replace("\"count\": 4, \"src\": 1", "\"count\": 4.5, \"src\": 1")));
		assertEquals("ssh-S0.json: $.edges[0].cov: expected a 2×2 matrix, found 1 rows",
				fail(replace("\"cov\": [[1e-06, 0.0], [0.0, 1e-06]]},\n {\"payloads\": {\"type\": \"NoPayload\"}, \"p\": 1.0, \"count\": 4, \"src\": 1",
						"\"cov\": [[1e-06, 0.0]]},\n {\"payloads\": {\"type\": \"NoPayload\"}, \"p\": 1.0, \"count\": 4, \"src\": 1")));
		assertEquals("ssh-S0.json: $.edges[1].mu[0]: expected a finite number, found NaN",
				fail(replace("\"mu\": [1.0, 0.0]", "\"mu\": [NaN, 0.0]")));
		assertEquals("ssh-S0.json: $: expected an object, found an array", fail("[]"));
		assertEquals("ssh-S0.json: $.edges: missing", fail("{\"protocol\": \"tcp\"}"));
	}

	@Test
	void unknownGenerationAndUnknownVocabulary() {
		assertTrue(fail("{\"edges\": [{\"p\": 1.0}], \"initial_state\": 0}")
				.startsWith("ssh-S0.json: $: unknown Fos-R model generation"));
		assertEquals("ssh-S0.json: $.edges[2].payloads.type: unknown payload type 'Hex' (expected NoPayload, HexCodes, "
				+ "Base64, Text or Lengths)", fail(replace("\"Base64\"", "\"Hex\"")));
		assertTrue(fail(replace("\"AAE=\"", "\"A?E=\"")).startsWith("ssh-S0.json: $.edges[2].payloads.content[0]: not base64"));
		assertTrue(fail(replace("AP_>_Replay", "AP_>_Compressed"))
				.startsWith("ssh-S0.json: $.edges[2].symbol: unknown payload class 'Compressed'"));
		assertTrue(fail(replace("AP_>_Replay", "APX_>_Replay")).startsWith("ssh-S0.json: $.edges[2].symbol: unknown TCP flag"));
		assertEquals("ssh-S0.json: $.protocol: ICMP automata cannot be imported: TADAM models TCP and UDP",
				fail(replace("\"protocol\": \"tcp\"", "\"protocol\": \"icmp\"")));
	}

	@Test
	void impossibleProbabilitiesAndStructure() {
		assertEquals("ssh-S0.json: $.edges[1].p: probability 1.5 outside [0, 1]",
				fail(replace("\"p\": 1.0, \"count\": 4, \"src\": 1", "\"p\": 1.5, \"count\": 4, \"src\": 1")));
		assertEquals("ssh-S0.json: $.edges[1].p: the probabilities of the edges out of state 1 ($.edges[1]) sum to 0.9, "
				+ "expected 1", fail(replace("\"p\": 1.0, \"count\": 4, \"src\": 1", "\"p\": 0.9, \"count\": 4, \"src\": 1")));
		assertEquals("ssh-S0.json: $.edges[3].dst: a $ edge must lead into the accepting state 4, not into 2",
				fail(replace("\"src\": 3, \"dst\": 4", "\"src\": 3, \"dst\": 2")));
		assertEquals("ssh-S0.json: $.edges[2].dst: only $ edges may enter the accepting state 4, not 'AP_>_Replay'",
				fail(replace("\"src\": 2, \"dst\": 3", "\"src\": 2, \"dst\": 4")));
		assertEquals("ssh-S0.json: $.accepting_state: the accepting state is the initial state 0",
				fail(replace("\"accepting_state\": 4", "\"accepting_state\": 0")));
		assertEquals("ssh-S0.json: $.edges[1].cov: not symmetric (0.5 ≠ 0.0)",
				fail(replace("\"cov\": [[1.0, 0.0], [0.0, 1e-06]]}", "\"cov\": [[1.0, 0.5], [0.0, 1e-06]]}")));
	}

	@Test
	void generationThreeLaws() {
		String gen3 = """
				{"edges": [{"p": 1.0, "count": 1, "src": 0, "dst": 1, "symbol": ">_Replay",
				  "iat_distr": {"law": "LAW", "shape": SHAPE, "loc": 0.0, "scale": 1.0}},
				 {"p": 1.0, "count": 1, "src": 1, "dst": 2, "symbol": "$", "iat_distr": {"law": "constant", "value": 1.0}}],
				 "initial_state": 0, "accepting_state": 2, "protocol": "udp"}
				""";
		assertEquals("ssh-S0.json: $.edges[0].iat_distr.law: unknown law 'weibull' (expected constant or gamma)",
				fail(gen3.replace("LAW", "weibull").replace("SHAPE", "1.0")));
		assertEquals("ssh-S0.json: $.edges[0].iat_distr.shape: a gamma shape must be positive, found -1.0",
				fail(gen3.replace("LAW", "gamma").replace("SHAPE", "-1.0")));
	}
}
