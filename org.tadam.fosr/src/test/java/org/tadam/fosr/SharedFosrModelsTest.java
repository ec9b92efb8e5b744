package org.tadam.fosr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every real Fos-R model under ../shared/data/fosr-models (or -Dtadam.shared.fosr=DIR): JSON → model (valid for
 * the DSL, exact through .tadam text) → JSON of the same generation → model, which must have the same
 * structure, probabilities, counts, laws and pools; every change of the JSON must be explained by a report
 * line at its path. Report lines are allowed; a summary (files read, round
 * trips identical as JSON, most frequent report lines) is written to target/fosr-shared-roundtrip.txt. Skipped
 * when the folder is absent: those files are third-party data and never part of this repository.
 */
class SharedFosrModelsTest {

	static final Path MODELS = Path.of(System.getProperty("tadam.shared.fosr", "../../shared/data/fosr-models"));

	@Test
	void everyFileRoundTrips() throws IOException {
		assumeTrue(Files.isDirectory(MODELS), "shared Fos-R models not found at " + MODELS.toAbsolutePath()
				+ " (set -Dtadam.shared.fosr=DIR to point at them)");
		List<Path> files;
		try (Stream<Path> s = Files.walk(MODELS)) {
			files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
		}
		assertFalse(files.isEmpty(), "no .json under " + MODELS);
		List<String> failures = new ArrayList<>();
		Map<String, Integer> kinds = new TreeMap<>();
		StringBuilder table = new StringBuilder("file\tgeneration\tstates\tedges\treport lines\tjson identical\tfirst JSON difference\n");
		int jsonIdentical = 0;
		int bitIdentical = 0;
		for (Path file : files) {
			String name = MODELS.relativize(file).toString();
			try {
				FosrReader.Imported first = new FosrReader().read(file);
				DslCheck.Checked checked = DslCheck.check(first.automaton());
				checked.errors().forEach(e -> failures.add(name + ": DSL: " + e));
				ModelAssertions.differences(first.automaton(), checked.parsed(), 0)
						.forEach(d -> failures.add(name + ": through .tadam: " + d));
				FosrWriter.Exported written = new FosrWriter(first.generation()).write(first.automaton(), file.toString());
				FosrReader.Imported second = new FosrReader().read(file.toString(), written.json());
				ModelAssertions.differences(first.automaton(), second.automaton(), 1e-9)
						.forEach(d -> failures.add(name + ": round trip: " + d));
				List<String> json = JsonAssertions.differences(JsonAssertions.tree(Files.readAllBytes(file)),
						JsonAssertions.tree(written.json()), 1e-12);
				jsonIdentical += json.isEmpty() ? 1 : 0;
				bitIdentical += JsonAssertions.tree(Files.readAllBytes(file)).equals(JsonAssertions.tree(written.json())) ? 1 : 0;
				List<ConversionReport.Line> lines = new ArrayList<>(first.report().lines());
				lines.addAll(written.report().lines());
				JsonAssertions.unexplained(json, lines).forEach(d -> failures.add(name + ": unreported change " + d));
				lines.forEach(l -> kinds.merge(kind(l), 1, Integer::sum));
				table.append(String.join("\t", name, "" + first.generation().number(),
						"" + first.automaton().getStates().size(), "" + first.automaton().getEdges().size(),
						"" + lines.size(), json.isEmpty() ? "yes" : "no (" + json.size() + ")", json.isEmpty() ? "" : json.get(0)))
						.append('\n');
			} catch (FosrFormatException | RuntimeException e) {
				failures.add(name + ": " + e);
			}
		}
		StringBuilder summary = new StringBuilder();
		summary.append(files.size()).append(" files read, ").append(files.size() - failures.stream().map(f -> f.split(":")[0]).distinct().count())
				.append(" round trips equal as models, ").append(jsonIdentical).append(" identical as JSON with numbers to 1e-12, ")
				.append(bitIdentical).append(" with every number bit for bit\n\n")
				.append(table).append("\nreport lines by kind (import and export together):\n");
		kinds.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue())
				.forEach(e -> summary.append(String.format("%5d  %s%n", e.getValue(), e.getKey())));
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target/fosr-shared-roundtrip.txt"), summary);
		System.out.println(summary);
		assertEquals(List.of(), failures);
	}

	/** A report line without its numbers and paths: what kind of thing happened. */
	private static String kind(ConversionReport.Line line) {
		String message = line.message().replaceAll("(?<=^|[\\s(])'[^']*'", "'…'").replaceAll("\\([^)]*\\)", "(…)")
				.replaceAll("-?[0-9][0-9.e+-]*", "N");
		return line.topic() + ": " + (message.length() > 110 ? message.substring(0, 110) + "…" : message);
	}
}
