package org.tadam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands of the foundation on the bundled samples and on broken input. */
class CliTest {

	static final Path SAMPLES = Path.of(System.getProperty("tadam.samples", "../samples"));

	record Result(int exit, String out, String err) {
	}

	static Result tadam(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int exit = TadamCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
		return new Result(exit, out.toString(), err.toString());
	}

	@Test
	void validateAcceptsTheSamples() {
		Result r = tadam("validate", SAMPLES.resolve("http.tadam").toString(), SAMPLES.resolve("dns.tadam").toString());
		assertEquals(0, r.exit(), r::toString);
		assertEquals("", r.out());
		assertTrue(r.err().contains("2 valid, 0 invalid, 0 unreadable"), r.err());
	}

	@Test
	void validateNamesFileLineAndColumnOfEachProblem() {
		Path broken = SAMPLES.resolve("broken.tadam");
		Result r = tadam("validate", broken.toString());
		assertEquals(TadamCli.EXIT_PROBLEMS, r.exit());
		assertTrue(r.out().contains(broken + ":6:8: error: Outgoing probabilities of state 'a' sum to 0.9, expected 1 [probability_sum]"), r.out());
		assertTrue(r.out().contains(broken + ":13:9: error: Malformed TCP flags 'SX'"), r.out());
		assertTrue(r.out().contains(broken + ":9:8: warning: State 'lonely' is unreachable"), r.out());
	}

	@Test
	void syntaxErrorsAreDiagnosticsNotStackTraces(@TempDir Path dir) throws Exception {
		Path file = Files.writeString(dir.resolve("syntax.tadam"), "automaton x {\n\tprotocol tcp\n\tstate s initial\n\ts -> s S> prob count 1\n}\n");
		Result r = tadam("validate", file.toString());
		assertEquals(TadamCli.EXIT_PROBLEMS, r.exit());
		assertTrue(r.out().contains(file + ":4:17: error: extraneous input 'count' expecting a number [Syntax]"), r.out());
		assertFalse(r.err().contains("Exception"), r.err());
	}

	@Test
	void unknownAndUnreadableFiles(@TempDir Path dir) {
		Result r = tadam("validate", dir.resolve("missing.tadam").toString(), dir.resolve("model.json").toString());
		assertEquals(TadamCli.EXIT_ERROR, r.exit());
		assertTrue(r.err().contains("missing.tadam: no such file"), r.err());
		assertTrue(r.err().contains("unknown kind of file '.json'"), r.err());
		assertFalse(r.err().contains("Exception"), r.err());
	}

	@Test
	void formatCheckAndRewrite(@TempDir Path dir) throws Exception {
		assertEquals(0, tadam("format", "--check", SAMPLES.resolve("http.tadam").toString()).exit());
		String canonical = Files.readString(SAMPLES.resolve("dns.tadam"));
		Path messy = Files.writeString(dir.resolve("dns.tadam"), canonical.replace("\n\t", "\n  ").replace(" -> ", "   ->   "));
		Result check = tadam("format", "--check", messy.toString());
		assertEquals(TadamCli.EXIT_PROBLEMS, check.exit());
		assertTrue(check.out().contains("not formatted"), check.out());
		assertEquals(0, tadam("format", messy.toString()).exit());
		assertEquals(canonical, Files.readString(messy));
		assertEquals(0, tadam("format", "--check", messy.toString()).exit());
	}

	@Test
	void convertToXmiAndBack(@TempDir Path dir) throws Exception {
		Path xmi = dir.resolve("http.xmi");
		Path back = dir.resolve("http.tadam");
		assertEquals(0, tadam("convert", SAMPLES.resolve("http.tadam").toString(), xmi.toString()).exit());
		assertTrue(Files.readString(xmi).contains("tadam:Automaton"));
		assertEquals(0, tadam("convert", xmi.toString(), back.toString()).exit());
		assertEquals(0, tadam("validate", back.toString()).exit());
		assertEquals(0, tadam("format", "--check", back.toString()).exit());
		Result broken = tadam("convert", SAMPLES.resolve("broken.tadam").toString(), dir.resolve("b.xmi").toString());
		assertEquals(TadamCli.EXIT_PROBLEMS, broken.exit());
		assertFalse(Files.exists(dir.resolve("b.xmi")));
		assertEquals(TadamCli.EXIT_ERROR, tadam("convert", SAMPLES.resolve("http.tadam").toString(), dir.resolve("x.txt").toString()).exit());
	}

	@Test
	void dotPrintsTheGraph() {
		Result r = tadam("dot", SAMPLES.resolve("dns.tadam").toString());
		assertEquals(0, r.exit(), r::toString);
		assertTrue(r.out().startsWith("digraph \"dns\""), r.out());
		assertEquals(4, r.out().lines().filter(l -> l.contains(" -> ")).count());
	}

	@Test
	void helpAndVersionEverywhere() {
		for (String command : new String[] { "validate", "format", "convert", "dot", "lsp" }) {
			Result help = tadam(command, "--help");
			assertEquals(0, help.exit(), command);
			assertTrue(help.out().contains("Usage: tadam " + command), help.out());
			Result version = tadam(command, "--version");
			assertTrue(version.out().startsWith("tadam "), version.out());
		}
		Result bad = tadam("validate");
		assertEquals(TadamCli.EXIT_ERROR, bad.exit());
		assertTrue(bad.err().contains("Missing required parameter"), bad.err());
	}

	@Test
	void scenariosAreValidatedWithTheirModelsAndFormatted(@TempDir Path dir) throws Exception {
		Path scenario = SAMPLES.resolve("mix.tadamscenario");
		Result valid = tadam("validate", scenario.toString());
		assertEquals(0, valid.exit(), valid::toString);
		assertEquals(0, tadam("format", "--check", scenario.toString()).exit());

		for (String model : new String[] { "http.tadam", "tls.tadam", "dns.tadam", "ssh.tadam" }) {
			Files.copy(SAMPLES.resolve(model), dir.resolve(model));
		}
		// a broken imported model is reported in its own file
		Files.writeString(dir.resolve("dns.tadam"), Files.readString(dir.resolve("dns.tadam")).replace("prob 0.9", "prob 0.8"));
		Path copy = Files.writeString(dir.resolve("mix.tadamscenario"), Files.readString(scenario).replace("\n\t", "\n  "));
		Result broken = tadam("validate", copy.toString());
		assertEquals(TadamCli.EXIT_PROBLEMS, broken.exit(), broken::toString);
		assertTrue(broken.out().contains("dns.tadam:"), broken.out());
		assertTrue(broken.out().contains("sum to 0.9, expected 1"), broken.out());
		assertEquals(TadamCli.EXIT_PROBLEMS, tadam("format", "--check", copy.toString()).exit());
		assertEquals(0, tadam("format", copy.toString()).exit());
		assertEquals(Files.readString(scenario), Files.readString(copy));
	}
}
