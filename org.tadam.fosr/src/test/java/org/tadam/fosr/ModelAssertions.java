package org.tadam.fosr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.tadam.model.Automaton;
import org.tadam.model.Edge;
import org.tadam.model.Gaussian;
import org.tadam.model.PayloadModel;
import org.tadam.model.RandomPayload;
import org.tadam.model.ReplayPayload;
import org.tadam.model.State;
import org.tadam.model.TextPayload;
import org.tadam.model.derived.Symbols;

/**
 * Structural comparison of two automata: states, edges in order (ends, symbol, probability, count), value laws
 * (to a relative tolerance), payload pools (exactly, bytes by content), header, noise and provenance. Returns the
 * differences rather than failing at the first, so that a failing test says everything that changed.
 */
final class ModelAssertions {

	private ModelAssertions() {
	}

	static List<String> differences(Automaton a, Automaton b, double tolerance) {
		List<String> out = new ArrayList<>();
		same(out, "name", a.getName(), b.getName());
		same(out, "protocol", a.getProtocol(), b.getProtocol());
		same(out, "service", a.getService(), b.getService());
		same(out, "outcome", a.getOutcome(), b.getOutcome());
		same(out, "ports", List.copyOf(a.getPorts()), List.copyOf(b.getPorts()));
		same(out, "quantisation", a.getQuantisation() == null ? null : a.getQuantisation().getIat() + "/" + a.getQuantisation().getSize(),
				b.getQuantisation() == null ? null : b.getQuantisation().getIat() + "/" + b.getQuantisation().getSize());
		if ((a.getNoise() == null) != (b.getNoise() == null)) {
			out.add("noise: one side has none");
		} else if (a.getNoise() != null) {
			close(out, "noise missing", a.getNoise().getMissing(), b.getNoise().getMissing(), tolerance);
			close(out, "noise spurious", a.getNoise().getSpurious(), b.getNoise().getSpurious(), tolerance);
			close(out, "noise duplicated", a.getNoise().getDuplicated(), b.getNoise().getDuplicated(), tolerance);
			close(out, "noise swapped", a.getNoise().getSwapped(), b.getNoise().getSwapped(), tolerance);
		}
		same(out, "captures", a.getProvenance() == null ? null : List.copyOf(a.getProvenance().getCaptures()),
				b.getProvenance() == null ? null : List.copyOf(b.getProvenance().getCaptures()));
		same(out, "states", a.getStates().stream().map(ModelAssertions::state).toList(),
				b.getStates().stream().map(ModelAssertions::state).toList());
		if (a.getEdges().size() != b.getEdges().size()) {
			out.add("edge count " + a.getEdges().size() + " vs " + b.getEdges().size());
			return out;
		}
		for (int i = 0; i < a.getEdges().size(); i++) {
			edge(out, "edge " + i, a.getEdges().get(i), b.getEdges().get(i), tolerance);
		}
		return out;
	}

	private static String state(State s) {
		return s.getName() + (s.isInitial() ? " initial" : "") + (s.isEnd() ? " end" : "");
	}

	private static void edge(List<String> out, String where, Edge a, Edge b, double tolerance) {
		same(out, where + " source", a.getSource().getName(), b.getSource().getName());
		same(out, where + " target", a.getTarget().getName(), b.getTarget().getName());
		same(out, where + " symbol", Symbols.toText(a.getSymbol()), Symbols.toText(b.getSymbol()));
		close(out, where + " probability", a.getProbability(), b.getProbability(), tolerance);
		same(out, where + " count", a.getCount(), b.getCount());
		Gaussian ga = a.getDistribution();
		Gaussian gb = b.getDistribution();
		if ((ga == null) != (gb == null)) {
			out.add(where + ": distribution on one side only");
		} else if (ga != null) {
			numbers(out, where + " mean", ga.getMean(), gb.getMean(), tolerance);
			numbers(out, where + " covariance", ga.getCovariance(), gb.getCovariance(), tolerance);
		}
		same(out, where + " payload", pool(a.getPayload()), pool(b.getPayload()));
	}

	/** A pool as comparable text: kind and every weighted entry (bytes as their content). */
	static String pool(PayloadModel p) {
		if (p instanceof RandomPayload r) {
			return "random " + r.getLengths().stream().map(w -> w.getWeight() + "*" + w.getLength()).toList();
		}
		if (p instanceof ReplayPayload r) {
			return "replay " + r.getEntries().stream().map(w -> w.getWeight() + "*" + Arrays.toString(w.getData())).toList();
		}
		if (p instanceof TextPayload t) {
			return "text " + t.getEntries().stream().map(w -> w.getWeight() + "*" + w.getText()).toList();
		}
		return "none";
	}

	private static void numbers(List<String> out, String where, List<Double> a, List<Double> b, double tolerance) {
		if (a.size() != b.size()) {
			out.add(where + ": " + a + " vs " + b);
			return;
		}
		for (int i = 0; i < a.size(); i++) {
			close(out, where + "[" + i + "]", a.get(i), b.get(i), tolerance);
		}
	}

	static boolean close(double a, double b, double tolerance) {
		return Math.abs(a - b) <= tolerance * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
	}

	private static void close(List<String> out, String where, double a, double b, double tolerance) {
		if (!close(a, b, tolerance)) {
			out.add(where + ": " + a + " vs " + b);
		}
	}

	private static void same(List<String> out, String where, Object a, Object b) {
		if (!Objects.equals(a, b)) {
			out.add(where + ": " + a + " vs " + b);
		}
	}
}
