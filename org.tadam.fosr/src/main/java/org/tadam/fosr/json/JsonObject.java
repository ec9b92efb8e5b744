package org.tadam.fosr.json;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.tadam.fosr.ConversionReport;
import org.tadam.fosr.ConversionReport.Topic;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A JSON object together with its path, so that every accessor can say where a field is missing or ill-typed
 * ({@code $.edges[3].p: expected a number}). Typed values come out; JsonNodes stay inside the json package.
 */
final class JsonObject {

	private final JsonNode node;
	private final String path;

	private JsonObject(JsonNode node, String path) {
		this.node = node;
		this.path = path;
	}

	static JsonObject of(JsonNode node, String path) {
		if (node == null || !node.isObject()) {
			throw new JsonProblem(path, "expected an object" + found(node));
		}
		return new JsonObject(node, path);
	}

	String path() {
		return path;
	}

	String path(String field) {
		return path + "." + field;
	}

	boolean has(String field) {
		return node.has(field) && !node.get(field).isNull();
	}

	JsonNode get(String field) {
		return node.get(field);
	}

	private JsonNode required(String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			throw new JsonProblem(path(field), "missing");
		}
		return value;
	}

	double number(String field) {
		return number(required(field), path(field));
	}

	int integer(String field) {
		return integer(required(field), path(field));
	}

	long longInteger(String field) {
		return longInteger(required(field), path(field));
	}

	String string(String field) {
		return string(required(field), path(field));
	}

	String optionalString(String field) {
		return has(field) ? string(field) : null;
	}

	JsonObject object(String field) {
		return of(required(field), path(field));
	}

	JsonObject optionalObject(String field) {
		return has(field) ? object(field) : null;
	}

	/** The elements of an array field; each element's path is {@code field[i]}. */
	List<JsonNode> array(String field) {
		JsonNode value = required(field);
		if (!value.isArray()) {
			throw new JsonProblem(path(field), "expected an array" + found(value));
		}
		List<JsonNode> out = new ArrayList<>(value.size());
		value.forEach(out::add);
		return out;
	}

	List<Integer> optionalIntegers(String field) {
		if (!has(field)) {
			return null;
		}
		List<JsonNode> items = array(field);
		List<Integer> out = new ArrayList<>(items.size());
		for (int i = 0; i < items.size(); i++) {
			out.add(integer(items.get(i), path(field) + "[" + i + "]"));
		}
		return out;
	}

	/** Reports the fields not in {@code known}, in file order: they have no place in the model. */
	void reportUnknown(Set<String> known, ConversionReport report) {
		for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
			String name = names.next();
			if (!known.contains(name)) {
				report.add(Topic.UNKNOWN_FIELD, path(name), "unknown field, not imported");
			}
		}
	}

	static double number(JsonNode value, String path) {
		if (value == null || !value.isNumber()) {
			throw new JsonProblem(path, "expected a number" + found(value));
		}
		double d = value.doubleValue();
		if (!Double.isFinite(d)) {
			throw new JsonProblem(path, "expected a finite number, found " + value.asText());
		}
		return d;
	}

	static long longInteger(JsonNode value, String path) {
		if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
			throw new JsonProblem(path, "expected an integer" + found(value));
		}
		return value.longValue();
	}

	static int integer(JsonNode value, String path) {
		long l = longInteger(value, path);
		if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
			throw new JsonProblem(path, "integer " + l + " is too large");
		}
		return (int) l;
	}

	static String string(JsonNode value, String path) {
		if (value == null || !value.isTextual()) {
			throw new JsonProblem(path, "expected a string" + found(value));
		}
		return value.textValue();
	}

	/** ", found …" describing what was there instead (nothing for a missing value). */
	static String found(JsonNode value) {
		if (value == null || value.isMissingNode()) {
			return "";
		}
		String kind = value.isNull() ? "null"
				: value.isTextual() ? "a string"
				: value.isNumber() ? "the number " + value.asText()
				: value.isBoolean() ? value.asText()
				: value.isArray() ? "an array" : value.isObject() ? "an object" : value.getNodeType().toString();
		return ", found " + kind;
	}
}
