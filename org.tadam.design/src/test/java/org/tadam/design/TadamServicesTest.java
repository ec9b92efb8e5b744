package org.tadam.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.tadam.dsl.TadamStandaloneSetup;
import org.tadam.dsl.io.ModelFiles;
import org.tadam.model.Automaton;
import org.tadam.model.Edge;
import org.tadam.model.State;

/** The services behind the viewpoint's labels and tools, on the HTTP sample. */
class TadamServicesTest {

	private final TadamServices services = new TadamServices();

	private static Automaton http() throws Exception {
		Path sample = Path.of(System.getProperty("tadam.samples", "../samples"), "http.tadam");
		return TadamStandaloneSetup.doSetup().getInstance(ModelFiles.class).load(sample).automaton();
	}

	@Test
	void labelsAndWidths() throws Exception {
		Automaton automaton = http();
		assertEquals("▶ s0", services.stateLabel(automaton.getStates().get(0)));
		assertEquals("s9 ■", services.stateLabel(automaton.getStates().get(9)));
		Edge get = automaton.getEdges().get(3);
		assertEquals("PA> text \"GET\"  p=0.9 n=90", services.edgeLabel(get));
		assertEquals(5, services.edgeWidth(automaton.getEdges().get(0)));
		assertEquals(1, services.edgeWidth(automaton.getEdges().get(4)));
	}

	@Test
	void toolsEditProbabilityNameAndDeleteWithEdges() throws Exception {
		Automaton automaton = http();
		Edge edge = automaton.getEdges().get(3);
		services.setProbability(edge, " 0.75 ");
		assertEquals(0.75, edge.getProbability());
		services.setProbability(edge, "lots");
		services.setProbability(edge, "1.5");
		assertEquals(0.75, edge.getProbability(), "invalid input leaves the value");
		assertEquals("s10", services.newStateName(automaton));

		State s4 = automaton.getStates().get(4);
		int edges = automaton.getEdges().size();
		services.deleteWithEdges(s4);
		assertFalse(automaton.getStates().contains(s4));
		assertEquals(edges - 4, automaton.getEdges().size(), "two edges into s4 and two out of it are gone");
		assertTrue(automaton.getEdges().stream().noneMatch(e -> e.getSource() == s4 || e.getTarget() == s4));
	}
}
