package org.tadam.fosr.convert;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tadam.fosr.ConversionReport;
import org.tadam.fosr.ConversionReport.Topic;
import org.tadam.model.Automaton;
import org.tadam.model.State;

/**
 * Fos-R states are bare indices. States named {@code s<n>} (as imported ones are) keep their number, so that a
 * Fos-R file comes back with the same numbering; otherwise states are numbered by their position in the model
 * and the report gives the mapping.
 */
final class StateNumbering {

	private static final Pattern NUMBERED = Pattern.compile("s(0|[1-9][0-9]{0,8})");

	private StateNumbering() {
	}

	static Map<State, Integer> numbers(Automaton a, ConversionReport report) {
		Map<State, Integer> numbers = new HashMap<>();
		Set<Integer> used = new HashSet<>();
		for (State s : a.getStates()) {
			Matcher m = NUMBERED.matcher(s.getName() == null ? "" : s.getName());
			if (!m.matches() || !used.add(Integer.parseInt(m.group(1)))) {
				return byPosition(a, report);
			}
			numbers.put(s, Integer.parseInt(m.group(1)));
		}
		return numbers;
	}

	private static Map<State, Integer> byPosition(Automaton a, ConversionReport report) {
		Map<State, Integer> numbers = new HashMap<>();
		StringBuilder mapping = new StringBuilder();
		for (int i = 0; i < a.getStates().size(); i++) {
			State s = a.getStates().get(i);
			numbers.put(s, i);
			if (i < 12) {
				mapping.append(i == 0 ? "" : ", ").append(s.getName()).append('=').append(i);
			} else if (i == 12) {
				mapping.append(", …");
			}
		}
		report.add(Topic.STATES, "$.edges[*].src", "states are not named s0, s1, …: numbered by their position in the "
				+ "model (" + mapping + ")");
		return numbers;
	}
}
