package org.tadam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tadam bench-anomaly --train-words --test-words}: words without connections in the reference implementation's
 * format, made here from a small request-response pattern; the test words are fresh words of the same pattern and
 * copies with one letter deleted, duplicated or swapped with the next, as in the ground-truth benchmark.
 */
class BenchAnomalyWordsTest {

	/** One session: handshake, one to three request-response pairs, FIN; delays around fixed means. */
	private static List<String> session(Random random) {
		List<String> letters = new ArrayList<>(List.of("Sf:" + delay(random, 10), "SAb:" + delay(random, 45), "Af:" + delay(random, 5)));
		for (int k = 1 + random.nextInt(3); k > 0; k--) {
			letters.add("PAf:" + delay(random, 20));
			letters.add("PAb:" + delay(random, 280));
		}
		letters.add("Ff:" + delay(random, 100));
		return letters;
	}

	private static int delay(Random random, int mean) {
		return Math.max(1, (int) Math.round(mean + random.nextGaussian() * mean / 10.0));
	}

	private static List<String> noisy(List<String> word, int kind, Random random) {
		List<String> w = new ArrayList<>(word);
		int i = random.nextInt(w.size() - 1);
		switch (kind) {
		case 0 -> w.remove(i);
		case 1 -> w.add(i, w.get(i));
		default -> Collections.swap(w, i, i + 1);
		}
		return w;
	}

	@Test
	void scoresNoisyWordsAgainstCleanOnes(@TempDir Path dir) throws Exception {
		Random random = new Random(5);
		StringBuilder train = new StringBuilder();
		for (int i = 0; i < 200; i++) {
			train.append(String.join(" ", session(random))).append('\n');
		}
		StringBuilder test = new StringBuilder();
		StringBuilder labels = new StringBuilder("word\tlabel\n");
		for (int i = 1; i <= 60; i++) {
			List<String> word = session(random);
			boolean noise = i % 4 == 0;
			test.append(String.join(" ", noise ? noisy(word, i % 3, random) : word)).append('\n');
			if (i != 7) {
				labels.append(i).append('\t').append(noise ? "noisy" : "normal").append('\n');
			}
		}
		// alike names: a reference-format file's words take their service from the file's name
		Path trainFile = Files.createDirectories(dir.resolve("train")).resolve("bench.txt");
		Path testFile = Files.createDirectories(dir.resolve("test")).resolve("bench.txt");
		Files.writeString(trainFile, train);
		Files.writeString(testFile, test);
		Path labelFile = Files.writeString(dir.resolve("labels.tsv"), labels);
		Path out = dir.resolve("report");

		CliTest.Result r = CliTest.tadam("bench-anomaly", "--train-words", trainFile.toString(), "--test-words", testFile.toString(),
				"--labels", labelFile.toString(), "-o", out.toString(), "--threads", "1", "--detectors", "tadam,markov");
		assertEquals(0, r.exit(), r::toString);
		String row = r.out().lines().filter(l -> l.startsWith("noisy")).findFirst().orElseThrow(() -> new AssertionError(r.out()));
		String[] cells = row.trim().split("\\s+");
		assertEquals("15", cells[1], row);
		double tadam = Double.parseDouble(cells[2]);
		assertTrue(tadam >= 0.9, () -> "TADAM tells words with a deleted, duplicated or swapped letter from clean ones: " + row);
		assertTrue(r.err().contains("word 7 matches no label row"), r::toString);
	}

	@Test
	void badWordInputIsOneLineAndExitTwo(@TempDir Path dir) throws Exception {
		Path words = Files.writeString(dir.resolve("bench.txt"), "Sf:10 SAb:45 Af:5 Ff:100\nSf:11 SAb:44 Af:6 Ff:98\n");
		Path out = dir.resolve("report");
		Path far = Files.writeString(dir.resolve("far.tsv"), "word\tlabel\n1\tnormal\n3\tnoisy\n");
		CliTest.Result outside = CliTest.tadam("bench-anomaly", "--train-words", words.toString(), "--test-words", words.toString(),
				"--labels", far.toString(), "-o", out.toString());
		assertEquals(2, outside.exit(), outside::toString);
		assertEquals("tadam bench-anomaly: " + far + ":3: word 3 is not in the test word file (2 words)\n", outside.err());

		CliTest.Result both = CliTest.tadam("bench-anomaly", "--train", words.toString(), "--test-words", words.toString(),
				"--labels", far.toString(), "-o", out.toString());
		assertEquals(2, both.exit(), both::toString);
		assertTrue(both.err().contains("not both"), both::toString);
	}
}
