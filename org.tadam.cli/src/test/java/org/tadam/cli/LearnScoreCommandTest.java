package org.tadam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tadam learn} and {@code tadam score} on the learner's bundled test capture. */
class LearnScoreCommandTest {

	static final Path CAPTURE = Path.of("../org.tadam.capture/src/test/resources/org/tadam/capture/http.pcap");

	@Test
	void learnWritesValidCanonicalModelsAndScoreReadsThem(@TempDir Path dir) throws Exception {
		CliTest.Result learn = CliTest.tadam("learn", CAPTURE.toString(), "-o", dir.toString(), "--no-progress", "--threads", "1");
		assertEquals(0, learn.exit(), learn::toString);
		assertTrue(learn.out().contains("model bits"), learn.out());
		Path model = dir.resolve("tcp_18080.tadam");
		assertTrue(Files.isRegularFile(model), learn::toString);
		assertEquals(0, CliTest.tadam("validate", model.toString()).exit());
		assertEquals(0, CliTest.tadam("format", "--check", model.toString()).exit());

		Path labels = dir.resolve("labels.tsv");
		Files.writeString(labels, "# index, 1 = anomalous\n0\t0\n1\t0\n3\t1\n");
		CliTest.Result score = CliTest.tadam("score", model.toString(), CAPTURE.toString(), "--labels", labels.toString());
		assertEquals(0, score.exit(), score::toString);
		assertTrue(score.out().startsWith(
				"index\tconnection\tprotocol\tservice\tmodel\tletters\tbits\tbits/letter\tlog2-likelihood\tscore\treason\n"), score.out());
		assertTrue(score.out().contains("AU-ROC (anomaly score): "), score.out());
		assertTrue(score.out().contains("AU-ROC (MDL bits per letter): "), score.out());
	}

	@Test
	void theRandomnessLevelIsRecordedAndScoreReadsTheCaptureWithIt(@TempDir Path dir) throws Exception {
		CliTest.Result learn = CliTest.tadam("learn", CAPTURE.toString(), "-o", dir.toString(), "--no-progress", "--threads", "1",
				"--random-alpha", "0.001");
		assertEquals(0, learn.exit(), learn::toString);
		Path model = dir.resolve("tcp_18080.tadam");
		assertTrue(Files.readString(model).contains("random-alpha=0.001"), Files.readString(model));
		CliTest.Result score = CliTest.tadam("score", model.toString(), CAPTURE.toString());
		assertEquals(0, score.exit(), score::toString);
		assertFalse(score.out().contains("-1000"), "every training connection parses: " + score.out());

		Files.writeString(model, Files.readString(model).replace("random-alpha=0.001", "random-alpha=often"));
		CliTest.Result bad = CliTest.tadam("score", model.toString(), CAPTURE.toString());
		assertEquals(2, bad.exit(), bad::toString);
		assertTrue(bad.err().contains("random-alpha=often"), bad.err());
		assertEquals(2, CliTest.tadam("learn", CAPTURE.toString(), "-o", dir.toString(), "--random-alpha", "1").exit());

		// one check of the UDP timeout, in the capture options, names the option for every command
		Files.writeString(model, Files.readString(model).replace("random-alpha=often", "random-alpha=0.001"));
		for (String command : List.of("words", "score")) {
			List<String> args = new ArrayList<>(List.of(command));
			if (command.equals("score")) {
				args.add(model.toString());
			}
			args.addAll(List.of(CAPTURE.toString(), "--udp-timeout", "-1"));
			CliTest.Result timeout = CliTest.tadam(args.toArray(String[]::new));
			assertEquals(2, timeout.exit(), timeout::toString);
			assertTrue(timeout.err().contains("--udp-timeout") && timeout.err().contains("-1.0"), timeout::toString);
		}
	}

	/** A --service that names none of the capture's services is told which ones it has, and no model is written. */
	@Test
	void aServiceTheCaptureLacksIsAnsweredWithThoseItHas(@TempDir Path dir) {
		CliTest.Result learn = CliTest.tadam("learn", CAPTURE.toString(), "-o", dir.resolve("out").toString(), "--no-progress",
				"--threads", "1", "--service", "imap");
		assertEquals(2, learn.exit(), learn::toString);
		assertTrue(learn.err().contains("no connection of --service imap in the input; its connections are http (5), tcp/18080 (1)"),
				learn::toString);
		assertFalse(Files.exists(dir.resolve("out")), "nothing written");
	}

	@Test
	void aServiceOverTcpAndUdpGetsOneValidModelPerProtocol(@TempDir Path dir) {
		Path mixed = CAPTURE.resolveSibling("mixed-be.pcapng");
		CliTest.Result learn = CliTest.tadam("learn", mixed.toString(), "-o", dir.toString(), "--no-progress",
				"--threads", "1", "--service-port", "18080=both", "--service-port", "19999=both", "--service", "both");
		assertEquals(0, learn.exit(), learn::toString);
		Path tcp = dir.resolve("both_tcp.tadam");
		Path udp = dir.resolve("both_udp.tadam");
		assertTrue(Files.isRegularFile(tcp) && Files.isRegularFile(udp), learn::toString);
		CliTest.Result valid = CliTest.tadam("validate", tcp.toString(), udp.toString());
		assertEquals(0, valid.exit(), valid::toString);
	}

	@Test
	void everyConnectionIsScoredOnlyByAModelOfItsProtocol(@TempDir Path dir) throws Exception {
		Path mixed = CAPTURE.resolveSibling("mixed-be.pcapng");
		CliTest.Result learn = CliTest.tadam("learn", mixed.toString(), "-o", dir.toString(), "--no-progress",
				"--threads", "1", "--service-port", "18080=both", "--service-port", "19999=both", "--service", "both");
		assertEquals(0, learn.exit(), learn::toString);
		for (String protocol : List.of("tcp", "udp")) {
			Path model = dir.resolve("both_" + protocol + ".tadam");
			for (String any : List.of("", "--any-service")) {
				CliTest.Result score = any.isEmpty()
						? CliTest.tadam("score", model.toString(), mixed.toString(), "--service-port", "18080=both", "--service-port", "19999=both")
						: CliTest.tadam("score", model.toString(), mixed.toString(), any);
				assertEquals(0, score.exit(), score::toString);
				List<String> rows = score.out().lines().skip(1).toList();
				assertTrue(rows.stream().anyMatch(r -> r.split("\t")[4].equals("both_" + protocol)), score::toString);
				for (String row : rows) {
					String[] cells = row.split("\t");
					// a connection of the other protocol, or (without --any-service) of another service, has no model:
					// spelled out, a finite score, no likelihood
					boolean own = cells[2].equals(protocol) && (!any.isEmpty() || cells[3].equals("both"));
					assertEquals(own ? "both_" + protocol : "-", cells[4], row);
					assertTrue(Double.isFinite(Double.parseDouble(cells[9])), row);
					if (!own) {
						assertEquals("-", cells[8], row);
						assertEquals("no model for this service", cells[10], row);
					}
				}
			}
		}
		// a word file has no protocol: its words count as TCP when a symbol carries TCP flags
		CliTest.Result words = CliTest.tadam("words", mixed.toString(), "--service-port", "18080=both", "--service-port", "19999=both");
		assertEquals(0, words.exit(), words::toString);
		Path file = dir.resolve("both.words");
		Files.writeString(file, words.out());
		CliTest.Result udp = CliTest.tadam("score", dir.resolve("both_udp.tadam").toString(), "--words", file.toString());
		assertEquals(0, udp.exit(), udp::toString);
		List<String> rows = udp.out().lines().skip(1).toList();
		assertTrue(rows.stream().anyMatch(r -> r.split("\t")[2].equals("udp")), udp::toString);
		rows.forEach(r -> {
			String[] cells = r.split("\t");
			assertEquals(cells[2].equals("udp") && cells[3].equals("both") ? "both_udp" : "-", cells[4], r);
		});
	}

	@Test
	void wordsFromAWordFileJoinTheirServiceFromTheCaptures(@TempDir Path dir) throws Exception {
		CliTest.Result words = CliTest.tadam("words", CAPTURE.toString());
		assertEquals(0, words.exit(), words::toString);
		Path file = dir.resolve("http.words");
		Files.writeString(file, words.out());
		Path out = dir.resolve("models");
		CliTest.Result learn = CliTest.tadam("learn", CAPTURE.toString(), "--words", file.toString(), "-o", out.toString(),
				"--no-progress", "--threads", "1", "--service", "http");
		assertEquals(0, learn.exit(), learn::toString);
		try (var files = Files.list(out)) {
			assertEquals(List.of("http.tadam"), files.map(p -> p.getFileName().toString()).sorted().toList(), learn::toString);
		}
		// the capture's 5 HTTP connections (named by their content on port 18080) and the same 5 from the word file
		assertTrue(Files.readString(out.resolve("http.tadam")).contains("connections 10"), learn::toString);
	}

	@Test
	void aCaptureCutInsideAPacketIsLearnedWithTheSkipReported(@TempDir Path dir) throws Exception {
		byte[] whole = Files.readAllBytes(CAPTURE);
		Path cut = dir.resolve("cut.pcap");
		Files.write(cut, java.util.Arrays.copyOf(whole, whole.length - 10));
		CliTest.Result learn = CliTest.tadam("learn", cut.toString(), "-o", dir.resolve("models").toString(), "--no-progress",
				"--threads", "1");
		assertEquals(0, learn.exit(), learn::toString);
		assertTrue(learn.err().contains("tadam: skipped 1: file ends inside a record or block (first: " + cut), learn::toString);
		assertTrue(Files.isRegularFile(dir.resolve("models").resolve("tcp_18080.tadam")), learn::toString);

		Path notACapture = dir.resolve("text.pcap");
		Files.writeString(notACapture, "not a capture at all");
		CliTest.Result score = CliTest.tadam("score", dir.resolve("models").resolve("tcp_18080.tadam").toString(),
				notACapture.toString());
		assertEquals(2, score.exit(), score::toString);
		assertTrue(score.err().contains("tadam: " + notACapture + ": not a pcap or pcapng file"), score::toString);
	}

	@Test
	void badOptionsAndInputsAreUsageErrors(@TempDir Path dir) {
		assertEquals(2, CliTest.tadam("learn", CAPTURE.toString(), "-o", dir.toString(), "--noise", "lost").exit());
		assertEquals(2, CliTest.tadam("learn", CAPTURE.toString(), "-o", dir.toString(), "--init", "tree").exit());
		CliTest.Result floor = CliTest.tadam("learn", CAPTURE.toString(), "-o", dir.toString(), "--value-floor", "0");
		assertEquals(2, floor.exit());
		assertTrue(floor.err().contains("--value-floor must be in (0, 1]"), floor::toString);
		CliTest.Result coverage = CliTest.tadam("learn", CAPTURE.toString(), "-o", dir.toString(), "--min-coverage", "1.5");
		assertEquals(2, coverage.exit());
		assertTrue(coverage.err().contains("--min-coverage must be in [0, 1]"), coverage::toString);
		assertEquals(2, CliTest.tadam("learn", "-o", dir.toString()).exit());
		CliTest.Result missing = CliTest.tadam("score", dir.resolve("none.tadam").toString(), CAPTURE.toString());
		assertEquals(2, missing.exit());
		assertTrue(missing.err().startsWith("tadam: "), missing.err());
	}
}
