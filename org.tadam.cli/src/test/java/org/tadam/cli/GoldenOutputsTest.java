package org.tadam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Models and pcaps made from the bundled capture and scenario are byte-identical to the golden outputs in
 * {@code src/test/resources/golden}, so a refactoring cannot change what users get without saying so. The
 * golden files are rewritten only by {@code scripts/make-golden.sh}, for a change meant to alter them.
 */
class GoldenOutputsTest {

	private static final Path GOLDEN = Path.of("src/test/resources/golden");

	@Test
	void learnedModelsAreTheGoldenOnes(@TempDir Path dir) throws IOException {
		CliTest.Result r = CliTest.tadam("learn", CliTest.SAMPLES.resolve("captures/web-dns.pcap").toString(), "-o", dir.toString());
		assertEquals(0, r.exit(), r::toString);
		for (String name : new String[] { "http.tadam", "dns.tadam" }) {
			assertEquals(Files.readString(GOLDEN.resolve("models").resolve(name)), Files.readString(dir.resolve(name)), name);
		}
	}

	@Test
	void generatedPcapsAreTheGoldenOnes(@TempDir Path dir) throws Exception {
		Path mix = dir.resolve("mix.jar");
		assertEquals(0, CliTest.tadam("compile", CliTest.SAMPLES.resolve("mix.tadamscenario").toString(), "-o", mix.toString()).exit());
		for (String format : new String[] { "pcap", "pcap-ns", "pcapng" }) {
			String name = "mix-" + format + (format.equals("pcapng") ? ".pcapng" : ".pcap");
			Path out = dir.resolve(name);
			generate(mix, out, "--seed", "7", "--connections", "20", "--format", format);
			assertSameBytes(GOLDEN.resolve(name), out);
		}
		Path http = dir.resolve("http.jar");
		assertEquals(0, CliTest.tadam("compile", GOLDEN.resolve("models/http.tadam").toString(), "-o", http.toString()).exit());
		Path out = dir.resolve("http-learned.pcap");
		generate(http, out, "--seed", "3", "--connections", "20");
		assertSameBytes(GOLDEN.resolve("http-learned.pcap"), out);
	}

	private static void generate(Path jar, Path out, String... options) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.toString(), "-o", out.toString());
		builder.command().addAll(List.of(options));
		Process p = builder.redirectErrorStream(true).start();
		String log = new String(p.getInputStream().readAllBytes());
		assertTrue(p.waitFor(60, TimeUnit.SECONDS), log);
		assertEquals(0, p.exitValue(), log);
	}

	private static void assertSameBytes(Path expected, Path actual) throws IOException {
		byte[] e = Files.readAllBytes(expected);
		byte[] a = Files.readAllBytes(actual);
		int n = Math.min(e.length, a.length);
		for (int i = 0; i < n; i++) {
			if (e[i] != a[i]) {
				fail(actual.getFileName() + " differs from " + expected + " at byte " + i);
			}
		}
		assertEquals(e.length, a.length, actual.getFileName() + " length");
	}
}
