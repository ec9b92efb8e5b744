package org.tadam.diagram;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.elk.alg.layered.LayeredLayoutProvider;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.OrderingStrategy;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;
import org.tadam.diagram.AutomatonDiagram.Label;
import org.tadam.diagram.AutomatonDiagram.Link;
import org.tadam.diagram.AutomatonDiagram.Node;
import org.tadam.diagram.AutomatonDiagram.Point;
import org.tadam.model.Automaton;
import org.tadam.model.Edge;
import org.tadam.model.State;

/**
 * Lays an automaton out left to right with ELK Layered: states in layers along the usual path of a connection,
 * orthogonal edge routes (ELK routes self-loops around their node and keeps parallel edges apart), edge labels
 * placed by ELK so that they never overlap.
 */
public final class AutomatonLayout {

	static {
		// the service registers ElkReflect's copiers of option values (ElkPadding...), without which ELK cannot copy
		// properties; outside Eclipse nobody else creates it
		LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
	}

	/** Lays out the states and those edges whose both ends resolve; the automaton is not changed. */
	public AutomatonDiagram layout(Automaton automaton) {
		ElkNode root = ElkGraphUtil.createGraph();
		root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
		root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
		root.setProperty(CoreOptions.PADDING, new ElkPadding(20));
		root.setProperty(CoreOptions.SPACING_NODE_NODE, 30.0);
		root.setProperty(CoreOptions.SPACING_EDGE_EDGE, 12.0);
		root.setProperty(CoreOptions.SPACING_EDGE_LABEL, 4.0);
		root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 40.0);
		root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 16.0);
		// keep the file's order where the layout allows it: the picture reads like the text
		root.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_STRATEGY, OrderingStrategy.NODES_AND_EDGES);

		Map<State, ElkNode> nodes = new IdentityHashMap<>();
		for (State state : automaton.getStates()) {
			ElkNode node = ElkGraphUtil.createNode(root);
			node.setIdentifier(state.getName());
			node.setDimensions(DiagramStyle.textWidth(label(state)) + 2 * DiagramStyle.NODE_PADDING, DiagramStyle.NODE_HEIGHT);
			nodes.put(state, node);
		}
		Map<ElkEdge, Edge> edges = new IdentityHashMap<>();
		List<ElkEdge> order = new ArrayList<>();
		for (Edge edge : automaton.getEdges()) {
			ElkNode source = nodes.get(edge.getSource());
			ElkNode target = nodes.get(edge.getTarget());
			if (source == null || target == null) {
				continue;
			}
			ElkEdge elkEdge = ElkGraphUtil.createSimpleEdge(source, target);
			List<String> lines = DiagramStyle.edgeLabel(edge);
			ElkLabel label = ElkGraphUtil.createLabel(String.join("\n", lines), elkEdge);
			label.setDimensions(lines.stream().mapToDouble(DiagramStyle::textWidth).max().orElse(0) + 2 * DiagramStyle.LABEL_PADDING,
					lines.size() * DiagramStyle.LINE_HEIGHT + 2 * DiagramStyle.LABEL_PADDING);
			edges.put(elkEdge, edge);
			order.add(elkEdge);
		}
		// the initial marker is a real node of the layout, so ELK keeps space for it in front of the initial state
		List<ElkEdge> startArrows = new ArrayList<>();
		List<ElkNode> startDots = new ArrayList<>();
		for (State state : automaton.getStates()) {
			if (state.isInitial()) {
				ElkNode dot = ElkGraphUtil.createNode(root);
				dot.setDimensions(DiagramStyle.START_DOT, DiagramStyle.START_DOT);
				startDots.add(dot);
				startArrows.add(ElkGraphUtil.createSimpleEdge(dot, nodes.get(state)));
			}
		}

		new LayeredLayoutProvider().layout(root, new BasicProgressMonitor());

		List<Node> diagramNodes = new ArrayList<>();
		for (State state : automaton.getStates()) {
			ElkNode node = nodes.get(state);
			diagramNodes.add(new Node(state, label(state), node.getX(), node.getY(), node.getWidth(), node.getHeight(),
					state.isInitial(), state.isEnd()));
		}
		for (ElkNode dot : startDots) {
			diagramNodes.add(new Node(null, "", dot.getX(), dot.getY(), dot.getWidth(), dot.getHeight(), false, false));
		}
		List<Link> links = new ArrayList<>();
		for (ElkEdge arrow : startArrows) {
			links.add(new Link(null, route(arrow), null, 1.5, DiagramStyle.colour(1)));
		}
		for (ElkEdge elkEdge : order) {
			Edge edge = edges.get(elkEdge);
			ElkLabel elkLabel = elkEdge.getLabels().get(0);
			Point offset = offset(elkEdge.getContainingNode());
			Label label = new Label(offset.x() + elkLabel.getX(), offset.y() + elkLabel.getY(), elkLabel.getWidth(),
					elkLabel.getHeight(), List.of(elkLabel.getText().split("\n")));
			links.add(new Link(edge, route(elkEdge), label, DiagramStyle.strokeWidth(edge.getProbability()),
					DiagramStyle.colour(edge.getProbability())));
		}
		return new AutomatonDiagram(automaton.getName(), root.getWidth(), root.getHeight(), diagramNodes, links);
	}

	/** A state's box text: its name, with ▶ for the initial state and ■ for the end state. */
	static String label(State state) {
		return (state.isInitial() ? "▶ " : "") + state.getName() + (state.isEnd() ? " ■" : "");
	}

	private static List<Point> route(ElkEdge edge) {
		Point offset = offset(edge.getContainingNode());
		List<Point> points = new ArrayList<>();
		for (ElkEdgeSection section : edge.getSections()) {
			points.add(new Point(offset.x() + section.getStartX(), offset.y() + section.getStartY()));
			for (ElkBendPoint bend : section.getBendPoints()) {
				points.add(new Point(offset.x() + bend.getX(), offset.y() + bend.getY()));
			}
			points.add(new Point(offset.x() + section.getEndX(), offset.y() + section.getEndY()));
		}
		return points;
	}

	/** Absolute position of a node's coordinate system (edge coordinates are relative to the edge's container). */
	private static Point offset(ElkNode container) {
		double x = 0;
		double y = 0;
		for (ElkNode node = container; node != null && node.getParent() != null; node = node.getParent()) {
			x += node.getX();
			y += node.getY();
		}
		return new Point(x, y);
	}
}
