package org.tadam.fosr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a conversion could not carry over exactly: every approximation, every field the other side has no place
 * for, every spelling that will change on the way back. Lines name the JSON path (or the edge) they concern; the
 * caller prints them. A conversion that loses nothing has an empty report.
 */
public final class ConversionReport {

	/** What a line is about, so that callers and tests can count and filter lines without parsing them. */
	public enum Topic {
		/** Units of the value vector, their plausibility. */
		UNITS,
		/** An inter-arrival-time law approximated by another family. */
		IAT_LAW,
		/** The payload-size law (or the IAT/size correlation) that one side has and the other has not. */
		SIZE_LAW,
		/** Noise rates that have no counterpart. */
		NOISE,
		/** The meaning of edge counts. */
		COUNT,
		/** Metadata, provenance, ports, names. */
		METADATA,
		/** Payload pools: types, duplicates, contents. */
		PAYLOAD,
		/** Symbols whose spelling or payload class changes. */
		SYMBOL,
		/** Values attached to end-of-connection ($) edges. */
		END_EDGE,
		/** State numbering. */
		STATES,
		/** JSON fields this converter does not know. */
		UNKNOWN_FIELD
	}

	/** One line: the JSON path (or edge) it concerns and what happened there. */
	public record Line(Topic topic, String path, String message) {
		@Override
		public String toString() {
			return path + ": " + message;
		}
	}

	private final List<Line> lines = new ArrayList<>();

	public void add(Topic topic, String path, String message) {
		lines.add(new Line(topic, path, message));
	}

	public List<Line> lines() {
		return Collections.unmodifiableList(lines);
	}

	public boolean isEmpty() {
		return lines.isEmpty();
	}

	/** The lines as printed after a file name: {@code model.json: $.edges[2].iat_distr: gamma law …}. */
	public List<String> format(String file) {
		return lines.stream().map(l -> file + ": " + l).toList();
	}

	/** Number of lines per topic, for summaries. */
	public Map<Topic, Integer> countByTopic() {
		Map<Topic, Integer> counts = new EnumMap<>(Topic.class);
		for (Line l : lines) {
			counts.merge(l.topic(), 1, Integer::sum);
		}
		return counts;
	}
}
