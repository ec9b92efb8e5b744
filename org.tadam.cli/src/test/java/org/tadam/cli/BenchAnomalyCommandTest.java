package org.tadam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tadam bench-anomaly}: trained on the bundled web-dns sample, tested on the capture module's HTTP fixture
 * (four normal requests, a connection to a closed port, one cut short by a reset, one sending random bytes) with a
 * hand-written label file; and its errors on bad input.
 */
class BenchAnomalyCommandTest {
	private static final Path TRAIN = CliTest.SAMPLES.resolve("captures/web-dns.pcap");
	private static final Path TEST = LearnScoreCommandTest.CAPTURE;
	/** The fixture's connections by their first packet; 127.0.0.1:48468 (a normal request) is left without a row. */
	private static final String LABELS = """
			proto	client_ip	client_port	server_ip	server_port	first_ts	label
			tcp	127.0.0.1	48456	127.0.0.1	18080	1795733640.251773	normal
			tcp	127.0.0.1	48480	127.0.0.1	18080	1795733640.285971	normal
			tcp	::1	18080	::1	49740	1795733640.310845	normal
			tcp	127.0.0.1	59882	127.0.0.1	18081	1795733640.326902	scan
			tcp	127.0.0.1	48496	127.0.0.1	18080	1795733640.441054	malformed
			tcp	127.0.0.1	48498	127.0.0.1	18080	1795733640.492523	malformed
			udp	127.0.0.1	40000	127.0.0.1	53	1795733641.000000	udpflood
			""";

	@Test
	void writesTheReportAndTheModelsAndListsWhatDidNotMatch(@TempDir Path dir) throws Exception {
		Path labels = Files.writeString(dir.resolve("http.labels.tsv"), LABELS);
		Path out = dir.resolve("report");
		CliTest.Result r = CliTest.tadam("bench-anomaly", "--train", TRAIN.toString(), "--test", TEST.toString(), "--labels",
				labels.toString(), "-o", out.toString(), "--threads", "1");
		assertEquals(0, r.exit(), r::toString);
		List<String> table = r.out().lines().toList();
		assertTrue(table.get(0).matches("attack\\s+connections\\s+TADAM\\s+TADAM no noise\\s+Markov chain\\s+HMM\\s+LearnLib MDL"), r.out());
		String area = "\\s+(1\\.000|0\\.\\d{3})";
		assertTrue(table.stream().anyMatch(l -> l.matches("malformed\\s+2" + area.repeat(5))), r.out());
		assertTrue(table.stream().anyMatch(l -> l.matches("scan\\s+1" + area.repeat(5))), r.out());
		assertTrue(table.stream().anyMatch(l -> l.matches("mean\\s+3 normal" + area.repeat(5))), r.out());
		assertTrue(r.err().contains(labels + ":8: no connection matches udp 127.0.0.1:40000 > 127.0.0.1:53 at 1795733641.000000 (udpflood)"),
				r::toString);
		assertTrue(r.err().contains("127.0.0.1:48468 > 127.0.0.1:18080 matches no label row"), r::toString);
		for (String f : List.of("report.html", "summary.json", "scores.tsv")) {
			assertTrue(Files.size(out.resolve(f)) > 0, f);
		}
		// every connection has a finite score; the one to a closed port has no model of its service: it is spelled out
		List<String> scores = Files.readAllLines(out.resolve("scores.tsv"));
		assertEquals(8, scores.size(), scores::toString);
		for (String row : scores.subList(1, scores.size())) {
			String[] cells = row.split("\t");
			for (int d = 0; d < 5; d++) {
				assertTrue(Double.isFinite(Double.parseDouble(cells[6 + 2 * d])), row);
			}
			if (cells[1].equals("127.0.0.1:59882 > 127.0.0.1:18081")) {
				assertEquals("scan", cells[4], row);
				assertEquals("no model for this service", cells[7], row);
			}
		}
		// TADAM's models as files that validate, one directory per TADAM detector
		for (String d : List.of("tadam", "tadam-no-noise")) {
			List<Path> models;
			try (Stream<Path> files = Files.list(out.resolve("models").resolve(d))) {
				models = files.sorted().toList();
			}
			assertFalse(models.isEmpty(), d);
			CliTest.Result valid = CliTest.tadam(Stream.concat(Stream.of("validate"), models.stream().map(Path::toString)).toArray(String[]::new));
			assertEquals(0, valid.exit(), valid::toString);
		}
		assertTrue(Files.readString(out.resolve("models/tadam-no-noise/http.tadam")).contains("noise=none"), "learned as --noise none");
	}

	@Test
	void badInputIsOneLineNamingTheFileAndExitTwo(@TempDir Path dir) throws Exception {
		Path out = dir.resolve("report");
		Path missing = dir.resolve("none.tsv");
		CliTest.Result none = CliTest.tadam("bench-anomaly", "--train", TRAIN.toString(), "--test", TEST.toString(), "--labels",
				missing.toString(), "-o", out.toString());
		assertEquals(2, none.exit(), none::toString);
		assertEquals("tadam bench-anomaly: " + missing + ": no such file\n", none.err());

		Path bad = Files.writeString(dir.resolve("bad.tsv"), LABELS.lines().limit(2).map(l -> l + "\n").reduce("", String::concat)
				+ "tcp\t127.0.0.1\t48480\t127.0.0.1\n");
		CliTest.Result columns = CliTest.tadam("bench-anomaly", "--train", TRAIN.toString(), "--test", TEST.toString(), "--labels",
				bad.toString(), "-o", out.toString());
		assertEquals(2, columns.exit(), columns::toString);
		assertEquals(1, columns.err().lines().count(), columns::toString);
		assertTrue(columns.err().startsWith("tadam bench-anomaly: " + bad + ":3: expected 7 tab-separated columns"), columns::toString);

		CliTest.Result detector = CliTest.tadam("bench-anomaly", "--train", TRAIN.toString(), "--test", TEST.toString(), "--labels",
				bad.toString(), "-o", out.toString(), "--detectors", "markov,forest");
		assertEquals(2, detector.exit(), detector::toString);
		assertTrue(detector.err().contains("unknown detector 'forest'"), detector::toString);
		assertEquals(2, CliTest.tadam("bench-anomaly", "--train", TRAIN.toString(), "-o", out.toString()).exit());
	}
}
