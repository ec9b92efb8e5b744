package org.tadam.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tadam.dsl.TadamStandaloneSetup;
import org.tadam.dsl.export.DotExporter;
import org.tadam.dsl.io.ModelFileException;
import org.tadam.dsl.io.ModelFiles;
import org.tadam.model.Automaton;
import org.tadam.model.Edge;

/** .tadam ⇄ XMI through EMF resources, and DOT export. */
class ConversionTest {

	private final ModelFiles files = TadamStandaloneSetup.doSetup().getInstance(ModelFiles.class);

	static List<Path> corpus() {
		return TadamTestSupport.validModels();
	}

	@ParameterizedTest
	@MethodSource("corpus")
	void textToXmiAndBackKeepsTheModel(Path file, @TempDir Path dir) throws Exception {
		ModelFiles.Loaded original = files.load(file);
		assertFalse(original.hasErrors(), original.issues()::toString);
		Path xmi = dir.resolve("model.xmi");
		files.save(original.automaton(), xmi);
		assertTrue(Files.readString(xmi).contains("http://www.tadam.org/model/1.0"));
		ModelFiles.Loaded fromXmi = files.load(xmi);
		assertFalse(fromXmi.hasErrors(), fromXmi.issues()::toString);
		// EcoreUtil.equals compares byte[] attributes by identity, so models are compared through their canonical text
		String canonical = withoutComments(Files.readString(file));
		assertEquals(canonical, files.toText(fromXmi.automaton()), "XMI round trip changes the model: " + file);

		Path text = dir.resolve("back.tadam");
		files.save(fromXmi.automaton(), text);
		ModelFiles.Loaded back = files.load(text);
		assertFalse(back.hasErrors(), back.issues()::toString);
		assertEquals(canonical, Files.readString(text),
				"text written from XMI is the canonical text (less comments, which XMI does not keep)");
	}

	/** Comment lines and whole-line block comments of the corpus are the only text XMI cannot carry. */
	private static String withoutComments(String text) {
		StringBuilder out = new StringBuilder();
		for (String line : text.split("\n", -1)) {
			String trimmed = line.trim();
			if (trimmed.startsWith("//") || trimmed.startsWith("/*") && trimmed.endsWith("*/")) {
				continue;
			}
			out.append(line).append('\n');
		}
		return out.substring(0, out.length() - 1);
	}

	@Test
	void dotHasEveryStateAndEdge() throws Exception {
		Automaton automaton = files.load(TadamTestSupport.SAMPLES.resolve("http.tadam")).automaton();
		String dot = new DotExporter().toDot(automaton);
		assertTrue(dot.startsWith("digraph \"http\" {"), dot);
		automaton.getStates().forEach(s -> assertTrue(dot.contains("\"" + s.getName() + "\""), s.getName()));
		long arrows = dot.lines().filter(l -> l.contains(" -> ")).count();
		assertEquals(automaton.getEdges().size(), arrows);
		Edge get = automaton.getEdges().get(3);
		assertTrue(dot.contains("\"s3\" -> \"s4\" [label=\"PA> text \\\"GET\\\"\\np=0.9"), dot);
		assertTrue(dot.contains("\"s9\" [shape=doublecircle]"));
		assertEquals(0.9, get.getProbability());
	}

	@Test
	void unknownAndMissingFilesGiveClearErrors(@TempDir Path dir) throws Exception {
		ModelFileException unknown = assertThrows(ModelFileException.class, () -> files.load(dir.resolve("x.json")));
		assertTrue(unknown.getMessage().contains("unknown kind of file '.json'"), unknown.getMessage());
		ModelFileException missing = assertThrows(ModelFileException.class, () -> files.load(dir.resolve("none.tadam")));
		assertTrue(missing.getMessage().endsWith("none.tadam: no such file"), missing.getMessage());
		Path garbage = Files.writeString(dir.resolve("garbage.xmi"), "<not xmi");
		ModelFileException bad = assertThrows(ModelFileException.class, () -> files.load(garbage));
		assertTrue(bad.getMessage().contains("garbage.xmi: cannot be read as xmi"), bad.getMessage());
	}

	@Test
	void saveIsAtomicAndLeavesNoTemporaryFiles(@TempDir Path dir) throws Exception {
		Automaton automaton = files.load(TadamTestSupport.SAMPLES.resolve("dns.tadam")).automaton();
		Path target = dir.resolve("out/dns.tadam");
		files.save(automaton, target);
		files.save(automaton, target);
		try (Stream<Path> list = Files.list(target.getParent())) {
			assertEquals(List.of(target), list.toList());
		}
		assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(target)),
				"readable as a file written directly would be");
	}
}
