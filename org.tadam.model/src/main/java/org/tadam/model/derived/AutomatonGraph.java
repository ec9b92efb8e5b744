package org.tadam.model.derived;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tadam.model.Automaton;
import org.tadam.model.Edge;
import org.tadam.model.State;

/**
 * Values derived from an automaton (outgoing edges, probability sums, reachability). They are computed here
 * and never stored in the model, so a hand edit can never leave them stale.
 */
public final class AutomatonGraph {

	private final Automaton automaton;
	private final Map<State, List<Edge>> outgoing = new IdentityHashMap<>();
	private final Map<State, List<Edge>> incoming = new IdentityHashMap<>();

	public AutomatonGraph(Automaton automaton) {
		this.automaton = automaton;
		for (State state : automaton.getStates()) {
			outgoing.put(state, new ArrayList<>());
			incoming.put(state, new ArrayList<>());
		}
		for (Edge edge : automaton.getEdges()) {
			if (edge.getSource() != null && outgoing.containsKey(edge.getSource())) {
				outgoing.get(edge.getSource()).add(edge);
			}
			if (edge.getTarget() != null && incoming.containsKey(edge.getTarget())) {
				incoming.get(edge.getTarget()).add(edge);
			}
		}
	}

	public List<Edge> outgoing(State state) {
		return Collections.unmodifiableList(outgoing.getOrDefault(state, List.of()));
	}

	public List<Edge> incoming(State state) {
		return Collections.unmodifiableList(incoming.getOrDefault(state, List.of()));
	}

	public double outgoingProbability(State state) {
		double sum = 0;
		for (Edge edge : outgoing(state)) {
			sum += edge.getProbability();
		}
		return sum;
	}

	public List<State> initialStates() {
		return automaton.getStates().stream().filter(State::isInitial).toList();
	}

	public List<State> endStates() {
		return automaton.getStates().stream().filter(State::isEnd).toList();
	}

	/** States reachable from the initial state(s) through edges of non-zero probability, in breadth-first order. */
	public Set<State> reachableFromInitial() {
		return breadthFirst(initialStates(), true);
	}

	/** States from which some end state can be reached through edges of non-zero probability. */
	public Set<State> coReachableToEnd() {
		return breadthFirst(endStates(), false);
	}

	private Set<State> breadthFirst(List<State> roots, boolean forward) {
		Set<State> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		Set<State> order = new LinkedHashSet<>();
		Deque<State> queue = new ArrayDeque<>(roots);
		seen.addAll(roots);
		while (!queue.isEmpty()) {
			State state = queue.removeFirst();
			order.add(state);
			for (Edge edge : forward ? outgoing(state) : incoming(state)) {
				if (edge.getProbability() <= 0) {
					continue;
				}
				State next = forward ? edge.getTarget() : edge.getSource();
				if (next != null && seen.add(next)) {
					queue.addLast(next);
				}
			}
		}
		return order;
	}

	/** Outgoing edges grouped by state, in state order then edge order. */
	public Map<State, List<Edge>> edgesByState() {
		Map<State, List<Edge>> result = new LinkedHashMap<>();
		for (State state : automaton.getStates()) {
			result.put(state, outgoing(state));
		}
		return result;
	}
}
