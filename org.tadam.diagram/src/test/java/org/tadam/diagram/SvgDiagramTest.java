package org.tadam.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tadam.diagram.AutomatonDiagram.Link;
import org.tadam.diagram.AutomatonDiagram.Node;
import org.tadam.dsl.TadamStandaloneSetup;
import org.tadam.dsl.io.ModelFiles;
import org.tadam.model.Automaton;
import org.tadam.model.Edge;
import org.tadam.model.State;
import org.tadam.model.derived.Symbols;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The SVG of the bundled samples is well-formed XML, shows every state and edge, and nothing overlaps. */
class SvgDiagramTest {

	static final Path SAMPLES = Path.of(System.getProperty("tadam.samples", "../samples"));

	private static ModelFiles models;

	@BeforeAll
	static void setUp() {
		models = TadamStandaloneSetup.doSetup().getInstance(ModelFiles.class);
	}

	private static Automaton load(String sample) throws Exception {
		ModelFiles.Loaded loaded = models.load(SAMPLES.resolve(sample));
		assertFalse(loaded.hasErrors(), () -> sample + ": " + loaded.issues());
		return loaded.automaton();
	}

	@ParameterizedTest
	@ValueSource(strings = { "http.tadam", "dns.tadam" })
	void svgIsWellFormedAndShowsEveryStateAndEdge(String sample) throws Exception {
		Automaton automaton = load(sample);
		String svg = new SvgDiagramWriter().write(new AutomatonLayout().layout(automaton));
		// kept for people to look at: target/diagrams/http.svg...
		Files.createDirectories(Path.of("target", "diagrams"));
		Files.writeString(Path.of("target", "diagrams", sample.replace(".tadam", ".svg")), svg);
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
		assertEquals("svg", document.getDocumentElement().getLocalName());

		NodeList groups = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
		List<String> states = new ArrayList<>();
		List<String> edges = new ArrayList<>();
		for (int i = 0; i < groups.getLength(); i++) {
			Element group = (Element) groups.item(i);
			String kind = group.getAttribute("class");
			if (kind.startsWith("state")) {
				states.add(group.getAttribute("id") + (kind.contains("initial") ? " initial" : "") + (kind.contains("end") ? " end" : ""));
			} else if (kind.equals("edge")) {
				edges.add(group.getAttribute("data-source") + "->" + group.getAttribute("data-target") + " " + group.getAttribute("data-symbol")
						+ " " + group.getTextContent());
			}
		}
		List<String> expectedStates = automaton.getStates().stream()
				.map(s -> "state-" + s.getName() + (s.isInitial() ? " initial" : "") + (s.isEnd() ? " end" : "")).toList();
		assertEquals(expectedStates, states);
		assertEquals(automaton.getEdges().size(), edges.size(), edges::toString);
		for (int i = 0; i < automaton.getEdges().size(); i++) {
			Edge edge = automaton.getEdges().get(i);
			String shown = edges.get(i);
			assertTrue(shown.startsWith(edge.getSource().getName() + "->" + edge.getTarget().getName() + " " + Symbols.toText(edge.getSymbol())), shown);
			assertTrue(shown.contains("p=" + edge.getProbability()) || shown.contains("p=" + (int) edge.getProbability() + " "), shown);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "http.tadam", "dns.tadam" })
	void layoutKeepsStatesAndLabelsApart(String sample) throws Exception {
		Automaton automaton = load(sample);
		AutomatonDiagram diagram = new AutomatonLayout().layout(automaton);
		List<double[]> boxes = new ArrayList<>();
		for (State state : automaton.getStates()) {
			Node node = diagram.nodeOf(state);
			assertNotNull(node, state.getName());
			boxes.add(new double[] { node.x(), node.y(), node.width(), node.height() });
		}
		for (Link link : diagram.links()) {
			assertTrue(link.route().size() >= 2, "route of " + link.edge());
			if (link.label() != null) {
				boxes.add(new double[] { link.label().x(), link.label().y(), link.label().width(), link.label().height() });
			}
			if (link.edge() != null && link.edge().getSource() == link.edge().getTarget()) {
				assertTrue(link.route().size() > 2, "a self-loop goes around its state");
			}
		}
		for (int i = 0; i < boxes.size(); i++) {
			double[] a = boxes.get(i);
			assertTrue(a[0] >= 0 && a[1] >= 0 && a[0] + a[2] <= diagram.width() && a[1] + a[3] <= diagram.height(), "inside the picture");
			for (int j = i + 1; j < boxes.size(); j++) {
				double[] b = boxes.get(j);
				boolean overlap = a[0] < b[0] + b[2] - 0.5 && b[0] < a[0] + a[2] - 0.5 && a[1] < b[1] + b[3] - 0.5 && b[1] < a[1] + a[3] - 0.5;
				assertFalse(overlap, sample + ": boxes " + i + " and " + j + " overlap");
			}
		}
	}
}
