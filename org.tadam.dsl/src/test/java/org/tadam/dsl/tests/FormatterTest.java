package org.tadam.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.xtext.resource.SaveOptions;
import org.eclipse.xtext.serializer.ISerializer;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tadam.model.Automaton;

import com.google.inject.Inject;

@ExtendWith(InjectionExtension.class)
@InjectWith(TadamInjectorProvider.class)
class FormatterTest {

	@Inject
	private ParseHelper<Automaton> parser;

	@Inject
	private ISerializer serializer;

	static List<Path> corpus() {
		return TadamTestSupport.validModels();
	}

	private String format(String text) throws Exception {
		Automaton automaton = parser.parse(text);
		assertTrue(automaton.eResource().getErrors().isEmpty(), () -> "syntax errors: " + automaton.eResource().getErrors());
		return serializer.serialize(automaton, SaveOptions.newBuilder().format().getOptions());
	}

	@ParameterizedTest
	@MethodSource("corpus")
	void corpusFilesAreInCanonicalForm(Path file) throws Exception {
		String text = TadamTestSupport.read(file);
		assertEquals(text, format(text), "parse -> serialise -> format must give the file back: " + file);
	}

	@ParameterizedTest
	@MethodSource("corpus")
	void formattingIsIdempotentOnScrambledLayout(Path file) throws Exception {
		String canonical = TadamTestSupport.read(file);
		// same tokens, other whitespace: the formatter must bring it back to the canonical text
		StringBuilder scrambled = new StringBuilder();
		for (String line : canonical.split("\n")) {
			boolean comment = line.contains("//") || line.contains("/*");
			scrambled.append(comment ? line : line.replace("\t", "   ").replace(" -> ", "->").replace(" prob ", "\n prob   ")
					.replace("(", "( ").replace(", ", " ,")).append("\n\n");
		}
		String once = format(scrambled.toString());
		assertEquals(canonical, once, "formatting a re-laid-out copy of " + file);
		assertEquals(once, format(once), "formatting twice changes nothing: " + file);
	}

	@Test
	void variantsAndHeadersStayOnTheirEntrysLine() throws Exception {
		String text = "automaton a { protocol tcp state s initial state e end\n"
				+ "s -> s PA> replay prob 0.5 count 2 payload replay { 1 * \"AA==\"   variants 0 to 3 ,5 1 * \"AQI=\" segment\n 1 after  \"query\" variants 4 }\n"
				+ "s -> s PA> random prob 0.25 count 1 payload random { 1 * 70 }   header \"FwMD\"\nlength at 3 width 2 plus 5\n"
				+ "s -> e $ prob 0.25 count 1 }";
		String formatted = format(text);
		assertTrue(formatted.contains("\n\t\t\t1 * \"AA==\" variants 0 to 3, 5\n\t\t\t1 * \"AQI=\" segment 1 after \"query\" variants 4\n"),
				formatted);
		assertTrue(formatted.contains("payload random { 1 * 70 } header \"FwMD\" length at 3 width 2 plus 5\n"), formatted);
		assertEquals(formatted, format(formatted));
	}

	@Test
	void randomLengthsWithVariantsTakeOneLineEachAndPortsKeepTheirWeights() throws Exception {
		String text = "automaton a { protocol tcp service \"ssh\" ports 280 *22 ,20* 80 variants weighted 5 ,1 unpinned 6 state s initial state e end\n"
				+ "s -> s PA> random prob 0.5 count 6 at 3  to 9 variants 0 to 5 ,7 payload random { 3 * 308 variants 0 to 4 ,7, 2 * 420 variants 5, 1 * 44 }\n"
				+ "s -> e $ prob 0.5 count 6 }";
		String formatted = format(text);
		assertTrue(formatted.contains("service \"ssh\" ports 280 * 22, 20 * 80\n\tvariants weighted 5, 1 unpinned 6\n"), formatted);
		assertTrue(formatted.contains("s -> s PA> random prob 0.5 count 6 at 3 to 9 variants 0 to 5, 7\n"), formatted);
		String placed = format(text.replace("variants 0 to 5 ,7 payload", "variants 0 to 5 at 3 to  4,7 at\n9 to 9 payload"));
		assertTrue(placed.contains("s -> s PA> random prob 0.5 count 6 at 3 to 9 variants 0 to 5 at 3 to 4, 7 at 9 to 9\n"), placed);
		assertEquals(placed, format(placed));
		assertTrue(formatted.contains("payload random {\n\t\t\t3 * 308 variants 0 to 4, 7,\n\t\t\t2 * 420 variants 5,\n"
				+ "\t\t\t1 * 44\n\t\t}\n"), formatted);
		assertEquals(formatted, format(formatted));
	}

	@Test
	void variantLengthsAndLetterCountsTakeALineEach() throws Exception {
		String text = "automaton a { protocol udp service \"ntp\" ports 123 variants weighted 5 ,1 unpinned 6 lengths 2 to 2 ,4  to 8 "
				+ "letters 37* 2 , 12 * 10 to 19 state s initial state e end\ns -> e $ prob 1 count 12 }";
		String formatted = format(text);
		assertTrue(formatted.contains("\tvariants weighted 5, 1 unpinned 6\n\tlengths 2 to 2, 4 to 8\n\tletters 37 * 2, 12 * 10 to 19\n"),
				formatted);
		assertEquals(formatted, format(formatted));
	}

	@Test
	void commentsAreKept() throws Exception {
		String text = "// header comment\nautomaton a { protocol tcp state s initial /* the end */ state e end s -> e $ prob 1 count 1 }";
		String formatted = format(text);
		assertTrue(formatted.contains("// header comment"), formatted);
		assertTrue(formatted.contains("/* the end */"), formatted);
		assertEquals(formatted, format(formatted));
	}
}
