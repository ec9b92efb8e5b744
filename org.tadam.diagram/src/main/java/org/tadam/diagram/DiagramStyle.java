package org.tadam.diagram;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.tadam.dsl.conversion.NumberText;
import org.tadam.model.Automaton;
import org.tadam.model.Edge;
import org.tadam.model.Gaussian;
import org.tadam.model.IatUnit;
import org.tadam.model.Quantisation;
import org.tadam.model.SizeUnit;
import org.tadam.model.derived.Units;
import org.tadam.model.derived.Symbols;

/**
 * Sizes, texts and colours of the diagram. Text is measured as a monospaced font of {@link #FONT_SIZE} pixels,
 * which is what the SVG asks for, so that layout boxes fit the rendered text without a font engine.
 */
public final class DiagramStyle {

	public static final double FONT_SIZE = 11;
	public static final double CHAR_WIDTH = FONT_SIZE * 0.62;
	public static final double LINE_HEIGHT = FONT_SIZE * 1.3;
	public static final double NODE_PADDING = 12;
	public static final double NODE_HEIGHT = 32;
	public static final double LABEL_PADDING = 3;
	/** Diameter of the dot the initial arrow starts from. */
	public static final double START_DOT = 10;

	private DiagramStyle() {
	}

	public static double textWidth(String text) {
		return text.codePointCount(0, text.length()) * CHAR_WIDTH;
	}

	/** Stroke width grows with probability: certain edges stand out, rare ones recede. */
	public static double strokeWidth(double probability) {
		return 0.75 + 2.75 * clamp(probability);
	}

	/** From light grey-blue (rare) to dark blue (certain). */
	public static String colour(double probability) {
		double p = clamp(probability);
		int r = (int) Math.round(0xa8 + (0x1b - 0xa8) * p);
		int g = (int) Math.round(0xb4 + (0x3a - 0xb4) * p);
		int b = (int) Math.round(0xc2 + (0x6b - 0xc2) * p);
		return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
	}

	/**
	 * The label lines of an edge: its symbol, then probability and count, then a compact view of its distribution
	 * (mean wait and mean size in units people read).
	 */
	public static List<String> edgeLabel(Edge edge) {
		List<String> lines = new ArrayList<>();
		lines.add(Symbols.toText(edge.getSymbol()));
		lines.add("p=" + NumberText.decimal(Math.round(edge.getProbability() * 1000) / 1000.0) + " n=" + edge.getCount());
		String distribution = distribution(edge);
		if (distribution != null) {
			lines.add(distribution);
		}
		return lines;
	}

	private static String distribution(Edge edge) {
		Gaussian gaussian = edge.getDistribution();
		if (gaussian == null || gaussian.getMean().size() != 2) {
			return null;
		}
		Automaton automaton = edge.eContainer() instanceof Automaton a ? a : null;
		Quantisation q = automaton == null ? null : automaton.getQuantisation();
		IatUnit iat = q == null ? IatUnit.DECILOG_MICROS : q.getIat();
		SizeUnit size = q == null ? SizeUnit.BYTES : q.getSize();
		return "Δt≈" + time(gaussian.getMean().get(0), iat) + " " + bytes(gaussian.getMean().get(1), size);
	}

	static String time(double value, IatUnit unit) {
		return Units.duration(Units.iatMicros(value, unit), "");
	}

	static String bytes(double value, SizeUnit unit) {
		return Math.round(Units.sizeBytes(value, unit)) + "B";
	}

	private static double clamp(double p) {
		return Double.isNaN(p) ? 0 : Math.max(0, Math.min(1, p));
	}
}
