package org.tadam.diagram;

import java.util.List;

import org.tadam.model.Edge;
import org.tadam.model.State;

/**
 * A laid-out automaton: absolute coordinates (origin top left, y down) of every state box, edge route and edge
 * label. It is what the SVG writer and the Eclipse view draw, so both show the same picture.
 */
public record AutomatonDiagram(String name, double width, double height, List<Node> nodes, List<Link> links) {

	/** A state's box; {@code state} is the model element it shows. */
	public record Node(State state, String label, double x, double y, double width, double height, boolean initial, boolean end) {

		public boolean contains(double px, double py) {
			return px >= x && px <= x + width && py >= y && py <= y + height;
		}
	}

	/**
	 * An edge's route (start point, bend points, end point) and label. {@code edge} is null for the arrow that marks
	 * the initial state, which starts at a dot and has no label.
	 */
	public record Link(Edge edge, List<Point> route, Label label, double strokeWidth, String colour) {
	}

	/** A label box with one text line per entry; {@code x, y} is its top left corner. */
	public record Label(double x, double y, double width, double height, List<String> lines) {
	}

	public record Point(double x, double y) {
	}

	/** The node showing the given state, if any. */
	public Node nodeOf(State state) {
		return nodes.stream().filter(n -> n.state() == state).findFirst().orElse(null);
	}

	/** The node under a point, for clicks in a view. */
	public Node nodeAt(double x, double y) {
		return nodes.stream().filter(n -> n.state() != null && n.contains(x, y)).findFirst().orElse(null);
	}
}
