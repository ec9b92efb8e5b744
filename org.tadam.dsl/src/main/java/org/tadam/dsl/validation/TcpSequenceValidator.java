package org.tadam.dsl.validation;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.CheckType;
import org.tadam.model.Automaton;
import org.tadam.model.Direction;
import org.tadam.model.Edge;
import org.tadam.model.L4Protocol;
import org.tadam.model.PacketSymbol;
import org.tadam.model.PayloadClass;
import org.tadam.model.TadamPackage.Literals;
import org.tadam.model.derived.AutomatonGraph;
import org.tadam.model.derived.Symbols;

/**
 * Warns about TCP edges that can only produce a sequence no stack emits: a packet after a RST, or payload, FIN or
 * SYN from a side after its own FIN, when that holds on every path from the initial state into the edge's
 * source. The facts are a must-analysis over the edges of positive probability (a greatest fixpoint), so a warning
 * is certain: every walk through such an edge is repaired by the generator. Composed into {@link TadamValidator}.
 */
// org.tadam.model.State is written in full: the inherited AbstractDeclarativeValidator.State would shadow an import.
public class TcpSequenceValidator extends ComposedValidator {

	private static final int CLIENT_FIN = 1;
	private static final int SERVER_FIN = 2;
	private static final int RESET = 4;
	private static final int ALL = CLIENT_FIN | SERVER_FIN | RESET;
	private static final int FIN_BIT = 0x01;
	private static final int SYN_BIT = 0x02;
	private static final int RST_BIT = 0x04;

	@Check(CheckType.FAST)
	public void checkImpossibleSequences(Automaton automaton) {
		if (automaton.getProtocol() == L4Protocol.UDP) {
			return;
		}
		AutomatonGraph graph = new AutomatonGraph(automaton);
		List<org.tadam.model.State> initial = graph.initialStates();
		boolean linked = automaton.getEdges().stream().allMatch(e -> e.getSource() != null && !e.getSource().eIsProxy()
				&& e.getTarget() != null && !e.getTarget().eIsProxy());
		if (initial.size() != 1 || !linked) {
			return; // the structural errors say enough
		}
		Map<org.tadam.model.State, Integer> facts = mustFacts(graph, initial.get(0));
		for (Edge edge : automaton.getEdges()) {
			Integer known = facts.get(edge.getSource());
			if (known == null || !(edge.getProbability() > 0) || !(edge.getSymbol() instanceof PacketSymbol symbol)) {
				continue;
			}
			String source = edge.getSource().getName();
			if ((known & RESET) != 0) {
				warning("Edge " + TadamValidator.label(edge) + " can only follow a RST (every path into '" + source
						+ "' resets the connection): no stack sends after a reset", edge, Literals.EDGE__SYMBOL,
						IssueCodes.IMPOSSIBLE_TCP_SEQUENCE);
				continue;
			}
			boolean client = symbol.getDirection() != Direction.BACKWARD;
			int flags = Symbols.flagBits(symbol.getFlags());
			boolean sends = hasPayload(symbol) || (flags & (FIN_BIT | SYN_BIT)) != 0;
			if (sends && (known & (client ? CLIENT_FIN : SERVER_FIN)) != 0) {
				String side = client ? "client" : "server";
				warning("Edge " + TadamValidator.label(edge) + " sends " + (hasPayload(symbol) ? "payload" : "a FIN or SYN")
						+ " from the " + side + " after the " + side + "'s FIN on every path into '" + source
						+ "': no stack sends it", edge, Literals.EDGE__SYMBOL, IssueCodes.IMPOSSIBLE_TCP_SEQUENCE);
			}
		}
	}

	private static boolean hasPayload(PacketSymbol symbol) {
		return symbol.getPayloadClass() != null && symbol.getPayloadClass() != PayloadClass.EMPTY;
	}

	/** What every path from the initial state into a state has done; absent for unreachable states. */
	private static Map<org.tadam.model.State, Integer> mustFacts(AutomatonGraph graph, org.tadam.model.State initial) {
		Map<org.tadam.model.State, Integer> facts = new IdentityHashMap<>();
		facts.put(initial, 0);
		Deque<org.tadam.model.State> work = new ArrayDeque<>();
		work.add(initial);
		while (!work.isEmpty()) {
			org.tadam.model.State state = work.poll();
			int known = facts.get(state);
			for (Edge edge : graph.outgoing(state)) {
				if (!(edge.getProbability() > 0)) {
					continue;
				}
				int after = known | effect(edge);
				Integer before = facts.get(edge.getTarget());
				// facts only shrink from "everything" (not yet reached) by intersection: this terminates
				int merged = (before == null ? ALL : before) & after;
				if (before == null || merged != before) {
					facts.put(edge.getTarget(), merged);
					work.add(edge.getTarget());
				}
			}
		}
		return facts;
	}

	private static int effect(Edge edge) {
		if (!(edge.getSymbol() instanceof PacketSymbol symbol)) {
			return 0;
		}
		int flags = Symbols.flagBits(symbol.getFlags());
		int effect = (flags & RST_BIT) != 0 ? RESET : 0;
		if ((flags & FIN_BIT) != 0) {
			effect |= symbol.getDirection() == Direction.BACKWARD ? SERVER_FIN : CLIENT_FIN;
		}
		return effect;
	}
}
