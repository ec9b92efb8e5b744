package org.tadam.generator.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --labels}: one row per connection of the capture, in order, naming its endpoints, walk, noise and repairs. */
class LabelsTest {

	private static String[] run(Path dir, ScenarioModel scenario, String... extra) throws Exception {
		List<String> args = new ArrayList<>(List.of("--seed", "4", "--connections", "300", "--threads", "2", "-o",
				dir.resolve("out.pcap").toString(), "--labels", dir.resolve("labels.tsv").toString()));
		args.addAll(List.of(extra));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = GeneratorMain.run(args.toArray(String[]::new), scenario, new GeneratorSettings(),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		assertEquals(0, status, err::toString);
		return new String[] { out.toString(StandardCharsets.UTF_8), Files.readString(dir.resolve("labels.tsv")) };
	}

	@Test
	void oneRowPerConnectionWithItsEndpointsAndWalk(@TempDir Path dir) throws Exception {
		String labels = run(dir, TrafficGeneratorTest.scenario())[1];
		List<String> lines = labels.lines().toList();
		assertEquals(ConnectionLabel.HEADER, lines.get(0));
		assertEquals(301, lines.size());
		Map<String, Segments> firstByClient = new HashMap<>();
		for (List<Segments> c : Segments.connections(Segments.read(Files.readAllBytes(dir.resolve("out.pcap")))).values()) {
			firstByClient.put(InetAddress.getByAddress(c.get(0).src()).getHostAddress() + " " + c.get(0).srcPort(), c.get(0));
		}
		assertEquals(300, firstByClient.size());
		Instant previous = Instant.MIN;
		for (int i = 1; i < lines.size(); i++) {
			String[] f = lines.get(i).split("\t", -1);
			assertEquals(12, f.length, lines.get(i));
			assertEquals(String.valueOf(i - 1), f[0]);
			Segments first = firstByClient.get(f[3] + " " + f[4]);
			assertTrue(first != null, () -> "a connection from " + f[3] + " port " + f[4]);
			assertTrue(Instant.parse(f[1]).compareTo(previous) >= 0, "rows in order of start");
			previous = Instant.parse(f[1]);
			assertTrue(Instant.parse(f[1]).compareTo(Instant.ofEpochSecond(0, first.nanos())) <= 0, "start before the first packet");
			assertEquals("tcp", f[2]);
			assertEquals(InetAddress.getByAddress(first.dst()).getHostAddress(), f[5]);
			assertEquals("80", f[6]);
			assertEquals("t", f[7]);
			assertEquals("s0 s1 s2 s3 s4 s5 s6 s7 s8 s8", f[8]);
			assertEquals("0 1 2 3 4 5 6 7 8", f[9]);
			assertEquals("-", f[10]);
			assertEquals("-", f[11]);
		}
		try (var files = Files.list(dir)) {
			assertEquals(2, files.count(), "no temporary file is left");
		}
	}

	@Test
	void repairsAndNoiseArePlacedOnTheWalk(@TempDir Path dir) throws Exception {
		String[] result = run(dir, TcpRepairTest.scenario(new double[] { 0.02, 0.02, 0.02, 0.02 }), "--noise", "learned");
		assertTrue(result[0].contains("letters repaired (payload-after-own-fin 300"), result[0]);
		List<String> rows = result[1].lines().skip(1).toList();
		long noisy = 0;
		for (String row : rows) {
			String[] f = row.split("\t", -1);
			// the walk's letter 7 (edge 10, PA> after the client's FIN) is always dropped
			assertTrue(f[11].contains("payload-after-own-fin:dropped@7"), row);
			assertEquals("10", f[9].split(" ")[7], row);
			noisy += f[10].equals("-") ? 0 : 1;
		}
		assertTrue(noisy > 50 && noisy < 250, "about 1 - 0.92^11 of the connections have noise: " + noisy);
		assertEquals(result[1], run(dir, TcpRepairTest.scenario(new double[] { 0.02, 0.02, 0.02, 0.02 }), "--noise",
				"learned", "--threads", "1")[1]);
	}

	@Test
	void noiseIsOffUnlessAsked(@TempDir Path dir) throws Exception {
		String[] result = run(dir, TcpRepairTest.scenario(new double[] { 0.2, 0.2, 0.2, 0.2 }));
		assertTrue(result[1].lines().skip(1).allMatch(row -> row.split("\t", -1)[10].equals("-")));
		assertTrue(!result[0].contains("noise"), result[0]);
	}
}
