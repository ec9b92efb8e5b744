package org.tadam.dsl.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Locates the model corpus the tests run on: the repository's samples and this module's test models. */
final class TadamTestSupport {

	static final Path SAMPLES = Path.of("..", "samples");
	static final Path TEST_MODELS = Path.of("src", "test", "resources", "models");

	private TadamTestSupport() {
	}

	/** Every valid model of the corpus (files named broken* are deliberately invalid). */
	static List<Path> validModels() {
		try (Stream<Path> samples = Files.list(SAMPLES); Stream<Path> tests = Files.list(TEST_MODELS)) {
			return Stream.concat(samples, tests)
					.filter(p -> p.toString().endsWith(".tadam") && !p.getFileName().toString().startsWith("broken"))
					.sorted().toList();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static String read(Path path) {
		try {
			return Files.readString(path, StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
