package org.tadam.fosr.convert;

import java.util.Set;

/** Names that the .tadam grammar accepts as automaton identifiers. */
final class Identifiers {

	/** Keywords of the grammar: an identifier equal to one gets a trailing '_' (Xtext would need a '^' escape). */
	private static final Set<String> KEYWORDS = Set.of("automaton", "protocol", "service", "ports", "outcome",
			"values", "iat", "size", "noise", "missing", "spurious", "duplicated", "swapped", "provenance", "captures",
			"connections", "options", "bits", "model", "data", "date", "state", "initial", "end", "prob", "count", "mean",
			"cov", "payload", "random", "replay", "text", "tcp", "udp", "us", "ms", "bytes", "empty", "variants", "to", "header", "length", "at", "width", "plus", "scenario",
			"import", "seed", "starting", "duration", "rate", "profile", "format", "snaplen", "clients", "servers",
			"subnet", "mac", "ttl", "use", "share", "pcap", "pcapng");

	private Identifiers() {
	}

	/** Letters, digits and '_' (anything else becomes '_'), not starting with a digit, not a keyword. */
	static String identifier(String name) {
		StringBuilder out = new StringBuilder();
		for (char c : name.toCharArray()) {
			out.append(c < 128 && Character.isLetterOrDigit(c) ? c : '_');
		}
		if (out.length() == 0 || Character.isDigit(out.charAt(0))) {
			out.insert(0, "a_");
		}
		String id = out.toString();
		return KEYWORDS.contains(id) ? id + "_" : id;
	}
}
