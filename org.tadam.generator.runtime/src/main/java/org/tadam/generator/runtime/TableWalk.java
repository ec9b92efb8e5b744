package org.tadam.generator.runtime;

/** The walk drawn from the automata's tables: alias tables per state, distributions per edge in arrays. */
final class TableWalk extends Walk {

	private final AutomatonModel[] automata;

	TableWalk(ScenarioModel scenario) {
		this.automata = scenario.automata;
	}

	@Override
	public int nextEdge(int automaton, int state, Rng rng) {
		return automata[automaton].nextEdge(state, rng);
	}

	@Override
	public long iatNanos(int automaton, int edge, int payloadLength, Rng rng) {
		return automata[automaton].sampleIatNanos(edge, payloadLength, rng);
	}
}
