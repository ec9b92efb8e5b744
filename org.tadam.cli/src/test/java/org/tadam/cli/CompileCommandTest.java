package org.tadam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tadam compile}: bundled scenario to a jar that runs on a plain JRE; errors instead of half-written jars. */
class CompileCommandTest {

	@Test
	void compilesTheBundledMixIntoARunnableJar(@TempDir Path dir) throws Exception {
		Path jar = dir.resolve("mix.jar");
		CliTest.Result r = CliTest.tadam("compile", CliTest.SAMPLES.resolve("mix.tadamscenario").toString(), "-o", jar.toString());
		assertEquals(0, r.exit(), r::toString);
		assertTrue(r.out().startsWith("wrote " + jar), r.out());
		Path pcap = dir.resolve("out.pcap");
		Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
				"--seed", "7", "--connections", "100", "-o", pcap.toString()).redirectErrorStream(true).start();
		String out = new String(java.getInputStream().readAllBytes());
		assertTrue(java.waitFor(60, TimeUnit.SECONDS));
		assertEquals(0, java.exitValue(), out);
		assertTrue(out.startsWith("mix: 100 connections, "), out);
		assertTrue(Files.size(pcap) > 24);
	}

	@Test
	void aSingleModelIsAScenarioOfItsOwn(@TempDir Path dir) {
		Path jar = dir.resolve("dns.jar");
		CliTest.Result r = CliTest.tadam("compile", CliTest.SAMPLES.resolve("dns.tadam").toString(), "-o", jar.toString());
		assertEquals(0, r.exit(), r::toString);
		assertTrue(Files.isRegularFile(jar));
	}

	@Test
	void invalidInputWritesNoJar(@TempDir Path dir) throws Exception {
		Path jar = dir.resolve("broken.jar");
		CliTest.Result r = CliTest.tadam("compile", CliTest.SAMPLES.resolve("broken.tadam").toString(), "-o", jar.toString());
		assertEquals(TadamCli.EXIT_PROBLEMS, r.exit());
		assertTrue(r.out().contains("[probability_sum]"), r.out());
		assertFalse(Files.exists(jar));

		Path scenario = Files.writeString(dir.resolve("bad.tadamscenario"),
				"scenario bad {\n\timport \"nowhere.tadam\"\n\trate 0\n\n\tuse ghost\n}\n");
		r = CliTest.tadam("compile", scenario.toString(), "-o", jar.toString());
		assertEquals(TadamCli.EXIT_PROBLEMS, r.exit());
		assertTrue(r.out().contains("[unresolved_import]") && r.out().contains("[scenario_rate]"), r.out());
		assertTrue(r.out().contains("ghost"), r.out());
		assertFalse(Files.exists(jar));
		assertTrue(Files.list(dir).noneMatch(p -> p.getFileName().toString().endsWith(".part")));
	}

	@Test
	void unknownFileKindIsAnError(@TempDir Path dir) throws Exception {
		Path file = Files.writeString(dir.resolve("x.txt"), "hello");
		CliTest.Result r = CliTest.tadam("compile", file.toString());
		assertEquals(TadamCli.EXIT_ERROR, r.exit());
		assertTrue(r.err().contains("unknown kind of file"), r.err());
	}
}
