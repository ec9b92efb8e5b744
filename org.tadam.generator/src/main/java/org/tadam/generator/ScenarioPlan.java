package org.tadam.generator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.tadam.model.AddressPlan;
import org.tadam.model.Automaton;
import org.tadam.model.AutomatonUse;
import org.tadam.model.OutputFormat;
import org.tadam.model.Scenario;
import org.tadam.model.TadamFactory;
import org.tadam.model.derived.Addresses;

/**
 * A scenario with every default filled in and every literal parsed: what the templates print. A lone automaton
 * becomes a scenario of that automaton with the defaults.
 */
public final class ScenarioPlan {

	public static final String DEFAULT_START = "2026-01-01T00:00:00Z";
	public static final long DEFAULT_CONNECTIONS = 1000;
	public static final double DEFAULT_RATE = 100;
	public static final int DEFAULT_TTL = 64;
	/** Client MACs by default: vendor prefixes of common laptop network chips (Intel, Realtek, Apple). */
	static final List<String> DEFAULT_CLIENT_MACS = List.of("3c:52:82", "00:e0:4c", "f4:8e:38");
	static final List<String> DEFAULT_SERVER_MACS = List.of("00:1b:21", "ac:1f:6b");

	/** One automaton of the scenario, with the class it is emitted as. */
	/** @param portWeights relative weight of each port, null: equally likely */
	public record Use(AutomatonTables tables, String className, double share, int[] ports, int[] portWeights) {
	}

	private static boolean valid(int port) {
		return port > 0 && port <= 65535;
	}

	/** One side's hosts. */
	public record Hosts(List<Addresses.Subnet> subnets, List<String> subnetTexts, List<byte[]> macs, List<String> macTexts,
			int ttl) {
	}

	public final String name;
	public final List<Use> uses = new ArrayList<>();
	public final Hosts clients;
	public final Hosts servers;
	public final long seed;
	public final long connections;
	public final long durationNanos;
	public final double rate;
	public final List<Double> profile;
	public final String start;
	public final long startNanos;
	/** Name of the runtime's CaptureFormat constant. */
	public final String format;
	public final int snapLength;

	public ScenarioPlan(Scenario scenario) {
		name = scenario.getName();
		Set<String> classNames = new HashSet<>();
		for (AutomatonUse use : scenario.getUses()) {
			Automaton automaton = use.getAutomaton();
			if (automaton == null || automaton.eIsProxy()) {
				throw new IllegalArgumentException("scenario " + name + " uses an automaton that cannot be found");
			}
			String className = JavaNames.className(automaton.getName(), "Automaton");
			for (int i = 2; !classNames.add(className); i++) {
				className = JavaNames.className(automaton.getName() + i, "Automaton");
			}
			boolean own = use.getPorts().isEmpty();
			List<Integer> ports = own ? automaton.getPorts() : use.getPorts();
			// the model's port weights when the scenario keeps its ports; a scenario's own ports are equally likely
			List<Integer> weights = own && automaton.getPortWeights().size() == ports.size() ? automaton.getPortWeights() : null;
			int[] kept = IntStream.range(0, ports.size()).filter(i -> valid(ports.get(i))).toArray();
			int[] portArray = IntStream.of(kept).map(ports::get).toArray();
			int[] weightArray = weights == null ? null : IntStream.of(kept).map(weights::get).toArray();
			if (weightArray != null && IntStream.of(weightArray).allMatch(w -> w <= 0)) {
				// every weighted port was dropped (port 0: any): the ports left are equally likely
				weightArray = null;
			}
			if (portArray.length == 0) {
				throw new IllegalArgumentException("automaton " + automaton.getName() + " has no server port");
			}
			uses.add(new Use(new AutomatonTables(automaton), className, use.isSetShare() ? use.getShare() : 1, portArray,
					weightArray));
		}
		if (uses.isEmpty()) {
			throw new IllegalArgumentException("scenario " + name + " uses no automaton");
		}
		clients = hosts(scenario.getClients(), List.of("10.0.0.0/16"), DEFAULT_CLIENT_MACS);
		servers = hosts(scenario.getServers(), List.of("192.168.100.0/24"), DEFAULT_SERVER_MACS);
		seed = scenario.isSetSeed() ? scenario.getSeed() : 0;
		boolean bounded = scenario.isSetConnections() || scenario.isSetDuration();
		connections = scenario.isSetConnections() ? scenario.getConnections() : bounded ? 0 : DEFAULT_CONNECTIONS;
		durationNanos = scenario.isSetDuration() ? (long) (scenario.getDuration() * 1e9) : 0;
		rate = scenario.isSetRate() ? scenario.getRate() : DEFAULT_RATE;
		profile = List.copyOf(scenario.getProfile());
		start = scenario.getStart() == null ? DEFAULT_START : scenario.getStart();
		Instant instant = Instant.parse(start);
		startNanos = instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
		OutputFormat f = scenario.isSetFormat() ? scenario.getFormat() : OutputFormat.PCAP;
		format = switch (f) {
			case PCAP_NANOS -> "PCAP_NANOS";
			case PCAPNG -> "PCAPNG";
			default -> "PCAP";
		};
		snapLength = scenario.isSetSnapLength() ? scenario.getSnapLength() : 65535;
	}

	private static Hosts hosts(AddressPlan plan, List<String> defaultSubnets, List<String> defaultMacs) {
		List<String> subnetTexts = plan == null || plan.getSubnets().isEmpty() ? defaultSubnets : plan.getSubnets();
		List<String> macTexts = plan == null ? defaultMacs : plan.getMacs();
		List<Addresses.Subnet> subnets = new ArrayList<>();
		for (String text : subnetTexts) {
			Addresses.Subnet subnet = Addresses.parseSubnet(text);
			if (subnet == null) {
				throw new IllegalArgumentException("invalid subnet " + text);
			}
			subnets.add(subnet);
		}
		List<byte[]> macs = new ArrayList<>();
		for (String text : macTexts) {
			byte[] mac = Addresses.parseMac(text);
			if (mac == null) {
				throw new IllegalArgumentException("invalid MAC address " + text);
			}
			macs.add(mac);
		}
		int ttl = plan != null && plan.isSetTtl() ? plan.getTtl() : DEFAULT_TTL;
		return new Hosts(subnets, List.copyOf(subnetTexts), macs, List.copyOf(macTexts), ttl);
	}

	/** The scenario of a single automaton: everything default, the automaton's own ports. */
	public static Scenario scenarioOf(Automaton automaton) {
		Scenario scenario = TadamFactory.eINSTANCE.createScenario();
		scenario.setName(automaton.getName());
		AutomatonUse use = TadamFactory.eINSTANCE.createAutomatonUse();
		use.setAutomaton(automaton);
		scenario.getUses().add(use);
		return scenario;
	}

	/** Bytes of an address as a Java array initialiser body: {@code 10, 0, 0, 0} (signed, as Java bytes are). */
	public static String bytes(byte[] value) {
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < value.length; i++) {
			b.append(i == 0 ? "" : ", ").append(value[i]);
		}
		return b.toString();
	}
}
