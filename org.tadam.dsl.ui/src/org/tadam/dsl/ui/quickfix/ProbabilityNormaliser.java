package org.tadam.dsl.ui.quickfix;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.text.edits.MalformedTreeException;
import org.eclipse.text.edits.MultiTextEdit;
import org.eclipse.text.edits.ReplaceEdit;
import org.tadam.dsl.conversion.NumberText;
import org.tadam.dsl.ui.editor.ParsedModel;
import org.tadam.model.Edge;
import org.tadam.model.State;
import org.tadam.model.TadamPackage.Literals;
import org.tadam.model.derived.AutomatonGraph;

/**
 * The quick fix of PROBABILITY_SUM: divides the probabilities of a state's outgoing edges by their sum. Values are
 * rounded to 6 decimals and the largest edge takes the rounding remainder, so the new sum is exactly 1.
 */
public final class ProbabilityNormaliser {

	private static final double SCALE = 1e6;

	private ProbabilityNormaliser() {
	}

	/** Normalises the state declared at (or containing) the offset; returns false when there is nothing to do. */
	public static boolean normalise(IDocument document, int offset) throws BadLocationException {
		ParsedModel model = ParsedModel.parse(document.get(), URI.createURI("memory:/quickfix.tadam"));
		State state = model.elementAt(offset, State.class);
		if (state == null) {
			return false;
		}
		MultiTextEdit edit = edits(state);
		if (edit == null) {
			return false;
		}
		try {
			edit.apply(document);
		} catch (MalformedTreeException e) {
			throw new BadLocationException(e.getMessage());
		}
		return true;
	}

	/** The edits of the probability literals of the state's outgoing edges, or null when their sum is not positive. */
	static MultiTextEdit edits(State state) {
		List<Edge> outgoing = new AutomatonGraph((org.tadam.model.Automaton) state.eContainer()).outgoing(state);
		double sum = outgoing.stream().mapToDouble(Edge::getProbability).sum();
		if (outgoing.isEmpty() || !(sum > 0)) {
			return null;
		}
		Edge largest = outgoing.stream().max(Comparator.comparingDouble(Edge::getProbability)).orElseThrow();
		List<double[]> values = new ArrayList<>();
		double others = 0;
		for (Edge edge : outgoing) {
			double value = Math.round(edge.getProbability() / sum * SCALE) / SCALE;
			values.add(new double[] { value });
			if (edge != largest) {
				others += value;
			}
		}
		values.get(outgoing.indexOf(largest))[0] = Math.round((1 - others) * SCALE) / SCALE;
		MultiTextEdit edit = new MultiTextEdit();
		for (int i = 0; i < outgoing.size(); i++) {
			int[] region = ParsedModel.region(outgoing.get(i), Literals.EDGE__PROBABILITY);
			if (region != null) {
				edit.addChild(new ReplaceEdit(region[0], region[1], NumberText.decimal(values.get(i)[0])));
			}
		}
		return edit;
	}
}
