package org.tadam.design;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.tadam.dsl.conversion.NumberText;
import org.tadam.model.Automaton;
import org.tadam.model.Edge;
import org.tadam.model.State;
import org.tadam.model.derived.Symbols;

/**
 * Java services called by the AQL expressions of description/tadam.odesign (Sirius passes the current element as
 * the first argument). Plain Java over the metamodel: they need no Sirius class and are unit-tested without it.
 */
public class TadamServices {

	/** A state's label: its name, with ▶ for the initial state and ■ for the end state (as in `tadam diagram`). */
	public String stateLabel(State state) {
		return (state.isInitial() ? "▶ " : "") + state.getName() + (state.isEnd() ? " ■" : "");
	}

	/** An edge's label: symbol, probability and count, e.g. {@code PA> text "GET"  p=0.9 n=90}. */
	public String edgeLabel(Edge edge) {
		return Symbols.toText(edge.getSymbol()) + "  p=" + probabilityText(edge) + " n=" + edge.getCount();
	}

	/** Line width 1 to 5 by probability: likely paths stand out. */
	public int edgeWidth(Edge edge) {
		double p = Double.isNaN(edge.getProbability()) ? 0 : Math.max(0, Math.min(1, edge.getProbability()));
		return 1 + (int) Math.round(4 * p);
	}

	public String probabilityText(Edge edge) {
		double p = edge.getProbability();
		return Double.isFinite(p) ? NumberText.decimal(p) : String.valueOf(p);
	}

	/** Direct edit of an edge's probability; text that is not a number in [0, 1] leaves the edge unchanged. */
	public Edge setProbability(Edge edge, String text) {
		try {
			double p = Double.parseDouble(text.trim());
			if (p >= 0 && p <= 1) {
				edge.setProbability(p);
			}
		} catch (NumberFormatException e) {
			// not a number: keep the old value, as a text field would
		}
		return edge;
	}

	/** A fresh state name s0, s1, ... not used in the automaton yet. */
	public String newStateName(Automaton automaton) {
		Set<String> used = new HashSet<>();
		automaton.getStates().forEach(s -> used.add(s.getName()));
		int i = automaton.getStates().size();
		while (used.contains("s" + i)) {
			i++;
		}
		return "s" + i;
	}

	/** Deletes a state with every edge entering or leaving it, so that no edge is left dangling. */
	public Automaton deleteWithEdges(State state) {
		Automaton automaton = (Automaton) state.eContainer();
		List<Edge> touching = automaton.getEdges().stream().filter(e -> e.getSource() == state || e.getTarget() == state).toList();
		touching.forEach(EcoreUtil::remove);
		EcoreUtil.remove(state);
		return automaton;
	}
}
