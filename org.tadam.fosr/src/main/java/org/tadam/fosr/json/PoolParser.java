package org.tadam.fosr.json;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.tadam.fosr.ConversionReport;
import org.tadam.fosr.json.FosrPool.ByteEncoding;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads an edge's {@code payloads} object: typed (generations 1–2) or untyped base64 (generation 3). */
final class PoolParser {

	private final ConversionReport report;

	PoolParser(ConversionReport report) {
		this.report = report;
	}

	FosrPool parse(JsonObject pool, boolean generation3) {
		if (!pool.has("type")) {
			if (!generation3) {
				pool.string("type"); // throws "missing": generations 1–2 always type their pools
			}
			pool.reportUnknown(Set.of("content", "weights"), report);
			List<byte[]> content = byteStrings(pool, ByteEncoding.UNTYPED);
			return new FosrPool.Bytes(ByteEncoding.UNTYPED, content, weights(pool, content.size()));
		}
		String type = pool.string("type");
		switch (type) {
			case "NoPayload" -> {
				pool.reportUnknown(Set.of("type"), report);
				return new FosrPool.None();
			}
			case "HexCodes", "Base64" -> {
				pool.reportUnknown(Set.of("type", "content", "weights"), report);
				ByteEncoding encoding = type.equals("HexCodes") ? ByteEncoding.HEX_CODES : ByteEncoding.BASE64;
				List<byte[]> content = byteStrings(pool, encoding);
				return new FosrPool.Bytes(encoding, content, weights(pool, content.size()));
			}
			case "Text" -> {
				pool.reportUnknown(Set.of("type", "content", "weights"), report);
				List<JsonNode> items = pool.array("content");
				List<String> content = new ArrayList<>(items.size());
				for (int i = 0; i < items.size(); i++) {
					content.add(JsonObject.string(items.get(i), pool.path("content") + "[" + i + "]"));
				}
				return new FosrPool.Texts(content, weights(pool, content.size()));
			}
			case "Lengths" -> {
				pool.reportUnknown(Set.of("type", "lengths", "weights"), report);
				List<JsonNode> items = pool.array("lengths");
				List<Integer> lengths = new ArrayList<>(items.size());
				for (int i = 0; i < items.size(); i++) {
					lengths.add(nonNegative(items.get(i), pool.path("lengths") + "[" + i + "]", "length"));
				}
				return new FosrPool.Lengths(lengths, weights(pool, lengths.size()));
			}
			default -> throw new JsonProblem(pool.path("type"),
					"unknown payload type '" + type + "' (expected NoPayload, HexCodes, Base64, Text or Lengths)");
		}
	}

	private static List<byte[]> byteStrings(JsonObject pool, ByteEncoding encoding) {
		List<JsonNode> items = pool.array("content");
		List<byte[]> out = new ArrayList<>(items.size());
		for (int i = 0; i < items.size(); i++) {
			String path = pool.path("content") + "[" + i + "]";
			String text = JsonObject.string(items.get(i), path);
			try {
				out.add(encoding == ByteEncoding.HEX_CODES ? HexFormat.of().parseHex(text) : Base64.getDecoder().decode(text));
			} catch (IllegalArgumentException e) {
				throw new JsonProblem(path, (encoding == ByteEncoding.HEX_CODES ? "not hexadecimal" : "not base64") + ": "
						+ e.getMessage());
			}
		}
		return out;
	}

	/** The optional {@code weights}, one non-negative integer per entry; null when absent. */
	private static List<Integer> weights(JsonObject pool, int entries) {
		if (!pool.has("weights")) {
			return null;
		}
		List<JsonNode> items = pool.array("weights");
		if (items.size() != entries) {
			throw new JsonProblem(pool.path("weights"), items.size() + " weights for " + entries + " entries");
		}
		List<Integer> out = new ArrayList<>(items.size());
		for (int i = 0; i < items.size(); i++) {
			out.add(nonNegative(items.get(i), pool.path("weights") + "[" + i + "]", "weight"));
		}
		return out;
	}

	private static int nonNegative(JsonNode node, String path, String what) {
		int value = JsonObject.integer(node, path);
		if (value < 0) {
			throw new JsonProblem(path, "negative " + what + " " + value);
		}
		return value;
	}
}
