package org.tadam.dsl.export;

import java.util.Locale;

import org.tadam.dsl.conversion.NumberText;
import org.tadam.model.Automaton;
import org.tadam.model.Edge;
import org.tadam.model.Gaussian;
import org.tadam.model.State;
import org.tadam.model.derived.Symbols;

/** Renders an automaton as a Graphviz digraph: states as nodes, edges labelled with symbol, probability and mean. */
public final class DotExporter {

	public String toDot(Automaton automaton) {
		StringBuilder out = new StringBuilder();
		out.append("digraph ").append(quote(automaton.getName())).append(" {\n");
		out.append("  rankdir=LR;\n");
		out.append("  node [shape=circle, fontname=\"Helvetica\"];\n");
		out.append("  edge [fontname=\"Helvetica\", fontsize=10];\n");
		for (State state : automaton.getStates()) {
			out.append("  ").append(quote(state.getName()));
			if (state.isEnd()) {
				out.append(" [shape=doublecircle]");
			} else if (state.isInitial()) {
				out.append(" [style=bold, xlabel=\"start\"]");
			}
			out.append(";\n");
		}
		for (Edge edge : automaton.getEdges()) {
			if (edge.getSource() == null || edge.getTarget() == null) {
				continue;
			}
			out.append("  ").append(quote(edge.getSource().getName())).append(" -> ").append(quote(edge.getTarget().getName()));
			out.append(" [label=").append(quote(label(edge)));
			out.append(", penwidth=").append(String.format(Locale.ROOT, "%.2f", 0.5 + 2.5 * clamp(edge.getProbability())));
			out.append("];\n");
		}
		out.append("}\n");
		return out.toString();
	}

	private static String label(Edge edge) {
		StringBuilder label = new StringBuilder(Symbols.toText(edge.getSymbol()));
		label.append("\\np=").append(NumberText.decimal(round(edge.getProbability(), 4)));
		Gaussian gaussian = edge.getDistribution();
		if (gaussian != null && !gaussian.getMean().isEmpty()) {
			label.append("\\nμ=(");
			for (int i = 0; i < gaussian.getMean().size(); i++) {
				label.append(i == 0 ? "" : ", ").append(NumberText.decimal(round(gaussian.getMean().get(i), 2)));
			}
			label.append(')');
		}
		return label.toString();
	}

	private static double clamp(double p) {
		return Double.isNaN(p) ? 0 : Math.max(0, Math.min(1, p));
	}

	private static double round(double value, int digits) {
		double scale = Math.pow(10, digits);
		return Math.round(value * scale) / scale;
	}

	/** A DOT double-quoted string; quotes and backslashes other than our own \n line breaks are escaped. */
	static String quote(String text) {
		if (text == null) {
			return "\"\"";
		}
		StringBuilder out = new StringBuilder("\"");
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == 'n') {
				out.append("\\n");
				i++;
			} else if (c == '"' || c == '\\') {
				out.append('\\').append(c);
			} else if (c == '\n' || c == '\r') {
				out.append("\\n");
			} else {
				out.append(c);
			}
		}
		return out.append('"').toString();
	}
}
