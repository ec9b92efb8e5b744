package org.tadam.dsl.ui.diagram;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.tadam.diagram.AutomatonDiagram;
import org.tadam.diagram.AutomatonDiagram.Label;
import org.tadam.diagram.AutomatonDiagram.Link;
import org.tadam.diagram.AutomatonDiagram.Node;
import org.tadam.diagram.DiagramStyle;

/** Draws an {@link AutomatonDiagram} with SWT, in the colours and sizes of the SVG. */
final class DiagramPainter {

	void paint(GC gc, AutomatonDiagram diagram, String message) {
		gc.setAntialias(SWT.ON);
		gc.setTextAntialias(SWT.ON);
		Font font = new Font(gc.getDevice(), new FontData("Monospace", (int) Math.round(DiagramStyle.FONT_SIZE * 0.75), SWT.NORMAL));
		try {
			gc.setFont(font);
			if (diagram == null) {
				gc.drawText(message, 10, 10, true);
				return;
			}
			for (Link link : diagram.links()) {
				paintLink(gc, link);
			}
			for (Node node : diagram.nodes()) {
				paintNode(gc, node);
			}
		} finally {
			font.dispose();
		}
	}

	private static void paintLink(GC gc, Link link) {
		Color colour = colour(link.colour());
		gc.setForeground(colour);
		gc.setBackground(colour);
		gc.setLineWidth((int) Math.max(1, Math.round(link.strokeWidth())));
		List<AutomatonDiagram.Point> route = link.route();
		int[] points = new int[route.size() * 2];
		for (int i = 0; i < route.size(); i++) {
			points[2 * i] = (int) Math.round(route.get(i).x());
			points[2 * i + 1] = (int) Math.round(route.get(i).y());
		}
		gc.drawPolyline(points);
		if (route.size() >= 2) {
			AutomatonDiagram.Point tip = route.get(route.size() - 1);
			AutomatonDiagram.Point from = route.get(route.size() - 2);
			double angle = Math.atan2(tip.y() - from.y(), tip.x() - from.x());
			double size = 7;
			gc.fillPolygon(new int[] { (int) tip.x(), (int) tip.y(),
					(int) Math.round(tip.x() - size * Math.cos(angle - 0.45)), (int) Math.round(tip.y() - size * Math.sin(angle - 0.45)),
					(int) Math.round(tip.x() - size * Math.cos(angle + 0.45)), (int) Math.round(tip.y() - size * Math.sin(angle + 0.45)) });
		}
		Label label = link.label();
		if (label != null) {
			gc.setLineWidth(1);
			for (int i = 0; i < label.lines().size(); i++) {
				gc.setForeground(colour(i == 0 ? "#1b1f24" : "#57606a"));
				gc.drawText(label.lines().get(i), (int) Math.round(label.x() + DiagramStyle.LABEL_PADDING),
						(int) Math.round(label.y() + DiagramStyle.LABEL_PADDING + i * DiagramStyle.LINE_HEIGHT), true);
			}
		}
	}

	private static void paintNode(GC gc, Node node) {
		int x = (int) Math.round(node.x());
		int y = (int) Math.round(node.y());
		int w = (int) Math.round(node.width());
		int h = (int) Math.round(node.height());
		if (node.state() == null) {
			gc.setBackground(colour("#1b3a6b"));
			gc.fillOval(x, y, w, h);
			return;
		}
		gc.setBackground(colour(node.initial() ? "#e3f2e1" : node.end() ? "#f6e3e3" : "#f3f6fa"));
		gc.fillRoundRectangle(x, y, w, h, 20, 20);
		gc.setForeground(colour(node.initial() ? "#2e7d32" : node.end() ? "#b23b3b" : "#44546a"));
		gc.setLineWidth(node.initial() ? 3 : 1);
		gc.drawRoundRectangle(x, y, w, h, 20, 20);
		if (node.end()) {
			gc.drawRoundRectangle(x + 3, y + 3, w - 6, h - 6, 14, 14);
		}
		gc.setForeground(colour("#1b1f24"));
		Point extent = gc.textExtent(node.label());
		gc.drawText(node.label(), x + (w - extent.x) / 2, y + (h - extent.y) / 2, true);
	}

	/** System-independent colours; SWT colours made from RGB need no disposal. */
	private static Color colour(String hex) {
		int value = Integer.parseInt(hex.substring(1), 16);
		return new Color(new RGB(value >> 16 & 0xff, value >> 8 & 0xff, value & 0xff));
	}
}
