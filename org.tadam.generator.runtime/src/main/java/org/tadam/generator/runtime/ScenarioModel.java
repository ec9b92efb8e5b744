package org.tadam.generator.runtime;

/** A compiled scenario: its automata with their shares and server ports, and the two address plans. */
public final class ScenarioModel {

	final String name;
	final AutomatonModel[] automata;
	final AliasTable automatonChoice;
	final int[][] ports;
	/** Per automaton, how to draw one of its ports; null: uniformly. */
	final AliasTable[] portChoice;
	final AddressPool clients;
	final AddressPool servers;
	/** The walk compiled for these automata, null: only the tables. */
	final Walk compiledWalk;

	/**
	 * @param shares relative weight of each automaton
	 * @param ports server ports of each automaton (never empty)
	 */
	public ScenarioModel(String name, AutomatonModel[] automata, double[] shares, int[][] ports, AddressPool clients,
			AddressPool servers) {
		this(name, automata, shares, ports, clients, servers, null);
	}

	/** @param compiledWalk the code {@code tadam compile} wrote for these automata; null: walk the tables */
	public ScenarioModel(String name, AutomatonModel[] automata, double[] shares, int[][] ports, AddressPool clients,
			AddressPool servers, Walk compiledWalk) {
		this(name, automata, shares, ports, new int[ports.length][], clients, servers, compiledWalk);
	}

	/**
	 * @param portWeights per automaton the relative weight of each of its ports (a model's training connections per
	 *     port), or null to draw them uniformly
	 */
	public ScenarioModel(String name, AutomatonModel[] automata, double[] shares, int[][] ports, int[][] portWeights,
			AddressPool clients, AddressPool servers, Walk compiledWalk) {
		if (automata.length == 0 || automata.length != shares.length || automata.length != ports.length
				|| automata.length != portWeights.length) {
			throw new IllegalArgumentException("one share and one port list per automaton");
		}
		portChoice = new AliasTable[ports.length];
		for (int a = 0; a < ports.length; a++) {
			if (ports[a].length == 0) {
				throw new IllegalArgumentException("an automaton without server port");
			}
			if (portWeights[a] != null) {
				if (portWeights[a].length != ports[a].length) {
					throw new IllegalArgumentException("one weight per port");
				}
				portChoice[a] = new AliasTable(portWeights[a]);
			}
		}
		if (!(clients.has(false) && servers.has(false) || clients.has(true) && servers.has(true))) {
			throw new IllegalArgumentException("clients and servers share no IP version");
		}
		this.name = name;
		this.automata = automata;
		this.automatonChoice = new AliasTable(shares);
		this.ports = ports;
		this.clients = clients;
		this.servers = servers;
		this.compiledWalk = compiledWalk;
	}

	public String name() {
		return name;
	}
}
