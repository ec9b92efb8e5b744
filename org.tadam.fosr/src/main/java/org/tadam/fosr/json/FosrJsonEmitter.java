package org.tadam.fosr.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.tadam.fosr.FosrGeneration;
import org.tadam.fosr.json.FosrModel.FosrMetadata;
import org.tadam.fosr.json.FosrModel.FosrNoise;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@link FosrModel} → JSON bytes laid out like Fos-R's own files (Python's {@code json.dump}: fields in the same
 * order, one value per line, 4-space indent in generation 1 and 1-space later), so that a diff against a Fos-R
 * file shows only what changed. Fields the generation does not have are not written.
 */
public final class FosrJsonEmitter {
	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private FosrJsonEmitter() {
	}

	public static byte[] emit(FosrModel model) {
		ObjectNode root = NODES.objectNode();
		ArrayNode edges = root.putArray("edges");
		for (FosrEdge e : model.edges()) {
			edges.add(edge(e, model.generation()));
		}
		if (model.noise() != null) {
			noise(root, model.noise(), model.generation());
		}
		root.put("initial_state", model.initialState());
		root.put("accepting_state", model.acceptingState());
		root.put("protocol", model.protocol());
		if (model.generation() == FosrGeneration.GEN1 && model.l7protocol() != null) {
			root.put("l7protocol", model.l7protocol());
		}
		if (model.metadata() != null) {
			metadata(root.putObject("metadata"), model.metadata(), model.generation());
		}
		return write(root, model.generation() == FosrGeneration.GEN1 ? 4 : 1);
	}

	private static ObjectNode edge(FosrEdge e, FosrGeneration generation) {
		ObjectNode out = NODES.objectNode();
		boolean gen3 = generation == FosrGeneration.GEN3;
		if (!gen3) {
			pool(out.putObject("payloads"), e.pool());
		}
		out.put("p", e.p());
		out.put("count", e.count());
		out.put("src", e.src());
		out.put("dst", e.dst());
		out.put("symbol", e.symbol());
		if (e.law() instanceof FosrLaw.Gaussian g) {
			ArrayNode mu = out.putArray("mu");
			mu.add(g.mu()[0]).add(g.mu()[1]);
			ArrayNode cov = out.putArray("cov");
			cov.addArray().add(g.cov()[0][0]).add(g.cov()[0][1]);
			cov.addArray().add(g.cov()[1][0]).add(g.cov()[1][1]);
		} else if (e.law() instanceof FosrLaw.Constant c) {
			out.putObject("iat_distr").put("law", "constant").put("value", c.value());
		} else if (e.law() instanceof FosrLaw.Gamma g) {
			out.putObject("iat_distr").put("law", "gamma").put("shape", g.shape()).put("loc", g.loc())
					.put("scale", g.scale());
		}
		if (gen3 && !(e.pool() instanceof FosrPool.None)) {
			pool(out.putObject("payloads"), e.pool());
		}
		return out;
	}

	private static void pool(ObjectNode out, FosrPool pool) {
		if (pool instanceof FosrPool.Bytes bytes) {
			if (bytes.encoding().type() != null) {
				out.put("type", bytes.encoding().type());
			}
			ArrayNode content = out.putArray("content");
			for (byte[] b : bytes.content()) {
				content.add(bytes.encoding() == FosrPool.ByteEncoding.HEX_CODES ? HexFormat.of().formatHex(b)
						: Base64.getEncoder().encodeToString(b));
			}
			weights(out, bytes.weights());
		} else if (pool instanceof FosrPool.Texts texts) {
			out.put("type", "Text");
			ArrayNode content = out.putArray("content");
			texts.content().forEach(content::add);
			weights(out, texts.weights());
		} else if (pool instanceof FosrPool.Lengths lengths) {
			out.put("type", "Lengths");
			ArrayNode array = out.putArray("lengths");
			lengths.lengths().forEach(array::add);
			weights(out, lengths.weights());
		} else {
			out.put("type", "NoPayload");
		}
	}

	private static void weights(ObjectNode out, List<Integer> weights) {
		if (weights != null) {
			ArrayNode array = out.putArray("weights");
			weights.forEach(array::add);
		}
	}

	private static void noise(ObjectNode root, FosrNoise n, FosrGeneration generation) {
		boolean gen3 = generation == FosrGeneration.GEN3;
		ObjectNode out = root.putObject(gen3 ? "statistics" : "noise");
		out.put(gen3 ? "no_noise" : "none", n.none());
		out.put("deletion", n.deletion());
		out.put("reemission", n.reemission());
		out.put("transposition", n.transposition());
		out.put("addition", n.addition());
		if (gen3 && n.substitution() != null) {
			out.put("substitution", n.substitution());
		}
	}

	private static void metadata(ObjectNode out, FosrMetadata m, FosrGeneration generation) {
		if (generation == FosrGeneration.GEN1) {
			ArrayNode select = out.putArray("select_dst_ports");
			if (m.selectDstPorts() != null) {
				m.selectDstPorts().forEach(select::add);
			}
			putIfSet(out, "input_file", m.inputFile());
			ArrayNode ignore = out.putArray("ignore_dst_ports");
			if (m.ignoreDstPorts() != null) {
				m.ignoreDstPorts().forEach(ignore::add);
			}
			putIfSet(out, "creation_time", m.creationTime());
			putIfSet(out, "automaton_name", m.automatonName());
		} else {
			putIfSet(out, "service", m.service());
			putIfSet(out, "conn_state", m.connState());
			putIfSet(out, "input_file", m.inputFile());
			putIfSet(out, "creation_time", m.creationTime());
		}
	}

	private static void putIfSet(ObjectNode out, String field, String value) {
		if (value != null) {
			out.put(field, value);
		}
	}

	private static byte[] write(ObjectNode root, int indent) {
		DefaultIndenter indenter = new DefaultIndenter(" ".repeat(indent), "\n");
		Separators separators = Separators.createDefaultInstance()
				.withObjectFieldValueSpacing(Separators.Spacing.AFTER)
				.withObjectEmptySeparator("")
				.withArrayEmptySeparator("");
		DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators).withObjectIndenter(indenter)
				.withArrayIndenter(indenter);
		try {
			String text = MAPPER.writer(printer).writeValueAsString(root);
			return (text + "\n").getBytes(StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
