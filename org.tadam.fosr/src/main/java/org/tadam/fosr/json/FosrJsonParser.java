package org.tadam.fosr.json;

import org.tadam.model.derived.Gaussians;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.tadam.fosr.ConversionReport;
import org.tadam.fosr.ConversionReport.Topic;
import org.tadam.fosr.FosrGeneration;
import org.tadam.fosr.json.FosrModel.FosrMetadata;
import org.tadam.model.derived.Gaussians;
import org.tadam.fosr.json.FosrModel.FosrNoise;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * JSON tree → {@link FosrModel}: detects the generation, checks that every field has the type the format gives
 * it, and reports fields it does not know (they are not imported). Semantic checks across fields (indices,
 * probability sums, the end state) are left to the conversion, which knows what the model needs.
 */
public final class FosrJsonParser {

	private static final Set<String> TOP_FIELDS = Set.of("edges", "noise", "statistics", "initial_state",
			"accepting_state", "protocol", "l7protocol", "metadata");
	private static final Set<String> LINEAR_EDGE_FIELDS = Set.of("p", "count", "src", "dst", "symbol", "mu", "cov",
			"payloads");
	private static final Set<String> GEN3_EDGE_FIELDS = Set.of("p", "count", "src", "dst", "symbol", "iat_distr",
			"payloads");
	private static final Set<String> METADATA_FIELDS = Set.of("service", "conn_state", "input_file", "creation_time",
			"select_dst_ports", "ignore_dst_ports", "automaton_name");

	private final ConversionReport report;

	public FosrJsonParser(ConversionReport report) {
		this.report = report;
	}

	/**
	 * Which generation a file is, from the fields only that generation has: {@code iat_distr}/{@code statistics}
	 * (3), {@code l7protocol} or generation-1 metadata (1), {@code metadata.service}/{@code conn_state} (2); the
	 * spelling of {@code protocol} decides when nothing else does.
	 */
	public static FosrGeneration detect(JsonNode rootNode) {
		JsonObject root = JsonObject.of(rootNode, "$");
		List<JsonNode> edges = root.array("edges");
		if (root.has("statistics") || edges.stream().anyMatch(e -> e.isObject() && e.has("iat_distr"))) {
			return FosrGeneration.GEN3;
		}
		if (root.has("l7protocol")) {
			return FosrGeneration.GEN1;
		}
		JsonNode metadata = root.get("metadata");
		if (metadata != null && metadata.isObject()) {
			if (metadata.has("service") || metadata.has("conn_state")) {
				return FosrGeneration.GEN2;
			}
			if (metadata.has("automaton_name") || metadata.has("select_dst_ports")) {
				return FosrGeneration.GEN1;
			}
		}
		JsonNode protocol = root.get("protocol");
		if (protocol != null && protocol.isTextual() && !protocol.textValue().isEmpty()) {
			String p = protocol.textValue();
			if (p.equals(p.toUpperCase(java.util.Locale.ROOT)) && !p.equals(p.toLowerCase(java.util.Locale.ROOT))) {
				return FosrGeneration.GEN1;
			}
			return FosrGeneration.GEN2;
		}
		throw new JsonProblem("$", "unknown Fos-R model generation: none of iat_distr/statistics (generation 3), "
				+ "l7protocol (generation 1), metadata.service (generation 2) or protocol is present");
	}

	public FosrModel parse(JsonNode rootNode) {
		FosrGeneration generation = detect(rootNode);
		JsonObject root = JsonObject.of(rootNode, "$");
		reportUnknown(root, TOP_FIELDS);
		List<JsonNode> edgeNodes = root.array("edges");
		if (edgeNodes.isEmpty()) {
			throw new JsonProblem("$.edges", "no edges");
		}
		List<FosrEdge> edges = new ArrayList<>(edgeNodes.size());
		for (int i = 0; i < edgeNodes.size(); i++) {
			edges.add(edge(JsonObject.of(edgeNodes.get(i), "$.edges[" + i + "]"), generation));
		}
		FosrNoise noise = generation == FosrGeneration.GEN3 ? statistics(root.optionalObject("statistics"))
				: noise(root.optionalObject("noise"));
		if (generation == FosrGeneration.GEN3 && root.has("noise")) {
			report.add(Topic.UNKNOWN_FIELD, "$.noise", "generation 3 keeps noise rates in 'statistics': not imported");
		} else if (generation != FosrGeneration.GEN3 && root.has("statistics")) {
			report.add(Topic.UNKNOWN_FIELD, "$.statistics", "not a field of " + generation + ": not imported");
		}
		return new FosrModel(generation, edges, noise, root.integer("initial_state"), root.integer("accepting_state"),
				root.string("protocol"), root.optionalString("l7protocol"), metadata(root.optionalObject("metadata")));
	}

	private FosrEdge edge(JsonObject e, FosrGeneration generation) {
		boolean gen3 = generation == FosrGeneration.GEN3;
		reportUnknown(e, gen3 ? GEN3_EDGE_FIELDS : LINEAR_EDGE_FIELDS);
		double p = e.number("p");
		if (p < 0 || p > 1) {
			throw new JsonProblem(e.path("p"), "probability " + p + " outside [0, 1]");
		}
		long count = e.longInteger("count");
		if (count < 0) {
			throw new JsonProblem(e.path("count"), "negative count " + count);
		}
		int src = nonNegative(e, "src");
		int dst = nonNegative(e, "dst");
		String symbol = e.string("symbol");
		FosrLaw law = gen3 ? iatLaw(e.object("iat_distr")) : gaussian(e);
		FosrPool pool = e.has("payloads") ? new PoolParser(report).parse(e.object("payloads"), gen3) : new FosrPool.None();
		return new FosrEdge(p, count, src, dst, symbol, law, pool);
	}

	private static int nonNegative(JsonObject e, String field) {
		int value = e.integer(field);
		if (value < 0) {
			throw new JsonProblem(e.path(field), "negative state index " + value);
		}
		return value;
	}

	private static FosrLaw.Gaussian gaussian(JsonObject e) {
		double[] mu = vector(e.array("mu"), e.path("mu"));
		List<JsonNode> rows = e.array("cov");
		if (rows.size() != 2) {
			throw new JsonProblem(e.path("cov"), "expected a 2×2 matrix, found " + rows.size() + " rows");
		}
		double[][] cov = new double[2][];
		for (int i = 0; i < 2; i++) {
			String rowPath = e.path("cov") + "[" + i + "]";
			if (!rows.get(i).isArray()) {
				throw new JsonProblem(rowPath, "expected an array" + JsonObject.found(rows.get(i)));
			}
			List<JsonNode> row = new ArrayList<>();
			rows.get(i).forEach(row::add);
			cov[i] = vector(row, rowPath);
		}
		double scale = Math.max(1, Math.max(Math.abs(cov[0][1]), Math.abs(cov[1][0])));
		if (Math.abs(cov[0][1] - cov[1][0]) > 1e-9 * scale) {
			throw new JsonProblem(e.path("cov"), "not symmetric (" + cov[0][1] + " ≠ " + cov[1][0] + ")");
		}
		if (!Gaussians.isPositiveSemiDefinite(cov, 1e-9)) {
			throw new JsonProblem(e.path("cov"), "not a covariance: a variance is negative or the correlation exceeds 1");
		}
		return new FosrLaw.Gaussian(mu, cov);
	}

	/** A [iat, size] pair: Fos-R's value vectors always have these two components. */
	private static double[] vector(List<JsonNode> items, String path) {
		if (items.size() != 2) {
			throw new JsonProblem(path, "expected 2 numbers [iat, size], found " + items.size());
		}
		return new double[] { JsonObject.number(items.get(0), path + "[0]"), JsonObject.number(items.get(1), path + "[1]") };
	}

	private FosrLaw iatLaw(JsonObject d) {
		String law = d.string("law");
		switch (law) {
			case "constant" -> {
				reportUnknown(d, Set.of("law", "value"));
				double value = d.number("value");
				if (value < 0) {
					throw new JsonProblem(d.path("value"), "negative inter-arrival time " + value);
				}
				return new FosrLaw.Constant(value);
			}
			case "gamma" -> {
				reportUnknown(d, Set.of("law", "shape", "loc", "scale"));
				double shape = d.number("shape");
				double scale = d.number("scale");
				if (shape <= 0) {
					throw new JsonProblem(d.path("shape"), "a gamma shape must be positive, found " + shape);
				}
				if (scale <= 0) {
					throw new JsonProblem(d.path("scale"), "a gamma scale must be positive, found " + scale);
				}
				return new FosrLaw.Gamma(shape, d.has("loc") ? d.number("loc") : 0, scale);
			}
			default -> throw new JsonProblem(d.path("law"), "unknown law '" + law + "' (expected constant or gamma)");
		}
	}

	private FosrNoise noise(JsonObject n) {
		if (n == null) {
			return null;
		}
		reportUnknown(n, Set.of("none", "deletion", "reemission", "transposition", "addition"));
		return new FosrNoise(rate(n, "none"), rate(n, "deletion"), rate(n, "reemission"), rate(n, "transposition"),
				rate(n, "addition"), null);
	}

	private FosrNoise statistics(JsonObject n) {
		if (n == null) {
			return null;
		}
		reportUnknown(n, Set.of("no_noise", "deletion", "reemission", "transposition", "addition", "substitution"));
		return new FosrNoise(rate(n, "no_noise"), rate(n, "deletion"), rate(n, "reemission"), rate(n, "transposition"),
				rate(n, "addition"), n.has("substitution") ? rate(n, "substitution") : null);
	}

	private static double rate(JsonObject n, String field) {
		double r = n.number(field);
		if (r < 0 || r > 1) {
			throw new JsonProblem(n.path(field), "rate " + r + " outside [0, 1]");
		}
		return r;
	}

	private FosrMetadata metadata(JsonObject m) {
		if (m == null) {
			return null;
		}
		reportUnknown(m, METADATA_FIELDS);
		return new FosrMetadata(m.optionalString("service"), m.optionalString("conn_state"),
				m.optionalString("input_file"), m.optionalString("creation_time"), m.optionalIntegers("select_dst_ports"),
				m.optionalIntegers("ignore_dst_ports"), m.optionalString("automaton_name"));
	}

	private void reportUnknown(JsonObject o, Set<String> known) {
		o.reportUnknown(known, report);
	}
}
