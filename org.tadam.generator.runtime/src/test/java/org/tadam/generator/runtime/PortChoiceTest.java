package org.tadam.generator.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.channels.Channels;

import org.junit.jupiter.api.Test;

/** A model's server ports are drawn on their weights (training connections per port), or uniformly without. */
class PortChoiceTest {

	private static final int CONNECTIONS = 2000;

	/** Connections of the hand-built automaton that went to port 22, the other port being 80. */
	private static long toPort22(int[] weights) throws Exception {
		ScenarioModel base = TrafficGeneratorTest.scenario();
		ScenarioModel scenario = new ScenarioModel("ports", base.automata, new double[] { 1 }, new int[][] { { 22, 80 } },
				new int[][] { weights }, base.clients, base.servers, null);
		GeneratorSettings settings = TcpRepairTest.settings(1);
		settings.connections = CONNECTIONS;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new TrafficGenerator(scenario, settings).run(Channels.newChannel(out));
		return Segments.read(out.toByteArray()).stream().filter(p -> p.flags() == Segments.SYN).filter(p -> p.dstPort() == 22)
				.count();
	}

	@Test
	void weightedPortsAreDrawnOnTheirWeights() throws Exception {
		assertEquals(CONNECTIONS * 0.9, toPort22(new int[] { 9, 1 }), CONNECTIONS * 0.03);
	}

	@Test
	void portsWithoutWeightsAreEquallyLikely() throws Exception {
		assertEquals(CONNECTIONS * 0.5, toPort22(null), CONNECTIONS * 0.04);
	}

	@Test
	void aWeightPerPort() {
		ScenarioModel base = TrafficGeneratorTest.scenario();
		assertThrows(IllegalArgumentException.class, () -> new ScenarioModel("ports", base.automata, new double[] { 1 },
				new int[][] { { 22, 80 } }, new int[][] { { 1 } }, base.clients, base.servers, null));
	}
}
