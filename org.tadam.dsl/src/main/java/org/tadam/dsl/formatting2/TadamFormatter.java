package org.tadam.dsl.formatting2;

import org.eclipse.xtext.formatting2.AbstractJavaFormatter;
import org.eclipse.xtext.formatting2.IFormattableDocument;
import org.eclipse.xtext.formatting2.IHiddenRegionFormatter;
import org.eclipse.xtext.formatting2.regionaccess.ISemanticRegion;
import org.eclipse.xtext.formatting2.regionaccess.ISemanticRegionsFinder;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.tadam.model.AddressPlan;
import org.tadam.model.Automaton;
import org.tadam.model.AutomatonUse;
import org.tadam.model.Edge;
import org.tadam.model.Gaussian;
import org.tadam.model.PacketSymbol;
import org.tadam.model.PayloadModel;
import org.tadam.model.Provenance;
import org.tadam.model.RandomPayload;
import org.tadam.model.ReplayPayload;
import org.tadam.model.Scenario;
import org.tadam.model.ScenarioImport;
import org.tadam.model.State;
import org.tadam.model.TadamPackage.Literals;
import org.tadam.model.TextPayload;

/**
 * The canonical layout of .tadam files: header lines, a blank line, one state per line, a blank line, one edge
 * per line, payload pools on indented continuation lines. Every hidden region gets a defined layout, so
 * formatting is idempotent and independent of the input's whitespace; comments are kept.
 */
public class TadamFormatter extends AbstractJavaFormatter {

	protected void format(Automaton automaton, IFormattableDocument doc) {
		ISemanticRegionsFinder find = formatRoot(automaton, "automaton", doc);
		for (String keyword : new String[] { "protocol", "service", "outcome", "variants", "lengths", "letters", "first" }) {
			doc.prepend(find.keyword(keyword), IHiddenRegionFormatter::newLine);
		}
		for (ISemanticRegion comma : find.keywords(",")) {
			doc.prepend(comma, IHiddenRegionFormatter::noSpace);
		}
		if (automaton.getQuantisation() != null) {
			doc.prepend(regionFor(automaton.getQuantisation()).keyword("values"), IHiddenRegionFormatter::newLine);
		}
		if (automaton.getNoise() != null) {
			doc.prepend(regionFor(automaton.getNoise()).keyword("noise"), IHiddenRegionFormatter::newLine);
		}
		if (automaton.getProvenance() != null) {
			format(automaton.getProvenance(), doc);
		}
		boolean firstState = true;
		for (State state : automaton.getStates()) {
			boolean blankLine = firstState;
			doc.prepend(regionFor(state).keyword("state"), f -> f.setNewLines(blankLine ? 2 : 1));
			firstState = false;
		}
		boolean firstEdge = true;
		for (Edge edge : automaton.getEdges()) {
			boolean blankLine = firstEdge;
			doc.prepend(regionFor(edge).feature(Literals.EDGE__SOURCE), f -> f.setNewLines(blankLine ? 2 : 1));
			format(edge, doc);
			firstEdge = false;
		}
	}

	/** Scenarios: one setting per line, address plans as indented blocks, a blank line before the first use. */
	protected void format(Scenario scenario, IFormattableDocument doc) {
		ISemanticRegionsFinder find = formatRoot(scenario, "scenario", doc);
		for (ScenarioImport anImport : scenario.getImports()) {
			doc.prepend(regionFor(anImport).keyword("import"), IHiddenRegionFormatter::newLine);
		}
		for (String keyword : new String[] { "seed", "starting", "connections", "duration", "rate", "format", "snaplen",
				"clients", "servers" }) {
			doc.prepend(find.keyword(keyword), IHiddenRegionFormatter::newLine);
		}
		formatTuples(scenario, doc);
		for (AddressPlan plan : new AddressPlan[] { scenario.getClients(), scenario.getServers() }) {
			if (plan != null) {
				format(plan, doc);
			}
		}
		boolean firstUse = true;
		for (AutomatonUse use : scenario.getUses()) {
			boolean blankLine = firstUse;
			doc.prepend(regionFor(use).keyword("use"), f -> f.setNewLines(blankLine ? 2 : 1));
			for (ISemanticRegion comma : regionFor(use).keywords(",")) {
				doc.prepend(comma, IHiddenRegionFormatter::noSpace);
			}
			firstUse = false;
		}
	}

	protected void format(AddressPlan plan, IFormattableDocument doc) {
		ISemanticRegionsFinder find = regionFor(plan);
		ISemanticRegion open = find.keyword("{");
		ISemanticRegion close = find.keyword("}");
		doc.interior(open, close, IHiddenRegionFormatter::indent);
		doc.prepend(close, IHiddenRegionFormatter::newLine);
		for (String keyword : new String[] { "subnet", "mac", "ttl" }) {
			for (ISemanticRegion region : find.keywords(keyword)) {
				doc.prepend(region, IHiddenRegionFormatter::newLine);
			}
		}
	}

	protected void format(Provenance provenance, IFormattableDocument doc) {
		ISemanticRegionsFinder find = regionFor(provenance);
		doc.prepend(find.keyword("provenance"), IHiddenRegionFormatter::newLine);
		ISemanticRegion open = find.keyword("{");
		ISemanticRegion close = find.keyword("}");
		doc.interior(open, close, IHiddenRegionFormatter::indent);
		doc.prepend(close, IHiddenRegionFormatter::newLine);
		for (String keyword : new String[] { "captures", "connections", "options", "bits", "date" }) {
			doc.prepend(find.keyword(keyword), IHiddenRegionFormatter::newLine);
		}
		doc.surround(find.keyword("parsed"), IHiddenRegionFormatter::oneSpace);
		for (ISemanticRegion comma : find.keywords(",")) {
			doc.prepend(comma, IHiddenRegionFormatter::noSpace);
		}
	}

	protected void format(Edge edge, IFormattableDocument doc) {
		for (ISemanticRegion comma : regionFor(edge).keywords(",")) {
			doc.prepend(comma, IHiddenRegionFormatter::noSpace);
		}
		if (edge.getSymbol() instanceof PacketSymbol symbol) {
			doc.append(regionFor(symbol).feature(Literals.PACKET_SYMBOL__FLAGS), IHiddenRegionFormatter::noSpace);
		}
		if (edge.getDistribution() != null) {
			format(edge.getDistribution(), doc);
		}
		if (edge.getPayload() != null) {
			format(edge.getPayload(), doc);
		}
	}

	protected void format(Gaussian gaussian, IFormattableDocument doc) {
		formatTuples(gaussian, doc);
	}

	protected void format(PayloadModel payload, IFormattableDocument doc) {
		ISemanticRegionsFinder find = regionFor(payload);
		ISemanticRegion keyword = find.keyword("payload");
		ISemanticRegion open = find.keyword("{");
		ISemanticRegion close = find.keyword("}");
		doc.prepend(keyword, IHiddenRegionFormatter::newLine);
		// the whole pool is a continuation of the edge's line: indent it one level below the edge
		doc.set(keyword.getPreviousHiddenRegion(), close.getNextHiddenRegion(), IHiddenRegionFormatter::indent);
		for (ISemanticRegion comma : find.keywords(",")) {
			doc.prepend(comma, IHiddenRegionFormatter::noSpace);
		}
		// lengths stay on one line unless they list variants, which would run them together
		if (payload instanceof RandomPayload random && random.getLengths().stream().allMatch(l -> l.getVariants().isEmpty())) {
			return;
		}
		doc.interior(open, close, IHiddenRegionFormatter::indent);
		doc.prepend(close, IHiddenRegionFormatter::newLine);
		if (payload instanceof RandomPayload random) {
			random.getLengths().forEach(length -> formatEntry(length, Literals.WEIGHTED_LENGTH__WEIGHT, doc));
		} else if (payload instanceof ReplayPayload replay) {
			replay.getEntries().forEach(entry -> formatEntry(entry, Literals.WEIGHTED_BYTES__WEIGHT, doc));
		} else if (payload instanceof TextPayload text) {
			text.getEntries().forEach(entry -> formatEntry(entry, Literals.WEIGHTED_TEXT__WEIGHT, doc));
		}
	}

	/** One pool entry per line: {@code 3 * "..." variants 0 to 4, 9}. */
	private void formatEntry(EObject entry, EStructuralFeature weight, IFormattableDocument doc) {
		ISemanticRegionsFinder find = regionFor(entry);
		doc.prepend(find.feature(weight), IHiddenRegionFormatter::newLine);
		for (ISemanticRegion comma : find.keywords(",")) {
			doc.prepend(comma, IHiddenRegionFormatter::noSpace);
		}
	}

	/** {@code (a, b, c)}: no space inside the parentheses nor before commas. */
	private void formatTuples(EObject object, IFormattableDocument doc) {
		ISemanticRegionsFinder find = regionFor(object);
		for (ISemanticRegion open : find.keywords("(")) {
			doc.append(open, IHiddenRegionFormatter::noSpace);
		}
		for (ISemanticRegion close : find.keywords(")")) {
			doc.prepend(close, IHiddenRegionFormatter::noSpace);
		}
		for (ISemanticRegion comma : find.keywords(",")) {
			doc.prepend(comma, IHiddenRegionFormatter::noSpace);
		}
	}

	/**
	 * The layout every file root shares: single spaces by default (every hidden region gets a defined layout, so
	 * the result does not depend on the input's whitespace), the keyword at the start of the file or right after
	 * leading comments, and an indented block between its braces. Returns the root's region finder.
	 */
	private ISemanticRegionsFinder formatRoot(EObject root, String keyword, IFormattableDocument doc) {
		for (ISemanticRegion region : textRegionExtensions.allSemanticRegions(root)) {
			doc.prepend(region, f -> {
				f.oneSpace();
				f.lowPriority();
			});
		}
		ISemanticRegionsFinder find = regionFor(root);
		ISemanticRegion first = find.keyword(keyword);
		if (first.getPreviousHiddenRegion().containsComment()) {
			doc.prepend(first, IHiddenRegionFormatter::newLine);
		} else {
			doc.prepend(first, IHiddenRegionFormatter::noSpace);
		}
		ISemanticRegion open = find.keyword("{");
		ISemanticRegion close = find.keyword("}");
		doc.interior(open, close, IHiddenRegionFormatter::indent);
		doc.append(close, IHiddenRegionFormatter::newLine);
		doc.prepend(close, IHiddenRegionFormatter::newLine);
		return find;
	}
}
