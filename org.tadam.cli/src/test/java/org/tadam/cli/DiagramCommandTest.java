package org.tadam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tadam.cli.CliTest.Result;

/** {@code tadam diagram}: SVG of a sample, and clear errors on bad input. */
class DiagramCommandTest {

	@Test
	void writesTheSvgOfASample(@TempDir Path dir) throws Exception {
		Path svg = dir.resolve("http.svg");
		Result r = CliTest.tadam("diagram", CliTest.SAMPLES.resolve("http.tadam").toString(), "-o", svg.toString());
		assertEquals(0, r.exit(), r::toString);
		String text = Files.readString(svg);
		assertTrue(text.startsWith("<?xml") && text.contains("<svg") && text.contains("id=\"state-s0\""), text);
		try (var files = Files.list(dir)) {
			assertEquals(1, files.count(), "no temporary file is left beside the output");
		}
	}

	@Test
	void syntaxErrorsAndMissingFilesAreReported(@TempDir Path dir) throws Exception {
		Path broken = Files.writeString(dir.resolve("syntax.tadam"), "automaton x {\n\tprotocol tcp\n\tstate s initial\n\ts -> s S> prob count 1\n}\n");
		Result r = CliTest.tadam("diagram", broken.toString(), "-o", dir.resolve("x.svg").toString());
		assertEquals(TadamCli.EXIT_PROBLEMS, r.exit());
		assertTrue(r.err().contains("has syntax errors, no diagram written"), r.err());
		assertFalse(Files.exists(dir.resolve("x.svg")));

		r = CliTest.tadam("diagram", dir.resolve("missing.tadam").toString());
		assertEquals(TadamCli.EXIT_ERROR, r.exit());
		assertTrue(r.err().contains("no such file"), r.err());
	}
}
