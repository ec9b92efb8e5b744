package org.tadam.fosr.convert;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.tadam.fosr.ConversionReport;
import org.tadam.fosr.ConversionReport.Topic;
import org.tadam.fosr.FosrGeneration;
import org.tadam.fosr.convert.ValueLaws.Moments;
import org.tadam.fosr.json.FosrEdge;
import org.tadam.fosr.json.FosrLaw;
import org.tadam.fosr.json.FosrModel;
import org.tadam.fosr.json.FosrPool;
import org.tadam.model.Automaton;
import org.tadam.model.Edge;
import org.tadam.model.EndSymbol;
import org.tadam.model.Gaussian;
import org.tadam.model.IatUnit;
import org.tadam.model.L4Protocol;
import org.tadam.model.PacketSymbol;
import org.tadam.model.PayloadClass;
import org.tadam.model.Quantisation;
import org.tadam.model.SizeUnit;
import org.tadam.model.State;
import org.tadam.model.derived.Gaussians;
import org.tadam.model.derived.Symbols;

/**
 * TADAM {@link Automaton} → {@link FosrModel} of one generation. Expects a model that passes the DSL validator
 * (one initial and one end state, $ edges into the end state); throws {@link IllegalArgumentException} otherwise.
 */
public final class FromTadam {

	private final FosrGeneration generation;
	private final ConversionReport report;

	public FromTadam(FosrGeneration generation, ConversionReport report) {
		this.generation = generation;
		this.report = report;
	}

	/** @param targetStem the output file's name without extension (generations 2–3 name automata by file), or null */
	public FosrModel convert(Automaton a, String targetStem) {
		State initial = single(a, true);
		State end = single(a, false);
		L4Protocol protocol = a.getProtocol();
		Map<State, Integer> numbers = StateNumbering.numbers(a, report);
		Quantisation q = a.getQuantisation();
		IatUnit iatUnit = q == null ? IatUnit.DECILOG_MICROS : q.getIat();
		SizeUnit sizeUnit = q == null ? SizeUnit.BYTES : q.getSize();
		units(protocol, iatUnit);
		List<FosrEdge> edges = new ArrayList<>();
		List<Integer> sizesLost = new ArrayList<>();
		List<Integer> tokensLost = new ArrayList<>();
		for (int i = 0; i < a.getEdges().size(); i++) {
			Edge e = a.getEdges().get(i);
			String path = "$.edges[" + i + "]";
			String label = "'" + e.getSource().getName() + " -> " + e.getTarget().getName() + " "
					+ Symbols.toText(e.getSymbol()) + "'";
			String symbol = SymbolCodec.format(e.getSymbol(), protocol, generation);
			if (e.getSymbol() instanceof PacketSymbol p && p.getPayloadClass() != PayloadClass.TEXT && p.getToken() != null
					&& !p.getToken().isEmpty()) {
				tokensLost.add(i);
			}
			FosrLaw law;
			FosrPool pool;
			if (e.getSymbol() instanceof EndSymbol) {
				if (e.getDistribution() != null || e.getPayload() != null) {
					report.add(Topic.END_EDGE, path, label + ": distribution or payload pool of a $ edge not written");
				}
				law = generation == FosrGeneration.GEN3 ? new FosrLaw.Constant(1) // Fos-R 3's zero: 10^(0/10) µs
						: new FosrLaw.Gaussian(new double[] { 0, 0 },
								new double[][] { { ValueLaws.VARIANCE_FLOOR, 0 }, { 0, ValueLaws.VARIANCE_FLOOR } });
				pool = new FosrPool.None();
			} else {
				pool = PoolExport.toFosr(e.getPayload(), generation, path + ".payloads", label, report);
				if (generation == FosrGeneration.GEN3) {
					law = ValueConversion.gen3(e.getDistribution(), iatUnit, path + ".iat_distr", label, report);
					if (sizeLost(e, sizeUnit)) {
						sizesLost.add(i);
					}
				} else {
					law = ValueConversion.linear(e.getDistribution(), iatUnit, sizeUnit, ValueConversion.linearUnit(protocol),
							path + ".mu", label, report);
				}
			}
			edges.add(new FosrEdge(e.getProbability(), e.getCount(), numbers.get(e.getSource()),
					numbers.get(e.getTarget()), symbol, law, pool));
		}
		if (!tokensLost.isEmpty()) {
			report.add(Topic.SYMBOL, EdgeCycles.paths(tokensLost), "the record types of " + EdgeCycles.edges(tokensLost.size())
					+ " (tokens of random or replay symbols, e.g. \"ccs+data\") are not written: Fos-R's symbols carry a token"
					+ " for text only");
		}
		if (!sizesLost.isEmpty()) {
			report.add(Topic.SIZE_LAW, EdgeCycles.paths(sizesLost), "generation 3 has no size law (Fos-R draws sizes from "
					+ "the payload pool): the size mean, variance and IAT/size correlation of " + EdgeCycles.edges(sizesLost.size())
					+ " are not written where the pool does not imply them");
		}
		int[] src = edges.stream().mapToInt(FosrEdge::src).toArray();
		int[] dst = edges.stream().mapToInt(FosrEdge::dst).toArray();
		List<Integer> cyclic = EdgeCycles.onCycles(src, dst);
		if (!cyclic.isEmpty()) {
			report.add(Topic.COUNT, "$.edges[*].count", "TADAM counts the traversals of an edge, Fos-R the training flows "
					+ "through it; written as they are, so the counts of the " + EdgeCycles.edges(cyclic.size()) + " on cycles ("
					+ EdgeCycles.paths(cyclic) + ") may be higher than Fos-R's would be");
		}
		String protocolText = generation == FosrGeneration.GEN1 ? protocol.getLiteral().toUpperCase(Locale.ROOT)
				: protocol.getLiteral();
		MetadataExport metadata = new MetadataExport(generation, report);
		return new FosrModel(generation, edges, NoiseMapping.toFosr(a.getNoise(), generation, report),
				numbers.get(initial), numbers.get(end), protocolText, metadata.l7protocol(a), metadata.metadata(a, targetStem));
	}

	private static State single(Automaton a, boolean initial) {
		List<State> found = a.getStates().stream().filter(s -> initial ? s.isInitial() : s.isEnd()).toList();
		if (found.size() != 1) {
			throw new IllegalArgumentException("the model has " + found.size() + (initial ? " initial" : " end")
					+ " states; a Fos-R automaton needs exactly one");
		}
		return found.get(0);
	}

	private void units(L4Protocol protocol, IatUnit iatUnit) {
		if (generation == FosrGeneration.GEN3) {
			return;
		}
		IatUnit target = ValueConversion.linearUnit(protocol);
		String targetName = target == IatUnit.MILLIS ? "ms" : "µs";
		if (iatUnit != target && iatUnit != IatUnit.DECILOG_MICROS) {
			report.add(Topic.UNITS, "$.edges[*].mu[0]", "IATs converted from " + (iatUnit == IatUnit.MILLIS ? "ms" : "µs")
					+ " to " + targetName + " (the unit of " + protocol.getLiteral().toUpperCase(Locale.ROOT) + " in Fos-R files)");
		}
		if (generation == FosrGeneration.GEN1) {
			report.add(Topic.UNITS, "$.edges[*].mu[0]", "IATs written in the generation-1 learner's unit (" + targetName
					+ "); Fos-R's generation-1 generator reads them as nanoseconds");
		}
	}

	/** True when the edge's size law is not what the payload pool implies, so generation 3 loses it. */
	private static boolean sizeLost(Edge e, SizeUnit sizeUnit) {
		Gaussian g = e.getDistribution();
		double[][] cov = g == null ? null : Gaussians.covarianceMatrix(g);
		if (cov == null || cov.length < 2) {
			return false;
		}
		if (sizeUnit != SizeUnit.BYTES || Math.abs(cov[0][1]) > 0) {
			return true;
		}
		Moments pool = PoolExport.sizeMoments(e.getPayload());
		return !close(g.getMean().get(1), pool.mean()) || !close(cov[1][1], pool.variance());
	}

	private static boolean close(double a, double b) {
		return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
	}
}
