package org.tadam.fosr.convert;

import org.tadam.fosr.FosrGeneration;
import org.tadam.fosr.json.JsonProblem;
import org.tadam.model.Direction;
import org.tadam.model.EndSymbol;
import org.tadam.model.L4Protocol;
import org.tadam.model.PacketSymbol;
import org.tadam.model.PayloadClass;
import org.tadam.model.Symbol;
import org.tadam.model.TadamFactory;
import org.tadam.model.derived.Symbols;

/**
 * Fos-R symbol text ↔ model symbols: {@code PA_>_Text:GET} is flags "PA", forward, text, token "GET";
 * {@code >_Replay} a UDP replay; {@code $} the end of the connection. Flags are read in any order and held in
 * TADAM's canonical order ({@link Symbols#FLAG_ORDER}); they are written back in the order Fos-R's learners
 * write them, as seen in their files, so that a Fos-R file survives a round trip unchanged.
 */
final class SymbolCodec {

	/** Flag order of generation-1 files (learn_automaton.py): A, AP, AS, AF, APF. */
	static final String GEN1_FLAG_ORDER = "APSFRUEC";
	/** Flag order of generation-2/3 files (learn_stage3.py): A, AP, SA, FA, RA, FAP. */
	static final String LATER_FLAG_ORDER = "FSRAPUEC";

	private SymbolCodec() {
	}

	static Symbol parse(String text, L4Protocol protocol, String path) {
		TadamFactory f = TadamFactory.eINSTANCE;
		if (text.equals("$")) {
			return f.createEndSymbol();
		}
		int first = text.indexOf('_');
		if (first < 0) {
			throw malformed(text, path);
		}
		String head = text.substring(0, first);
		String flags;
		char direction;
		String payloadClass;
		if (head.equals(">") || head.equals("<")) {
			flags = "";
			direction = head.charAt(0);
			payloadClass = text.substring(first + 1);
		} else {
			String rest = text.substring(first + 1);
			if (rest.length() < 2 || (rest.charAt(0) != '>' && rest.charAt(0) != '<') || rest.charAt(1) != '_') {
				throw malformed(text, path);
			}
			flags = head;
			direction = rest.charAt(0);
			payloadClass = rest.substring(2);
		}
		PacketSymbol symbol = f.createPacketSymbol();
		if (!flags.isEmpty()) {
			if (protocol == L4Protocol.UDP) {
				throw new JsonProblem(path, "UDP symbol '" + text + "' carries TCP flags '" + flags + "'");
			}
			symbol.setFlags(canonical(flags, text, path));
		}
		symbol.setDirection(direction == '<' ? Direction.BACKWARD : Direction.FORWARD);
		if (payloadClass.startsWith("Text:")) {
			symbol.setPayloadClass(PayloadClass.TEXT);
			symbol.setToken(payloadClass.substring("Text:".length()));
		} else {
			symbol.setPayloadClass(switch (payloadClass) {
				case "Empty" -> PayloadClass.EMPTY;
				case "Random" -> PayloadClass.RANDOM;
				// generation 3 knows only Empty and Binary; its binary pools are replayed verbatim
				case "Replay", "Binary" -> PayloadClass.REPLAY;
				case "Text" -> PayloadClass.TEXT;
				default -> throw new JsonProblem(path, "unknown payload class '" + payloadClass + "' in symbol '" + text
						+ "' (expected Empty, Random, Replay, Binary, Text or Text:TOKEN)");
			});
		}
		return symbol;
	}

	private static String canonical(String flags, String text, String path) {
		String canonical = Symbols.canonicalFlags(flags);
		if (canonical == null) {
			throw new JsonProblem(path, "unknown TCP flag in symbol '" + text + "' (expected the letters S F R P A U E C)");
		}
		if (canonical.length() != flags.length()) {
			throw new JsonProblem(path, "a TCP flag appears twice in symbol '" + text + "'");
		}
		return canonical;
	}

	private static JsonProblem malformed(String text, String path) {
		return new JsonProblem(path, "malformed symbol '" + text + "' (expected FLAGS_>_Class, >_Class or $)");
	}

	/** The symbol as a Fos-R file of this generation spells it. */
	static String format(Symbol symbol, L4Protocol protocol, FosrGeneration generation) {
		if (symbol instanceof EndSymbol) {
			return "$";
		}
		PacketSymbol packet = (PacketSymbol) symbol;
		StringBuilder out = new StringBuilder();
		if (protocol != L4Protocol.UDP) {
			String order = generation == FosrGeneration.GEN1 ? GEN1_FLAG_ORDER : LATER_FLAG_ORDER;
			String flags = packet.getFlags() == null ? "" : packet.getFlags();
			for (char c : order.toCharArray()) {
				if (flags.indexOf(c) >= 0) {
					out.append(c);
				}
			}
			out.append('_');
		}
		out.append(packet.getDirection() == Direction.BACKWARD ? '<' : '>').append('_');
		out.append(switch (packet.getPayloadClass()) {
			case EMPTY -> "Empty";
			case RANDOM -> "Random";
			case REPLAY -> "Replay";
			case TEXT -> packet.getToken() == null ? "Text" : "Text:" + packet.getToken();
		});
		return out.toString();
	}
}
