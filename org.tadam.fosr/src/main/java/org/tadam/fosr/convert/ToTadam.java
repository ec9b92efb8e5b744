package org.tadam.fosr.convert;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.tadam.fosr.ConversionReport;
import org.tadam.fosr.ConversionReport.Topic;
import org.tadam.fosr.FosrGeneration;
import org.tadam.fosr.convert.ValueLaws.Moments;
import org.tadam.fosr.json.FosrEdge;
import org.tadam.fosr.json.FosrLaw;
import org.tadam.fosr.json.FosrModel;
import org.tadam.fosr.json.FosrPool;
import org.tadam.fosr.json.JsonProblem;
import org.tadam.model.Automaton;
import org.tadam.model.Edge;
import org.tadam.model.EndSymbol;
import org.tadam.model.Gaussian;
import org.tadam.model.IatUnit;
import org.tadam.model.L4Protocol;
import org.tadam.model.PacketSymbol;
import org.tadam.model.Quantisation;
import org.tadam.model.SizeUnit;
import org.tadam.model.State;
import org.tadam.model.Symbol;
import org.tadam.model.TadamFactory;

/**
 * {@link FosrModel} → TADAM {@link Automaton}. States are named {@code s<index>} after the file's indices, so
 * that edges can be traced back to the file and written back with the same numbers; {@code $} edges enter the
 * end state (the file's accepting state). Generation 1–2 values keep Fos-R's linear units (iat ms for TCP, µs
 * for UDP; size bytes): the Gaussians are then copied exactly. Generation 3 laws become decilog-us Gaussians by
 * moment matching, with sizes from the payload pools.
 */
public final class ToTadam {

	/** Tolerance of a state's outgoing probability sum, the DSL validator's. */
	private static final double SUM_TOLERANCE = 1e-6;

	private final ConversionReport report;
	private final TadamFactory f = TadamFactory.eINSTANCE;

	public ToTadam(ConversionReport report) {
		this.report = report;
	}

	public Automaton convert(FosrModel m, String fileStem) {
		FosrGeneration generation = m.generation();
		Automaton a = f.createAutomaton();
		L4Protocol protocol = protocol(m);
		a.setProtocol(protocol);
		new MetadataImport(report).apply(m, a, fileStem);
		Quantisation q = f.createQuantisation();
		q.setIat(generation == FosrGeneration.GEN3 ? IatUnit.DECILOG_MICROS : ValueConversion.linearUnit(protocol));
		q.setSize(SizeUnit.BYTES);
		a.setQuantisation(q);
		if (m.noise() != null) {
			a.setNoise(NoiseMapping.toModel(m.noise(), generation, report));
		}
		Map<Integer, State> states = states(m, a);
		edges(m, a, states, protocol);
		if (generation == FosrGeneration.GEN1) {
			legacyUnits(m, protocol);
		}
		int[] src = m.edges().stream().mapToInt(FosrEdge::src).toArray();
		int[] dst = m.edges().stream().mapToInt(FosrEdge::dst).toArray();
		List<Integer> cyclic = EdgeCycles.onCycles(src, dst);
		if (!cyclic.isEmpty()) {
			report.add(Topic.COUNT, "$.edges[*].count", "Fos-R counts the training flows through an edge, TADAM its "
					+ "traversals; kept as they are, so the counts of the " + EdgeCycles.edges(cyclic.size()) + " on cycles ("
					+ EdgeCycles.paths(cyclic) + ") may be lower than their traversals");
		}
		return a;
	}

	private L4Protocol protocol(FosrModel m) {
		String p = m.protocol();
		String expected;
		L4Protocol protocol;
		switch (p.toLowerCase(java.util.Locale.ROOT)) {
			case "tcp" -> protocol = L4Protocol.TCP;
			case "udp" -> protocol = L4Protocol.UDP;
			case "icmp" -> throw new JsonProblem("$.protocol", "ICMP automata cannot be imported: TADAM models TCP and UDP");
			default -> throw new JsonProblem("$.protocol", "unknown protocol '" + p + "' (expected TCP or UDP)");
		}
		expected = m.generation() == FosrGeneration.GEN1 ? protocol.getLiteral().toUpperCase(java.util.Locale.ROOT)
				: protocol.getLiteral();
		if (!p.equals(expected)) {
			report.add(Topic.METADATA, "$.protocol", "'" + p + "' is written back as '" + expected + "' ("
					+ m.generation() + " spelling)");
		}
		return protocol;
	}

	private Map<Integer, State> states(FosrModel m, Automaton a) {
		if (m.initialState() < 0 || m.acceptingState() < 0) {
			throw new JsonProblem(m.initialState() < 0 ? "$.initial_state" : "$.accepting_state", "negative state index");
		}
		if (m.initialState() == m.acceptingState()) {
			throw new JsonProblem("$.accepting_state", "the accepting state is the initial state " + m.initialState());
		}
		TreeMap<Integer, State> states = new TreeMap<>();
		List<Integer> indices = new ArrayList<>(List.of(m.initialState(), m.acceptingState()));
		m.edges().forEach(e -> indices.addAll(List.of(e.src(), e.dst())));
		for (int index : indices) {
			states.computeIfAbsent(index, i -> {
				State s = f.createState();
				s.setName("s" + i);
				s.setInitial(i == m.initialState());
				s.setEnd(i == m.acceptingState());
				return s;
			});
		}
		a.getStates().addAll(states.values());
		return states;
	}

	private void edges(FosrModel m, Automaton a, Map<Integer, State> states, L4Protocol protocol) {
		FosrGeneration generation = m.generation();
		Map<Integer, List<Integer>> out = new TreeMap<>();
		Map<String, List<Integer>> respelled = new LinkedHashMap<>();
		for (int i = 0; i < m.edges().size(); i++) {
			FosrEdge e = m.edges().get(i);
			String path = "$.edges[" + i + "]";
			Symbol symbol = SymbolCodec.parse(e.symbol(), protocol, path + ".symbol");
			boolean end = symbol instanceof EndSymbol;
			if (e.src() == m.acceptingState()) {
				throw new JsonProblem(path + ".src", "the accepting state " + e.src() + " has an outgoing edge");
			}
			if (end && e.dst() != m.acceptingState()) {
				throw new JsonProblem(path + ".dst", "a $ edge must lead into the accepting state " + m.acceptingState()
						+ ", not into " + e.dst());
			}
			if (!end && e.dst() == m.acceptingState()) {
				throw new JsonProblem(path + ".dst", "only $ edges may enter the accepting state " + e.dst() + ", not '"
						+ e.symbol() + "'");
			}
			if (e.count() > Integer.MAX_VALUE) {
				throw new JsonProblem(path + ".count", "count " + e.count() + " is too large");
			}
			if (!SymbolCodec.format(symbol, protocol, generation).equals(e.symbol())) {
				respelled.computeIfAbsent(e.symbol(), s -> new ArrayList<>()).add(i);
			}
			Edge edge = f.createEdge();
			edge.setSource(states.get(e.src()));
			edge.setTarget(states.get(e.dst()));
			edge.setSymbol(symbol);
			edge.setProbability(e.p());
			edge.setCount((int) e.count());
			if (end) {
				endEdge(e, path);
			} else {
				PacketSymbol packet = (PacketSymbol) symbol;
				edge.setPayload(PayloadPools.toModel(e.pool(), packet.getPayloadClass(), generation, path + ".payloads", report));
				edge.setDistribution(distribution(e, edge, path));
			}
			a.getEdges().add(edge);
			out.computeIfAbsent(e.src(), s -> new ArrayList<>()).add(i);
		}
		respelled.forEach((text, edges) -> report.add(Topic.SYMBOL, "$.edges[" + edges.get(0) + "].symbol", "'" + text
				+ "' is written back as '" + SymbolCodec.format(a.getEdges().get(edges.get(0)).getSymbol(), protocol,
						generation) + "'" + (edges.size() > 1 ? " (" + EdgeCycles.edges(edges.size()) + ": " + EdgeCycles.paths(edges) + ")" : "")));
		out.forEach((state, edges) -> {
			double sum = edges.stream().mapToDouble(i -> m.edges().get(i).p()).sum();
			if (Math.abs(sum - 1) > SUM_TOLERANCE) {
				throw new JsonProblem("$.edges[" + edges.get(0) + "].p", "the probabilities of the edges out of state "
						+ state + " (" + EdgeCycles.paths(edges) + ") sum to " + sum + ", expected 1");
			}
		});
	}

	private Gaussian distribution(FosrEdge e, Edge edge, String path) {
		Gaussian g = f.createGaussian();
		if (e.law() instanceof FosrLaw.Gaussian linear) {
			g.getMean().add(linear.mu()[0]);
			g.getMean().add(linear.mu()[1]);
			g.getCovariance().add(linear.cov()[0][0]);
			g.getCovariance().add(linear.cov()[0][1]);
			g.getCovariance().add(linear.cov()[1][1]);
			return g;
		}
		Moments iat = ValueConversion.decilogIat(e.law(), path + ".iat_distr", report);
		Moments size = PoolExport.sizeMoments(edge.getPayload());
		g.getMean().add(iat.mean());
		g.getMean().add(size.mean());
		g.getCovariance().add(iat.variance());
		g.getCovariance().add(0.0);
		g.getCovariance().add(size.variance());
		return g;
	}

	/** A $ edge sends no packet: its values and pool carry nothing, and only trivial ones are expected. */
	private void endEdge(FosrEdge e, String path) {
		boolean trivial;
		String field;
		if (e.law() instanceof FosrLaw.Gaussian g) {
			field = ".mu";
			trivial = g.mu()[0] == 0 && g.mu()[1] == 0 && ValueLaws.isConstant(g.cov()[0][0])
					&& ValueLaws.isConstant(g.cov()[1][1]) && g.cov()[0][1] == 0;
		} else {
			field = ".iat_distr";
			trivial = e.law() instanceof FosrLaw.Constant c && c.value() <= 1;
		}
		if (!trivial) {
			report.add(Topic.END_EDGE, path + field, "values of a $ edge not imported (no packet is sent for $)");
		}
		if (!(e.pool() instanceof FosrPool.None)) {
			report.add(Topic.END_EDGE, path + ".payloads", "payload pool of a $ edge not imported (no packet is sent for $)");
		}
	}

	/** Generation-1 IATs are ambiguous: say which units were assumed and how large the means then are. */
	private void legacyUnits(FosrModel m, L4Protocol protocol) {
		double largest = m.edges().stream().filter(e -> e.law() instanceof FosrLaw.Gaussian)
				.mapToDouble(e -> ((FosrLaw.Gaussian) e.law()).mu()[0]).max().orElse(0);
		IatUnit unit = ValueConversion.linearUnit(protocol);
		report.add(Topic.UNITS, "$.edges[*].mu[0]", "generation-1 IATs read in the learner's units ("
				+ (unit == IatUnit.MILLIS ? "ms" : "µs") + " for " + protocol.getLiteral().toUpperCase(java.util.Locale.ROOT)
				+ "); Fos-R's generation-1 generator read them as nanoseconds, so their scale is doubtful: the largest mean "
				+ "IAT here is " + ValueConversion.time(largest * ValueConversion.micros(unit)));
	}
}
