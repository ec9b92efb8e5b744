package org.tadam.diagram;

import java.util.List;
import java.util.Locale;

import org.tadam.diagram.AutomatonDiagram.Label;
import org.tadam.diagram.AutomatonDiagram.Link;
import org.tadam.diagram.AutomatonDiagram.Node;
import org.tadam.diagram.AutomatonDiagram.Point;
import org.tadam.dsl.describe.ModelDescriptions;
import org.tadam.model.derived.Symbols;

/**
 * Writes a laid-out automaton as a standalone SVG 1.1 document: no scripts, no external resources, one group per
 * state ({@code id="state-NAME"}) and per edge ({@code class="edge"}, with {@code data-source}/{@code data-target}),
 * and a {@code <title>} tooltip with the plain-language description of each state and edge.
 */
public final class SvgDiagramWriter {

	public String write(AutomatonDiagram diagram) {
		StringBuilder out = new StringBuilder();
		out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
		out.append(String.format(Locale.ROOT,
				"<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%s\" height=\"%s\" viewBox=\"0 0 %s %s\" font-family=\"monospace\" font-size=\"%s\">\n",
				n(diagram.width()), n(diagram.height()), n(diagram.width()), n(diagram.height()), n(DiagramStyle.FONT_SIZE)));
		out.append("<title>").append(escape("Automaton " + diagram.name())).append("</title>\n");
		out.append("<defs>\n");
		// SVG 1.1 markers cannot take their line's colour (context-stroke is SVG 2): one arrow head per edge colour
		diagram.links().stream().map(Link::colour).distinct().forEach(colour -> out.append(String.format(Locale.ROOT,
				"<marker id=\"arrow-%s\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"%s\"/></marker>\n",
				colour.substring(1), colour)));
		out.append("</defs>\n");
		out.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
		for (Link link : diagram.links()) {
			writeLink(out, link);
		}
		for (Node node : diagram.nodes()) {
			writeNode(out, node);
		}
		out.append("</svg>\n");
		return out.toString();
	}

	private static void writeLink(StringBuilder out, Link link) {
		if (link.edge() == null) {
			out.append("<g class=\"initial-marker\">");
		} else {
			out.append("<g class=\"edge\" data-source=\"").append(escape(link.edge().getSource().getName()))
					.append("\" data-target=\"").append(escape(link.edge().getTarget().getName())).append("\" data-symbol=\"")
					.append(escape(Symbols.toText(link.edge().getSymbol()))).append("\">");
			out.append("<title>").append(escape(ModelDescriptions.describe(link.edge()))).append("</title>");
		}
		out.append("<polyline fill=\"none\" stroke=\"").append(link.colour()).append("\" stroke-width=\"")
				.append(n(link.strokeWidth())).append("\" stroke-linejoin=\"round\" marker-end=\"url(#arrow-")
				.append(link.colour().substring(1)).append(")\" points=\"");
		List<Point> route = link.route();
		for (int i = 0; i < route.size(); i++) {
			out.append(i == 0 ? "" : " ").append(n(route.get(i).x())).append(',').append(n(route.get(i).y()));
		}
		out.append("\"/>");
		Label label = link.label();
		if (label != null) {
			out.append(String.format(Locale.ROOT,
					"<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" rx=\"3\" fill=\"#ffffff\" fill-opacity=\"0.85\"/>",
					n(label.x()), n(label.y()), n(label.width()), n(label.height())));
			for (int i = 0; i < label.lines().size(); i++) {
				double baseline = label.y() + DiagramStyle.LABEL_PADDING + (i + 0.8) * DiagramStyle.LINE_HEIGHT;
				out.append("<text x=\"").append(n(label.x() + DiagramStyle.LABEL_PADDING)).append("\" y=\"").append(n(baseline))
						.append("\" fill=\"").append(i == 0 ? "#1b1f24" : "#57606a").append("\"")
						.append(i == 0 ? " font-weight=\"bold\"" : "").append('>').append(escape(label.lines().get(i))).append("</text>");
			}
		}
		out.append("</g>\n");
	}

	private static void writeNode(StringBuilder out, Node node) {
		if (node.state() == null) {
			double r = node.width() / 2;
			out.append(String.format(Locale.ROOT, "<circle class=\"initial-dot\" cx=\"%s\" cy=\"%s\" r=\"%s\" fill=\"#1b3a6b\"/>\n",
					n(node.x() + r), n(node.y() + node.height() / 2), n(r)));
			return;
		}
		String kind = node.end() ? "state end" : node.initial() ? "state initial" : "state";
		out.append("<g class=\"").append(kind).append("\" id=\"state-").append(escape(node.state().getName())).append("\">");
		out.append("<title>").append(escape(ModelDescriptions.describe(node.state()))).append("</title>");
		String fill = node.initial() ? "#e3f2e1" : node.end() ? "#f6e3e3" : "#f3f6fa";
		String stroke = node.initial() ? "#2e7d32" : node.end() ? "#b23b3b" : "#44546a";
		out.append(String.format(Locale.ROOT,
				"<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" rx=\"10\" fill=\"%s\" stroke=\"%s\" stroke-width=\"%s\"/>",
				n(node.x()), n(node.y()), n(node.width()), n(node.height()), fill, stroke, node.initial() ? "2.5" : "1.5"));
		if (node.end()) {
			// the double border of an accepting state, as in automata textbooks
			out.append(String.format(Locale.ROOT,
					"<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" rx=\"7\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\"/>",
					n(node.x() + 3), n(node.y() + 3), n(node.width() - 6), n(node.height() - 6), stroke));
		}
		out.append("<text x=\"").append(n(node.x() + node.width() / 2)).append("\" y=\"")
				.append(n(node.y() + node.height() / 2 + DiagramStyle.FONT_SIZE * 0.35))
				.append("\" text-anchor=\"middle\" fill=\"#1b1f24\">").append(escape(node.label())).append("</text>");
		out.append("</g>\n");
	}

	/** Coordinates with at most two decimals, never in exponent notation. */
	private static String n(double value) {
		String text = String.format(Locale.ROOT, "%.2f", value);
		text = text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
		return "-0".equals(text) ? "0" : text;
	}

	/** XML text and attribute escaping; control characters other than tab and newline are not allowed in XML 1.0. */
	static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&apos;");
				default -> {
					if (c < 0x20 && c != '\n' && c != '\t') {
						out.append('\uFFFD');
					} else {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}
}
