package org.tadam.dsl.validation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.CheckType;
import org.eclipse.xtext.validation.ComposedChecks;
import org.tadam.model.Automaton;
import org.tadam.model.Edge;
import org.tadam.model.EndSymbol;
import org.tadam.model.Gaussian;
import org.tadam.model.L4Protocol;
import org.tadam.model.NoiseRates;
import org.tadam.model.PacketSymbol;
import org.tadam.model.PayloadClass;
import org.tadam.model.Provenance;
import org.tadam.model.RandomPayload;
import org.tadam.model.ReplayPayload;
import org.tadam.model.TadamPackage.Literals;
import org.tadam.model.TextPayload;
import org.tadam.model.VariantRange;
import org.tadam.model.derived.AutomatonGraph;
import org.tadam.model.derived.Gaussians;
import org.tadam.model.derived.PayloadVariants;
import org.tadam.model.derived.Symbols;

/**
 * Checks that a model is a well-formed probabilistic timed automaton. Messages name the state or edge so that
 * they are useful on the command line as well as in an editor.
 */
// org.tadam.model.State is written in full: the inherited AbstractDeclarativeValidator.State would shadow an import.
@ComposedChecks(validators = { ScenarioValidator.class, TcpSequenceValidator.class, VariantWeightValidator.class,
		LetterBoundsValidator.class })
public class TadamValidator extends AbstractTadamValidator {

	/** Tolerance of the probability sum of a state's outgoing edges. */
	public static final double SUM_TOLERANCE = 1e-6;
	/** Bytes of a random payload's header (and length field) at most: a protocol's framing, not a message. */
	public static final int MAX_HEADER = 64;
	/** Tolerance of the positive semi-definiteness test (the learner's variance floor is 1e-6). */
	public static final double PSD_TOLERANCE = 1e-9;

	@Check(CheckType.FAST)
	public void checkStates(Automaton automaton) {
		AutomatonGraph graph = new AutomatonGraph(automaton);
		List<org.tadam.model.State> initial = graph.initialStates();
		List<org.tadam.model.State> ends = graph.endStates();
		if (initial.size() != 1) {
			error("An automaton needs exactly one initial state, found " + initial.size() + names(initial), automaton,
					Literals.AUTOMATON__NAME, IssueCodes.INITIAL_STATE_COUNT);
		}
		if (ends.size() != 1) {
			error("An automaton needs exactly one end state, found " + ends.size() + names(ends), automaton,
					Literals.AUTOMATON__NAME, IssueCodes.END_STATE_COUNT);
		}
		Set<String> names = new HashSet<>();
		for (org.tadam.model.State state : automaton.getStates()) {
			if (state.getName() != null && !names.add(state.getName())) {
				error("Duplicate state name '" + state.getName() + "'", state, Literals.STATE__NAME, IssueCodes.DUPLICATE_NAME);
			}
		}
		// with unresolved edge ends the graph is incomplete: the linking error says enough
		boolean linked = automaton.getEdges().stream().noneMatch(e -> e.getSource() == null || e.getSource().eIsProxy()
				|| e.getTarget() == null || e.getTarget().eIsProxy());
		Set<org.tadam.model.State> reachable = linked && initial.size() == 1 ? graph.reachableFromInitial() : null;
		Set<org.tadam.model.State> coReachable = linked && ends.size() == 1 ? graph.coReachableToEnd() : null;
		for (org.tadam.model.State state : automaton.getStates()) {
			checkState(graph, state, reachable, coReachable);
		}
	}

	private void checkState(AutomatonGraph graph, org.tadam.model.State state, Set<org.tadam.model.State> reachable, Set<org.tadam.model.State> coReachable) {
		List<Edge> out = graph.outgoing(state);
		if (state.isEnd()) {
			if (!out.isEmpty()) {
				error("The end state '" + state.getName() + "' must have no outgoing edges, it has " + out.size(), state,
						Literals.STATE__NAME, IssueCodes.END_STATE_MISUSE);
			}
		} else if (!out.isEmpty()) {
			double sum = graph.outgoingProbability(state);
			if (Math.abs(sum - 1.0) > SUM_TOLERANCE) {
				String shown = new BigDecimal(sum).round(new MathContext(12)).stripTrailingZeros().toPlainString();
				error("Outgoing probabilities of state '" + state.getName() + "' sum to " + shown + ", expected 1", state,
						Literals.STATE__NAME, IssueCodes.PROBABILITY_SUM, shown);
			}
		}
		if (reachable != null && !reachable.contains(state)) {
			warning("State '" + state.getName() + "' is unreachable from the initial state", state, Literals.STATE__NAME,
					IssueCodes.UNREACHABLE_STATE);
		} else if (coReachable != null && !state.isEnd() && !coReachable.contains(state)) {
			error("State '" + state.getName() + "' has no path to the end state: connections entering it never end", state,
					Literals.STATE__NAME, IssueCodes.NO_PATH_TO_END);
		}
	}

	@Check(CheckType.FAST)
	public void checkEdge(Edge edge) {
		String label = label(edge);
		if (!(edge.getProbability() >= 0 && edge.getProbability() <= 1)) {
			error("Probability of edge " + label + " is " + edge.getProbability() + ", it must lie in [0, 1]", edge,
					Literals.EDGE__PROBABILITY, IssueCodes.PROBABILITY_RANGE);
		}
		if (edge.getCount() < 0) {
			error("Count of edge " + label + " is negative", edge, Literals.EDGE__COUNT, IssueCodes.NEGATIVE_COUNT);
		}
		org.tadam.model.State target = edge.getTarget();
		if (target == null || target.eIsProxy()) {
			return;
		}
		if (edge.getSymbol() instanceof EndSymbol && !target.isEnd()) {
			error("The end-of-connection edge " + label + " must lead into the end state", edge, Literals.EDGE__TARGET,
					IssueCodes.END_EDGE_TARGET);
		}
		if (edge.getSymbol() instanceof PacketSymbol && target.isEnd()) {
			error("Edge " + label + " carries a packet into the end state; only $ edges may enter it", edge,
					Literals.EDGE__TARGET, IssueCodes.END_STATE_MISUSE);
		}
	}

	@Check(CheckType.FAST)
	public void checkSymbol(PacketSymbol symbol) {
		String flags = symbol.getFlags();
		Automaton automaton = (Automaton) symbol.eContainer().eContainer();
		if (flags != null && !flags.isEmpty()) {
			if (automaton.getProtocol() == L4Protocol.UDP) {
				error("UDP packets carry no TCP flags ('" + flags + "')", symbol, Literals.PACKET_SYMBOL__FLAGS,
						IssueCodes.MALFORMED_FLAGS);
			} else if (!Symbols.isCanonicalFlags(flags)) {
				String canonical = Symbols.canonicalFlags(flags);
				error(canonical == null
						? "Malformed TCP flags '" + flags + "': use the letters S F R P A U E C"
						: "Malformed TCP flags '" + flags + "': each letter once, in the order SFRPAUEC ('" + canonical + "')",
						symbol, Literals.PACKET_SYMBOL__FLAGS, IssueCodes.MALFORMED_FLAGS, canonical == null ? "" : canonical);
			}
		}
		if (symbol.getToken() != null && symbol.getPayloadClass() == PayloadClass.EMPTY) {
			error("A packet without payload carries no token", symbol, Literals.PACKET_SYMBOL__TOKEN, IssueCodes.PAYLOAD_MISMATCH);
		}
	}

	@Check(CheckType.FAST)
	public void checkGaussian(Gaussian gaussian) {
		int d = gaussian.getMean().size();
		if (gaussian.getCovariance().size() != Gaussians.triangleSize(d)) {
			error("A " + d + "-dimensional distribution needs " + Gaussians.triangleSize(d)
					+ " covariance values (upper triangle, row by row), found " + gaussian.getCovariance().size(), gaussian,
					Literals.GAUSSIAN__COVARIANCE, IssueCodes.DISTRIBUTION_DIMENSION);
			return;
		}
		double[][] matrix = Gaussians.covarianceMatrix(gaussian);
		for (int i = 0; i < d; i++) {
			if (matrix[i][i] < 0) {
				error("Variance " + (i + 1) + " of the distribution of edge " + label((Edge) gaussian.eContainer())
						+ " is negative (" + matrix[i][i] + ")", gaussian, Literals.GAUSSIAN__COVARIANCE,
						IssueCodes.NEGATIVE_VARIANCE);
				return;
			}
		}
		if (!Gaussians.isPositiveSemiDefinite(matrix, PSD_TOLERANCE)) {
			error("The covariance of edge " + label((Edge) gaussian.eContainer())
					+ " is not positive semi-definite (a covariance is larger than its variances allow)", gaussian,
					Literals.GAUSSIAN__COVARIANCE, IssueCodes.COVARIANCE_NOT_PSD);
		}
	}

	@Check(CheckType.FAST)
	public void checkPayload(Edge edge) {
		if (edge.getPayload() == null || edge.getProbability() <= 0) {
			return;
		}
		long total;
		String kind;
		if (edge.getPayload() instanceof RandomPayload random) {
			total = random.getLengths().stream().mapToLong(w -> Math.max(0, w.getWeight())).sum();
			kind = "random-length";
		} else if (edge.getPayload() instanceof ReplayPayload replay) {
			total = replay.getEntries().stream().mapToLong(w -> Math.max(0, w.getWeight())).sum();
			kind = "replay";
		} else {
			total = ((TextPayload) edge.getPayload()).getEntries().stream().mapToLong(w -> Math.max(0, w.getWeight())).sum();
			kind = "text";
		}
		if (total == 0) {
			error("The " + kind + " payload pool of edge " + label(edge)
					+ " has no entry of positive weight, but the edge can be taken", edge, Literals.EDGE__PAYLOAD,
					IssueCodes.EMPTY_PAYLOAD_POOL);
		}
	}

	/** The generator writes the header and the length field into every random payload long enough to hold them. */
	@Check(CheckType.FAST)
	public void checkRandomHeader(RandomPayload random) {
		int header = random.getHeader() == null ? 0 : random.getHeader().length;
		if (header > MAX_HEADER) {
			error("A random payload header has at most " + MAX_HEADER + " bytes, found " + header, random,
					Literals.RANDOM_PAYLOAD__HEADER, IssueCodes.RANDOM_HEADER);
		}
		int width = random.getLengthWidth();
		if (random.getLengthOffset() >= 0 && (width != 1 && width != 2 && width != 4
				|| random.getLengthOffset() + width > MAX_HEADER)) {
			error("A length field is 1, 2 or 4 bytes wide and ends within the first " + MAX_HEADER + " bytes, found at "
					+ random.getLengthOffset() + " width " + width, random, Literals.RANDOM_PAYLOAD__LENGTH_OFFSET,
					IssueCodes.RANDOM_HEADER);
		}
	}

	/** Variant numbers index a bit set per pool entry in the generator: keep them small and ranges ordered. */
	@Check(CheckType.FAST)
	public void checkVariantRange(VariantRange range) {
		int last = range.getLast() < 0 ? range.getFirst() : range.getLast();
		if (range.getFirst() < 0 || last > PayloadVariants.MAX || last < range.getFirst()) {
			error("A payload variant range must satisfy 0 <= first <= last <= " + PayloadVariants.MAX + ", found " + range.getFirst()
					+ (range.getLast() < 0 ? "" : " to " + range.getLast()), range, null, IssueCodes.VARIANT_RANGE);
		}
	}

	@Check(CheckType.FAST)
	public void checkNoise(NoiseRates noise) {
		double[] rates = { noise.getMissing(), noise.getSpurious(), noise.getDuplicated(), noise.getSwapped() };
		double sum = 0;
		for (double rate : rates) {
			if (!(rate >= 0 && rate <= 1)) {
				error("Noise rates must lie in [0, 1], found " + rate, noise, null, IssueCodes.NOISE_RATE_RANGE);
				return;
			}
			sum += rate;
		}
		if (sum > 1 + SUM_TOLERANCE) {
			error("Noise rates sum to " + sum + ", more than 1", noise, null, IssueCodes.NOISE_RATE_RANGE);
		}
	}

	@Check(CheckType.FAST)
	public void checkPorts(Automaton automaton) {
		for (int i = 0; i < automaton.getPorts().size(); i++) {
			int port = automaton.getPorts().get(i);
			if (port < 0 || port > 65535) {
				error("Port " + port + " is outside 0..65535", automaton, Literals.AUTOMATON__PORTS, i, IssueCodes.INVALID_PORT);
			}
		}
		List<Integer> weights = automaton.getPortWeights();
		if (weights.isEmpty()) {
			return;
		}
		// a repeated port is stored once, so its weights would no longer line up with the ports
		if (weights.size() != automaton.getPorts().size()) {
			error("Every port needs a weight when one has one, and each port is listed once: " + automaton.getPorts().size()
					+ " ports, " + weights.size() + " weights", automaton, Literals.AUTOMATON__PORT_WEIGHTS, IssueCodes.PORT_WEIGHT);
		} else if (weights.stream().anyMatch(w -> w < 0) || weights.stream().allMatch(w -> w == 0)) {
			error("Port weights are 0 or more and one at least is positive, found " + weights, automaton,
					Literals.AUTOMATON__PORT_WEIGHTS, IssueCodes.PORT_WEIGHT);
		}
	}

	@Check(CheckType.FAST)
	public void checkParsedConnections(Provenance provenance) {
		if (provenance.isSetParsedConnections() && (provenance.getParsedConnections() < 0
				|| provenance.getParsedConnections() > provenance.getConnections())) {
			error("Parsed connections (" + provenance.getParsedConnections() + ") must be between 0 and the "
					+ provenance.getConnections() + " connections learned from", provenance,
					Literals.PROVENANCE__PARSED_CONNECTIONS, IssueCodes.PARSED_CONNECTIONS);
		}
	}

	/** How an edge is named in messages: {@code s1 -> s2 SA<}. */
	public static String label(Edge edge) {
		String source = edge.getSource() == null || edge.getSource().eIsProxy() ? "?" : edge.getSource().getName();
		String target = edge.getTarget() == null || edge.getTarget().eIsProxy() ? "?" : edge.getTarget().getName();
		return "'" + source + " -> " + target + " " + Symbols.toText(edge.getSymbol()) + "'";
	}

	private static String names(List<org.tadam.model.State> states) {
		if (states.isEmpty()) {
			return "";
		}
		return " (" + String.join(", ", states.stream().map(org.tadam.model.State::getName).toList()) + ")";
	}
}
