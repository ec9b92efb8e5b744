package org.tadam.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tadam.model.Automaton;
import org.tadam.model.Direction;
import org.tadam.model.Edge;
import org.tadam.model.L4Protocol;
import org.tadam.model.PacketSymbol;
import org.tadam.model.PayloadClass;
import org.tadam.model.Scenario;
import org.tadam.model.State;
import org.tadam.model.TadamFactory;
import org.tadam.model.TextPayload;
import org.tadam.model.WeightedText;

/** Model text built to break out of Java string literals and comments must come out as data, never as code. */
class HostileModelTest {

	/** Closes a literal, a comment, a line; smuggles unicode escapes that javac would translate before parsing. */
	static final String HOSTILE = "\"; System.exit(3); /* */ */ // \\u000a System.exit(4); \\u0022 \\\\u0022 \\ \n\r\t"
			+ " \u000b\u0000 \u00e9 \u2603 \ud83d\ude00 \\u002a/ @see </pre> end";

	@TempDir
	Path dir;

	@Test
	void hostileTextStaysData() throws Exception {
		TadamFactory f = TadamFactory.eINSTANCE;
		Automaton a = f.createAutomaton();
		a.setName("evil\"*/\\u000aclass X {}");
		a.setProtocol(L4Protocol.UDP);
		a.setService(HOSTILE);
		a.setOutcome(HOSTILE + "2");
		a.getPorts().add(5353);
		a.setProvenance(f.createProvenance());
		a.getProvenance().getCaptures().add(HOSTILE);
		State s = state(f, a, "s*/" + HOSTILE, true, false);
		State t = state(f, a, "t", false, false);
		State z = state(f, a, "z", false, true);
		Edge e = f.createEdge();
		e.setSource(s);
		e.setTarget(t);
		e.setProbability(1);
		PacketSymbol symbol = f.createPacketSymbol();
		symbol.setDirection(Direction.FORWARD);
		symbol.setPayloadClass(PayloadClass.TEXT);
		symbol.setToken(HOSTILE);
		e.setSymbol(symbol);
		TextPayload payload = f.createTextPayload();
		WeightedText text = f.createWeightedText();
		text.setWeight(1);
		text.setText(HOSTILE);
		payload.getEntries().add(text);
		e.setPayload(payload);
		a.getEdges().add(e);
		Edge end = f.createEdge();
		end.setSource(t);
		end.setTarget(z);
		end.setProbability(1);
		end.setSymbol(f.createEndSymbol());
		a.getEdges().add(end);

		Scenario scenario = ScenarioPlan.scenarioOf(a);
		scenario.setName("evil");
		Path sources = dir.resolve("src");
		Path jar = dir.resolve("evil.jar");
		GeneratorOptions options = GeneratorOptions.forScenario(scenario.getName());
		new ScenarioCompiler().compile(scenario, options, jar, sources);

		// the constants hold exactly the model's text
		try (URLClassLoader loader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, getClass().getClassLoader())) {
			Class<?> automaton = loader.loadClass(options.javaPackage() + "." + JavaNames.className(a.getName(), "Automaton"));
			assertEquals(HOSTILE, automaton.getField("SERVICE").get(null));
			assertEquals(HOSTILE + "2", automaton.getField("OUTCOME").get(null));
		}
		// the sources compiled (else compile threw) and are plain ASCII: nothing for javac to translate or hide
		for (Path file : Files.list(sources.resolve(options.packagePath())).filter(p -> p.toString().endsWith(".java")).toList()) {
			String java = Files.readString(file, StandardCharsets.UTF_8);
			assertFalse(java.chars().anyMatch(c -> c > 0x7E || c < 0x20 && c != '\n' && c != '\t'), "non-ASCII in " + file);
		}
		// and the generator runs, sending the text verbatim
		Path pcap = dir.resolve("evil.pcap");
		GeneratorTestSupport.Run run = GeneratorTestSupport.runOk(jar, scenario, "--connections", "3", "-o", pcap.toString());
		assertTrue(run.out().startsWith("evil: 3 connections, 3 packets"), run.out());
		List<CapturedPacket> packets = CapturedPacket.read(pcap);
		assertEquals(HOSTILE, new String(packets.get(0).payload(), StandardCharsets.UTF_8));
	}

	private static State state(TadamFactory f, Automaton a, String name, boolean initial, boolean end) {
		State s = f.createState();
		s.setName(name);
		s.setInitial(initial);
		s.setEnd(end);
		a.getStates().add(s);
		return s;
	}

	@Test
	void literalsAndCommentsEscapeEverything() {
		assertEquals("\"a\\\"b\\\\c\\nd\\r\\u00e9\\u2603\"", JavaNames.literal("a\"b\\c\nd\r\u00e9\u2603"));
		assertEquals("a* /b \\\\u000a (at)see ?", JavaNames.comment("a*/b \\u000a @see \n"));
		assertEquals("Class_Automaton", JavaNames.className("class", "_Automaton"));
		assertEquals("X1aAutomaton", JavaNames.className("1a", "Automaton"));
		assertEquals("Double.NaN", JavaNames.literal(Double.NaN));
	}
}
