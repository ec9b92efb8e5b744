package org.tadam.model.derived;

import org.tadam.model.Direction;
import org.tadam.model.EndSymbol;
import org.tadam.model.PacketSymbol;
import org.tadam.model.PayloadClass;
import org.tadam.model.Symbol;
import org.tadam.model.TadamFactory;

/**
 * The one text form of a packet symbol, used in word files, models and reports: TCP flags in canonical order,
 * the direction, then the payload class and its token, e.g. {@code S>}, {@code SA<}, {@code PA> text "GET"},
 * {@code > replay}, and {@code $} for the end of a connection. Also the one TCP flag table of the project.
 */
public final class Symbols {

	/** TCP flag letters in the canonical order of every symbol: SYN, FIN, RST, PSH, then ACK, URG, ECE, CWR (as in SA, FA, PA, FPA). */
	public static final String FLAG_ORDER = "SFRPAUEC";
	/** The TCP header bit of each letter of {@link #FLAG_ORDER}, in the same order. */
	private static final int[] FLAG_BITS = { 0x02, 0x01, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80 };

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

	/** TCP header flag bits of letters such as {@code SA} (any order; unknown letters are ignored). */
	public static int flagBits(String letters) {
		int bits = 0;
		for (int i = 0; letters != null && i < letters.length(); i++) {
			int position = FLAG_ORDER.indexOf(letters.charAt(i));
			if (position >= 0) {
				bits |= FLAG_BITS[position];
			}
		}
		return bits;
	}

	/** The flag letters of TCP header bits, in canonical order, e.g. 0x12 gives {@code SA}. */
	public static String flagLetters(int bits) {
		StringBuilder out = new StringBuilder(8);
		for (int i = 0; i < FLAG_BITS.length; i++) {
			if ((bits & FLAG_BITS[i]) != 0) {
				out.append(FLAG_ORDER.charAt(i));
			}
		}
		return out.toString();
	}

	/**
	 * The text of a packet symbol from its parts: {@code flags} (canonical, may be empty), the direction, the
	 * payload class and its token (null or empty: none).
	 */
	public static String text(String flags, boolean forward, PayloadClass payloadClass, String token) {
		StringBuilder out = new StringBuilder(16);
		if (flags != null) {
			out.append(flags);
		}
		out.append(forward ? '>' : '<');
		if (payloadClass != PayloadClass.EMPTY) {
			out.append(' ').append(payloadClass.getLiteral());
			if (token != null && !token.isEmpty()) {
				out.append(" \"");
				for (int i = 0; i < token.length(); i++) {
					char c = token.charAt(i);
					if (c == '"' || c == '\\') {
						out.append('\\');
					}
					out.append(c);
				}
				out.append('"');
			}
		}
		return out.toString();
	}

	/**
	 * Reads the text form of a symbol (inverse of {@link #toText}); flags may come in any order and are put in
	 * canonical order.
	 *
	 * @throws IllegalArgumentException naming what is wrong
	 */
	public static Symbol parse(String text) {
		if ("$".equals(text)) {
			return TadamFactory.eINSTANCE.createEndSymbol();
		}
		int dir = 0;
		while (dir < text.length() && text.charAt(dir) != '>' && text.charAt(dir) != '<') {
			dir++;
		}
		if (dir == text.length()) {
			throw new IllegalArgumentException("symbol '" + text + "' has no direction (> or <)");
		}
		String flags = canonicalFlags(text.substring(0, dir));
		if (flags == null) {
			throw new IllegalArgumentException("symbol '" + text + "' has unknown TCP flags");
		}
		PacketSymbol symbol = TadamFactory.eINSTANCE.createPacketSymbol();
		if (!flags.isEmpty()) {
			symbol.setFlags(flags);
		}
		symbol.setDirection(text.charAt(dir) == '<' ? Direction.BACKWARD : Direction.FORWARD);
		String rest = text.substring(dir + 1);
		symbol.setPayloadClass(PayloadClass.EMPTY);
		if (rest.isEmpty()) {
			return symbol;
		}
		int space = rest.indexOf(' ', 1);
		String name = space < 0 ? rest.substring(1) : rest.substring(1, space);
		PayloadClass payloadClass = PayloadClass.get(name);
		if (rest.charAt(0) != ' ' || payloadClass == null || payloadClass == PayloadClass.EMPTY) {
			throw new IllegalArgumentException("symbol '" + text + "' has an unknown payload class (random, replay or text)");
		}
		symbol.setPayloadClass(payloadClass);
		if (space >= 0) {
			String quoted = rest.substring(space + 1);
			if (quoted.length() < 2 || quoted.charAt(0) != '"'
					|| quoted.charAt(quoted.length() - 1) != '"') {
				throw new IllegalArgumentException("symbol '" + text + "': a token is written in double quotes");
			}
			StringBuilder token = new StringBuilder();
			for (int i = 1; i < quoted.length() - 1; i++) {
				char c = quoted.charAt(i);
				if (c == '\\' && i + 1 < quoted.length() - 1) {
					c = quoted.charAt(++i);
				} else if (c == '"' || c == '\\') {
					throw new IllegalArgumentException("symbol '" + text + "': unescaped " + c + " in the token");
				}
				token.append(c);
			}
			symbol.setToken(token.toString());
		}
		return symbol;
	}

	/** The canonical text of a symbol's text (flags reordered), or the text itself when it is not a symbol. */
	public static String canonicalText(String text) {
		try {
			return toText(parse(text));
		} catch (IllegalArgumentException e) {
			return text;
		}
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
		return text(packet.getFlags(), packet.getDirection() != Direction.BACKWARD, packet.getPayloadClass(), packet.getToken());
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
			case RANDOM -> out.append(" carrying random-looking (encrypted or compressed) bytes").append(records(packet));
			case REPLAY -> out.append(" carrying binary bytes replayed from a pool").append(records(packet));
			case TEXT -> out.append(" carrying text").append(packet.getToken() == null ? "" : " starting with \"" + packet.getToken() + "\"");
		}
		return out.toString();
	}

	private static String records(PacketSymbol packet) {
		return packet.getToken() == null || packet.getToken().isEmpty() ? "" : " in records " + packet.getToken();
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
