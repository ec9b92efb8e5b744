package org.tadam.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tadam.model.Automaton;
import org.tadam.model.Direction;
import org.tadam.model.Edge;
import org.tadam.model.Gaussian;
import org.tadam.model.L4Protocol;
import org.tadam.model.PacketSymbol;
import org.tadam.model.PayloadClass;
import org.tadam.model.Scenario;
import org.tadam.model.State;
import org.tadam.model.TadamFactory;

/**
 * The walk compiled per model draws what the tables draw: the same bytes with --walk compiled and --walk tables,
 * for the bundled mix and for a model far beyond the old cap of 6000 edges (with a state too large for one method).
 */
class CompiledWalkTest {

	@TempDir
	Path dir;

	@Test
	void theMixWritesTheSameBytesFromCodeAndFromTables() throws Exception {
		Scenario mix = GeneratorTestSupport.sample("mix.tadamscenario");
		Path jar = GeneratorTestSupport.compile(mix, dir);
		byte[] compiled = run(jar, mix, "compiled", "2");
		assertArrayEquals(compiled, run(jar, mix, "tables", "1"));
		assertArrayEquals(compiled, run(jar, mix, "tables", "2"));
	}

	@Test
	void aModelOfNineThousandEdgesCompilesAndWalksAsItsTables() throws Exception {
		Scenario big = ScenarioPlan.scenarioOf(bigModel());
		GeneratedSources sources = GeneratedSources.generate(big, GeneratorOptions.forScenario(big.getName()));
		long walkFiles = sources.javaFiles.keySet().stream().filter(name -> name.endsWith("Walk.java")).count();
		assertEquals(2, walkFiles, "one walk per automaton and one for the scenario");
		Path jar = GeneratorTestSupport.compile(big, dir);
		byte[] compiled = run(jar, big, "compiled", "2");
		assertTrue(compiled.length > 100_000, "packets were written: " + compiled.length);
		assertArrayEquals(compiled, run(jar, big, "tables", "1"));
		assertNotEquals(0, Files.size(jar));
	}

	private byte[] run(Path jar, Scenario scenario, String walk, String threads) throws Exception {
		Path file = dir.resolve(scenario.getName() + "-" + walk + "-" + threads + ".pcap");
		GeneratorTestSupport.runOk(jar, scenario, "--seed", "11", "--connections", "300", "--threads", threads, "--walk", walk,
				"-o", file.toString());
		return Files.readAllBytes(file);
	}

	/**
	 * UDP, 300 states in a line: state 0 has 300 edges (more than one method of compiled code takes), the others 30
	 * each to the next few states, with distributions whose time depends on the size; the last state ends.
	 */
	static Automaton bigModel() {
		TadamFactory f = TadamFactory.eINSTANCE;
		Automaton a = f.createAutomaton();
		a.setName("big");
		a.setProtocol(L4Protocol.UDP);
		a.getPorts().add(9000);
		List<State> states = new ArrayList<>();
		for (int k = 0; k <= 300; k++) {
			State s = f.createState();
			s.setName("s" + k);
			s.setInitial(k == 0);
			s.setEnd(k == 300);
			a.getStates().add(s);
			states.add(s);
		}
		for (int k = 0; k < 299; k++) {
			int n = k == 0 ? 300 : 30;
			for (int j = 0; j < n; j++) {
				Edge e = f.createEdge();
				e.setSource(states.get(k));
				e.setTarget(states.get(Math.min(299, k + 1 + j % 5)));
				e.setProbability((j % 3 + 1) / (2.0 * n));
				PacketSymbol symbol = f.createPacketSymbol();
				symbol.setDirection(j % 2 == 0 ? Direction.FORWARD : Direction.BACKWARD);
				symbol.setPayloadClass(PayloadClass.RANDOM);
				e.setSymbol(symbol);
				Gaussian g = f.createGaussian();
				g.getMean().addAll(List.of(20.0 + j % 7, 50.0 + j));
				g.getCovariance().addAll(List.of(1.0 + j % 3, 0.5, 4.0));
				e.setDistribution(g);
				a.getEdges().add(e);
			}
		}
		Edge end = f.createEdge();
		end.setSource(states.get(299));
		end.setTarget(states.get(300));
		end.setProbability(1);
		end.setSymbol(f.createEndSymbol());
		a.getEdges().add(end);
		return a;
	}
}
