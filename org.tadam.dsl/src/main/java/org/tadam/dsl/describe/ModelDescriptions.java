package org.tadam.dsl.describe;

import java.util.List;
import java.util.Locale;

import org.tadam.dsl.conversion.NumberText;
import org.tadam.model.Automaton;
import org.tadam.model.Edge;
import org.tadam.model.Gaussian;
import org.tadam.model.IatUnit;
import org.tadam.model.Quantisation;
import org.tadam.model.SizeUnit;
import org.tadam.model.State;
import org.tadam.model.derived.AutomatonGraph;
import org.tadam.model.derived.Gaussians;
import org.tadam.model.derived.Symbols;
import org.tadam.model.derived.Units;

/** Plain-language descriptions of states and edges, for hovers, tooltips and reports. */
public final class ModelDescriptions {

	private ModelDescriptions() {
	}

	public static String describe(State state) {
		Automaton automaton = (Automaton) state.eContainer();
		AutomatonGraph graph = new AutomatonGraph(automaton);
		StringBuilder out = new StringBuilder("State '").append(state.getName()).append("'");
		if (state.isInitial()) {
			out.append(", where every connection starts");
		}
		if (state.isEnd()) {
			out.append(", the end of every connection");
		}
		out.append(".\n\n");
		List<Edge> outgoing = graph.outgoing(state);
		if (!outgoing.isEmpty()) {
			out.append("Next:\n");
			for (Edge edge : outgoing) {
				out.append("- ").append(percent(edge.getProbability())).append(": ").append(Symbols.describe(edge.getSymbol()))
						.append(" → '").append(name(edge.getTarget())).append("'\n");
			}
		}
		int entries = graph.incoming(state).size();
		out.append("\nEntered by ").append(entries).append(entries == 1 ? " edge." : " edges.");
		return out.toString();
	}

	public static String describe(Edge edge) {
		StringBuilder out = new StringBuilder();
		out.append("From '").append(name(edge.getSource())).append("' to '").append(name(edge.getTarget())).append("': ")
				.append(Symbols.describe(edge.getSymbol())).append(".\n\n");
		out.append("Taken with probability ").append(NumberText.decimal(edge.getProbability())).append(" (")
				.append(percent(edge.getProbability())).append(" of the connections in '").append(name(edge.getSource()))
				.append("'), seen ").append(edge.getCount()).append(edge.getCount() == 1 ? " time" : " times").append('.');
		Gaussian gaussian = edge.getDistribution();
		if (gaussian != null && gaussian.getMean().size() == 2) {
			Automaton automaton = (Automaton) edge.eContainer();
			Quantisation q = automaton.getQuantisation();
			IatUnit iatUnit = q == null ? IatUnit.DECILOG_MICROS : q.getIat();
			SizeUnit sizeUnit = q == null ? SizeUnit.BYTES : q.getSize();
			double[][] cov = Gaussians.covarianceMatrix(gaussian);
			double iat = gaussian.getMean().get(0);
			double size = gaussian.getMean().get(1);
			double iatSd = cov == null ? 0 : Math.sqrt(Math.max(0, cov[0][0]));
			double sizeSd = cov == null ? 0 : Math.sqrt(Math.max(0, cov[1][1]));
			out.append("\n\nWaits ").append(time(iat, iatUnit));
			if (iatUnit == IatUnit.DECILOG_MICROS && iatSd > 0.05) {
				out.append(" (typically between ").append(time(iat - iatSd, iatUnit)).append(" and ")
						.append(time(iat + iatSd, iatUnit)).append(')');
			} else if (iatSd > 0.05) {
				out.append(" (± ").append(time(iatSd, iatUnit)).append(')');
			}
			out.append(" after the previous packet; carries ").append(bytes(size, sizeUnit));
			if (sizeSd > 0.05) {
				out.append(" (± ").append(sizeUnit == SizeUnit.BYTES ? Math.round(sizeSd) + " bytes" : String.format(Locale.ROOT, "%.1f decilog units", sizeSd)).append(')');
			}
			out.append('.');
			if (cov != null && cov[0][0] > 0 && cov[1][1] > 0) {
				double correlation = cov[0][1] / Math.sqrt(cov[0][0] * cov[1][1]);
				if (Math.abs(correlation) >= 0.3) {
					out.append(correlation > 0 ? " Larger packets come after longer waits" : " Larger packets come after shorter waits")
							.append(String.format(Locale.ROOT, " (correlation %.2f).", correlation));
				}
			}
		}
		return out.toString();
	}

	private static String name(State state) {
		return state == null || state.eIsProxy() ? "?" : state.getName();
	}

	private static String percent(double p) {
		return String.format(Locale.ROOT, "%.1f %%", 100 * p);
	}

	/** A quantised inter-arrival time in words, e.g. 30 decilog-µs → "1 ms". */
	static String time(double value, IatUnit unit) {
		return Units.duration(Units.iatMicros(value, unit), " ");
	}

	private static String bytes(double value, SizeUnit unit) {
		if (unit == SizeUnit.DECILOG_BYTES) {
			return String.format(Locale.ROOT, "about %.0f bytes", Units.sizeBytes(value, unit));
		}
		long rounded = Math.round(value);
		return rounded == 0 ? "no payload" : rounded + (rounded == 1 ? " byte" : " bytes");
	}
}
