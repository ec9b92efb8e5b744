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

	/** The client sends data after its own FIN on every walk: compile warns, and the jar repairs and counts it. */
	@Test
	void impossibleTcpLettersAreWarnedAboutAndRepaired(@TempDir Path dir) throws Exception {
		Path model = Files.writeString(dir.resolve("late.tadam"), """
				automaton late {
					protocol tcp
					service "web" ports 80
					noise missing 0.05 spurious 0 duplicated 0 swapped 0
					state a initial
					state b
					state c
					state d
					state e
					state z end
					a -> b S> prob 1 count 3 mean (0, 0) cov (1e-6, 0, 1e-6)
					b -> c SA< prob 1 count 3 mean (4, 0) cov (1, 0, 1e-6)
					c -> d FA> prob 1 count 3 mean (4, 0) cov (1, 0, 1e-6)
					d -> e PA> random prob 1 count 3 mean (4, 70) cov (1, 0, 1)
					e -> z $ prob 1 count 3
				}
				""");
		Path jar = dir.resolve("late.jar");
		CliTest.Result r = CliTest.tadam("compile", model.toString(), "-o", jar.toString());
		assertEquals(0, r.exit(), r::toString);
		assertTrue(r.out().contains("warning: Edge 'd -> e PA> random' sends payload from the client after the client's FIN")
				&& r.out().contains("[impossible_tcp_sequence]"), r.out());
		Path labels = dir.resolve("late.tsv");
		Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
				"--connections", "40", "--noise", "learned", "--labels", labels.toString(), "-o", dir.resolve("late.pcap").toString())
				.redirectErrorStream(true).start();
		String out = new String(java.getInputStream().readAllBytes());
		assertTrue(java.waitFor(60, TimeUnit.SECONDS));
		assertEquals(0, java.exitValue(), out);
		assertTrue(out.contains("40 letters repaired (payload-after-own-fin 40), noise (missing "), out);
		assertEquals(41, Files.readAllLines(labels).size());
		assertTrue(Files.readAllLines(labels).get(1).endsWith("\tpayload-after-own-fin:dropped@3"), Files.readAllLines(labels).get(1));
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
		assertTrue(Files.list(dir).noneMatch(p -> p.getFileName().toString().startsWith(".")), "no temporary file left");
	}

	@Test
	void unknownFileKindIsAnError(@TempDir Path dir) throws Exception {
		Path file = Files.writeString(dir.resolve("x.txt"), "hello");
		CliTest.Result r = CliTest.tadam("compile", file.toString());
		assertEquals(TadamCli.EXIT_ERROR, r.exit());
		assertTrue(r.err().contains("unknown kind of file"), r.err());
	}
}
