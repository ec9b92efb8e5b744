package org.tadam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tadam.cli.CliTest.Result;

/** {@code tadam convert} to and from Fos-R JSON: reports, validation, atomic writes, exit codes. */
class FosrConvertCommandTest {

	private static final Path SAMPLES = CliTest.SAMPLES;

	/** A small generation-3 file: a gamma IAT law, statistics with substitution. */
	private static final String GEN3 = """
			{"edges": [
			 {"p": 1.0, "count": 9, "src": 0, "dst": 1, "symbol": ">_Replay", "iat_distr": {"law": "constant", "value": 1.0},
			  "payloads": {"content": ["AAEBAA=="]}},
			 {"p": 1.0, "count": 9, "src": 1, "dst": 2, "symbol": "<_Replay",
			  "iat_distr": {"law": "gamma", "shape": 0.74, "loc": 1000.0, "scale": 200.0}, "payloads": {"content": ["AAGBAA=="]}},
			 {"p": 1.0, "count": 9, "src": 2, "dst": 3, "symbol": "$", "iat_distr": {"law": "constant", "value": 1.0}}],
			 "statistics": {"no_noise": 0.99, "deletion": 0.0, "reemission": 0.0, "transposition": 0.0, "addition": 0.0,
			  "substitution": 0.01},
			 "initial_state": 0, "accepting_state": 3, "protocol": "udp",
			 "metadata": {"service": "echo", "conn_state": "none"}}
			""";

	@Test
	void tadamToFosrJsonAndBack(@TempDir Path dir) throws Exception {
		Path json = dir.resolve("http-SF.json");
		Result out = CliTest.tadam("convert", SAMPLES.resolve("http.tadam").toString(), json.toString());
		assertEquals(0, out.exit(), out::toString);
		String text = Files.readString(json);
		assertTrue(text.contains("\"conn_state\": \"SF\""), text);
		assertTrue(text.contains("\"symbol\": \"AP_>_Text:GET\""), text);
		assertTrue(out.err().contains("tadam: " + json + ": $.edges[3].mu: 's3 -> s4 PA> text \"GET\"': log-normal IAT law"),
				out.err());
		assertTrue(out.err().contains("tadam: " + json + ": $.metadata: ports [80, 8080] not written"), out.err());
		assertTrue(out.err().endsWith(SAMPLES.resolve("http.tadam") + " -> " + json + " (Fos-R gen 2)\n"), out.err());

		Path back = dir.resolve("back.tadam");
		Result in = CliTest.tadam("convert", json.toString(), back.toString());
		assertEquals(0, in.exit(), in::toString);
		assertTrue(Files.readString(back).contains("values iat ms size bytes"), "generation 2 TCP values stay in ms");
		assertEquals(0, CliTest.tadam("validate", back.toString()).exit());
		assertEquals(0, CliTest.tadam("format", "--check", back.toString()).exit());
		Path xmi = dir.resolve("back.xmi");
		assertEquals(0, CliTest.tadam("convert", json.toString(), xmi.toString()).exit());
		assertTrue(Files.readString(xmi).contains("tadam:Automaton"));
	}

	@Test
	void generationThreeIsReportedLineByLine(@TempDir Path dir) throws Exception {
		Path json = Files.writeString(dir.resolve("echo.json"), GEN3);
		Path model = dir.resolve("echo.tadam");
		Result in = CliTest.tadam("convert", json.toString(), model.toString());
		assertEquals(0, in.exit(), in::toString);
		assertTrue(in.err().contains("tadam: " + json + ": $.edges[1].iat_distr: gamma law (shape 0.74, loc 1000 µs, scale 200 µs) "
				+ "approximated by a log-normal"), in.err());
		assertTrue(in.err().contains("tadam: " + json + ": $.statistics: substitution rate 0.01 has no TADAM counterpart"), in.err());
		assertTrue(Files.readString(model).contains("values iat decilog-us size bytes"));

		Path again = dir.resolve("again.json");
		Result out = CliTest.tadam("convert", model.toString(), again.toString(), "--fosr-generation", "3");
		assertEquals(0, out.exit(), out::toString);
		assertTrue(Files.readString(again).contains("\"law\": \"gamma\""));
		assertTrue(out.err().contains("written as a gamma law with the same mean"), out.err());
	}

	@Test
	void badFosrFilesNameFileAndPathAndWriteNothing(@TempDir Path dir) throws Exception {
		Path bad = Files.writeString(dir.resolve("bad.json"), GEN3.replace("\"p\": 1.0, \"count\": 9, \"src\": 1", "\"p\": \"x\", \"count\": 9, \"src\": 1"));
		Path target = dir.resolve("bad.tadam");
		Result r = CliTest.tadam("convert", bad.toString(), target.toString());
		assertEquals(TadamCli.EXIT_PROBLEMS, r.exit());
		assertTrue(r.err().contains("tadam: " + bad + ": $.edges[1].p: expected a number, found a string"), r.err());
		assertFalse(r.err().contains("Exception"), r.err());
		assertFalse(Files.exists(target));

		// TCP flags on a UDP symbol: the reader refuses the file
		Path invalid = Files.writeString(dir.resolve("invalid.json"), GEN3.replace("\"symbol\": \"<_Replay\"", "\"symbol\": \"SA_<_Replay\""));
		Result v = CliTest.tadam("convert", invalid.toString(), dir.resolve("invalid.tadam").toString());
		assertEquals(TadamCli.EXIT_PROBLEMS, v.exit(), v::toString);
		assertTrue(v.err().contains("$.edges[1].symbol: UDP symbol 'SA_<_Replay' carries TCP flags"), v.err());
		assertFalse(Files.exists(dir.resolve("invalid.tadam")));

		Result missing = CliTest.tadam("convert", dir.resolve("missing.json").toString(), target.toString());
		assertEquals(TadamCli.EXIT_ERROR, missing.exit());
		assertTrue(missing.err().contains("missing.json: no such file"), missing.err());
	}

	@Test
	void importedModelsAreValidatedBeforeWriting(@TempDir Path dir) throws Exception {
		// well-formed JSON, but state 1 only loops on itself: connections entering it never end, which the DSL
		// validator (not the JSON reader) knows
		String json = """
				{"edges": [
				 {"payloads": {"type": "NoPayload"}, "p": 0.5, "count": 1, "src": 0, "dst": 1, "symbol": "S_>_Empty",
				  "mu": [1.0, 0.0], "cov": [[1.0, 0.0], [0.0, 1.0]]},
				 {"payloads": {"type": "NoPayload"}, "p": 1.0, "count": 1, "src": 1, "dst": 1, "symbol": "A_>_Empty",
				  "mu": [1.0, 0.0], "cov": [[1.0, 0.0], [0.0, 1.0]]},
				 {"payloads": {"type": "NoPayload"}, "p": 0.5, "count": 1, "src": 0, "dst": 2, "symbol": "$",
				  "mu": [0.0, 0.0], "cov": [[1e-06, 0.0], [0.0, 1e-06]]}],
				 "noise": {"none": 1.0, "deletion": 0.0, "reemission": 0.0, "transposition": 0.0, "addition": 0.0},
				 "initial_state": 0, "accepting_state": 2, "protocol": "tcp", "metadata": {"service": "x", "conn_state": "S0"}}
				""";
		Path file = Files.writeString(dir.resolve("x-S0.json"), json);
		Result r = CliTest.tadam("convert", file.toString(), dir.resolve("x.tadam").toString());
		assertEquals(TadamCli.EXIT_PROBLEMS, r.exit(), r::toString);
		assertTrue(r.err().contains("tadam: " + file + ": imported model is invalid: State 's1' has no path to the end state"), r.err());
		assertTrue(r.err().contains("has errors, not converted"), r.err());
		assertFalse(Files.exists(dir.resolve("x.tadam")));

		// a covariance larger than its variances allow is refused by the reader already, with its JSON path
		Path cov = Files.writeString(dir.resolve("y-S0.json"),
				json.replaceFirst("\\[\\[1\\.0, 0\\.0\\], \\[0\\.0, 1\\.0\\]\\]", "[[1.0, 5.0], [5.0, 1.0]]"));
		r = CliTest.tadam("convert", cov.toString(), dir.resolve("y.tadam").toString());
		assertEquals(TadamCli.EXIT_PROBLEMS, r.exit(), r::toString);
		assertTrue(r.err().contains("$.edges[0].cov: not a covariance"), r.err());
		assertFalse(Files.exists(dir.resolve("y.tadam")));
	}

	@Test
	void generationOptionIsChecked(@TempDir Path dir) {
		String http = SAMPLES.resolve("http.tadam").toString();
		Result four = CliTest.tadam("convert", http, dir.resolve("h.json").toString(), "--fosr-generation", "4");
		assertEquals(TadamCli.EXIT_ERROR, four.exit());
		assertTrue(four.err().contains("unknown Fos-R model generation 4 (expected 1, 2 or 3)"), four.err());
		Result notJson = CliTest.tadam("convert", http, dir.resolve("h.xmi").toString(), "--fosr-generation", "2");
		assertEquals(TadamCli.EXIT_ERROR, notJson.exit());
		assertTrue(notJson.err().contains("--fosr-generation applies to a .json OUT only"), notJson.err());
		assertFalse(Files.exists(dir.resolve("h.json")));
		assertFalse(Files.exists(dir.resolve("h.xmi")));
		assertTrue(CliTest.tadam("convert", "--help").out().contains("--fosr-generation"));
	}
}
