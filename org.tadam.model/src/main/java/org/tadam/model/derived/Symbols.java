package org.tadam.model.derived;

import org.tadam.model.Direction;
import org.tadam.model.EndSymbol;
import org.tadam.model.PacketSymbol;
import org.tadam.model.PayloadClass;
import org.tadam.model.Symbol;

/** How symbols are written and read by people: {@code S>}, {@code SA<}, {@code PA> text "GET"}, {@code $}. */
public final class Symbols {

	/** TCP flag letters in the canonical order of every symbol: SYN, FIN, RST, PSH, then ACK, URG, ECE, CWR (as in SA, FA, PA, FPA). */
	public static final String FLAG_ORDER = "SFRPAUEC";

	private Symbols() {
	}

	/** True when every letter is a known TCP flag, appears once and the letters follow {@link #FLAG_ORDER}. */
	public static boolean isCanonicalFlags(String flags) {
		if (flags == null) {
			return true;
		}
		int last = -1;
		for (int i = 0; i < flags.length(); i++) {
			int position = FLAG_ORDER.indexOf(flags.charAt(i));
			if (position <= last) {
				return false;
			}
			last = position;
		}
		return true;
	}

	/** The flags in canonical order, or null when a letter is not a TCP flag. */
	public static String canonicalFlags(String flags) {
		if (flags == null) {
			return "";
		}
		StringBuilder out = new StringBuilder();
		for (char c : FLAG_ORDER.toCharArray()) {
			if (flags.indexOf(c) >= 0) {
				out.append(c);
			}
		}
		for (int i = 0; i < flags.length(); i++) {
			if (FLAG_ORDER.indexOf(flags.charAt(i)) < 0) {
				return null;
			}
		}
		return out.toString();
	}

	/** Short text of a symbol, e.g. {@code PA> text "GET"}, {@code SA<}, {@code $}. */
	public static String toText(Symbol symbol) {
		if (symbol == null) {
			return "?";
		}
		if (symbol instanceof EndSymbol) {
			return "$";
		}
		PacketSymbol packet = (PacketSymbol) symbol;
		StringBuilder out = new StringBuilder();
		if (packet.getFlags() != null) {
			out.append(packet.getFlags());
		}
		out.append(packet.getDirection() == Direction.BACKWARD ? '<' : '>');
		if (packet.getPayloadClass() != PayloadClass.EMPTY) {
			out.append(' ').append(packet.getPayloadClass().getLiteral());
			if (packet.getToken() != null) {
				out.append(" \"").append(packet.getToken()).append('"');
			}
		}
		return out.toString();
	}

	/** A sentence saying what a symbol means, for hovers and diagrams. */
	public static String describe(Symbol symbol) {
		if (symbol instanceof EndSymbol || symbol == null) {
			return "the connection ends";
		}
		PacketSymbol packet = (PacketSymbol) symbol;
		StringBuilder out = new StringBuilder();
		out.append(packet.getDirection() == Direction.BACKWARD ? "the responder sends a packet" : "the initiator sends a packet");
		String flags = packet.getFlags();
		if (flags != null && !flags.isEmpty()) {
			out.append(" with TCP flags ");
			for (int i = 0; i < flags.length(); i++) {
				out.append(i == 0 ? "" : "+").append(flagName(flags.charAt(i)));
			}
		}
		switch (packet.getPayloadClass()) {
			case EMPTY -> out.append(" and no payload");
			case RANDOM -> out.append(" carrying random-looking (encrypted or compressed) bytes");
			case REPLAY -> out.append(" carrying binary bytes replayed from a pool");
			case TEXT -> out.append(" carrying text").append(packet.getToken() == null ? "" : " starting with \"" + packet.getToken() + "\"");
		}
		return out.toString();
	}

	private static String flagName(char flag) {
		return switch (flag) {
			case 'S' -> "SYN";
			case 'A' -> "ACK";
			case 'F' -> "FIN";
			case 'R' -> "RST";
			case 'P' -> "PSH";
			case 'U' -> "URG";
			case 'E' -> "ECE";
			case 'C' -> "CWR";
			default -> String.valueOf(flag);
		};
	}
}
