package org.tadam.fosr;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Differences between two JSON documents, field order ignored, numbers compared to a relative tolerance. */
final class JsonAssertions {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private JsonAssertions() {
	}

	static JsonNode tree(byte[] json) {
		try {
			return MAPPER.readTree(json);
		} catch (java.io.IOException e) {
			throw new AssertionError("not JSON: " + e.getMessage(), e);
		}
	}

	static List<String> differences(JsonNode a, JsonNode b, double tolerance) {
		List<String> out = new ArrayList<>();
		compare("$", a, b, tolerance, out);
		return out;
	}

	private static void compare(String path, JsonNode a, JsonNode b, double tolerance, List<String> out) {
		if (a.isNumber() && b.isNumber()) {
			if (a.isIntegralNumber() != b.isIntegralNumber()
					|| !ModelAssertions.close(a.doubleValue(), b.doubleValue(), tolerance)) {
				out.add(path + ": " + a + " vs " + b);
			}
		} else if (a.isObject() && b.isObject()) {
			TreeSet<String> names = new TreeSet<>();
			a.fieldNames().forEachRemaining(names::add);
			b.fieldNames().forEachRemaining(names::add);
			for (String name : names) {
				if (!a.has(name) || !b.has(name)) {
					out.add(path + "." + name + ": only in the " + (a.has(name) ? "first" : "second"));
				} else {
					compare(path + "." + name, a.get(name), b.get(name), tolerance, out);
				}
			}
		} else if (a.isArray() && b.isArray() && a.size() == b.size()) {
			Iterator<JsonNode> ia = a.elements();
			Iterator<JsonNode> ib = b.elements();
			for (int i = 0; ia.hasNext(); i++) {
				compare(path + "[" + i + "]", ia.next(), ib.next(), tolerance, out);
			}
		} else if (!a.equals(b)) {
			out.add(path + ": " + abbreviate(a) + " vs " + abbreviate(b));
		}
	}

	/**
	 * The differences that no report line explains: a difference is explained when a line's path is the
	 * difference's path or one of its parents. This is "nothing silently dropped" as a checkable property.
	 */
	static List<String> unexplained(List<String> differences, List<ConversionReport.Line> lines) {
		return differences.stream().filter(d -> lines.stream().noneMatch(l -> explains(l.path(), d))).toList();
	}

	private static boolean explains(String path, String difference) {
		return difference.startsWith(path + ":") || difference.startsWith(path + ".") || difference.startsWith(path + "[");
	}

	private static String abbreviate(JsonNode n) {
		String s = n.toString();
		return s.length() > 60 ? s.substring(0, 60) + "…" : s;
	}
}
