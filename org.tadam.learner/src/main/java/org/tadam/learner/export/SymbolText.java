package org.tadam.learner.export;

import org.tadam.model.Direction;
import org.tadam.model.EndSymbol;
import org.tadam.model.PacketSymbol;
import org.tadam.model.PayloadClass;
import org.tadam.model.Symbol;
import org.tadam.model.TadamFactory;
import org.tadam.model.derived.Symbols;

/**
 * Between the symbols of timed words ({@code FLAGS} + direction + payload class, e.g.
 * {@code PA>Text:GET}, {@code >Random}, {@code $}) and the metamodel's symbols. Flags are put in
 * the canonical order of {@link Symbols#FLAG_ORDER} whatever order the word used.
 */
public final class SymbolText {
  private SymbolText() {
  }

  /** The model symbol of a word symbol; throws when the text is not a packet symbol. */
  public static Symbol toModel(String text) {
    if ("$".equals(text)) {
      return TadamFactory.eINSTANCE.createEndSymbol();
    }
    int dir = firstDirection(text);
    if (dir < 0) {
      throw new IllegalArgumentException("symbol '" + text + "' has no direction (> or <)");
    }
    String flags = Symbols.canonicalFlags(text.substring(0, dir));
    if (flags == null) {
      throw new IllegalArgumentException("symbol '" + text + "' has unknown TCP flags");
    }
    PacketSymbol s = TadamFactory.eINSTANCE.createPacketSymbol();
    if (!flags.isEmpty()) {
      s.setFlags(flags);
    }
    s.setDirection(text.charAt(dir) == '<' ? Direction.BACKWARD : Direction.FORWARD);
    String payload = text.substring(dir + 1);
    if (payload.isEmpty()) {
      s.setPayloadClass(PayloadClass.EMPTY);
    } else if (payload.equals("Random")) {
      s.setPayloadClass(PayloadClass.RANDOM);
    } else if (payload.equals("Replay")) {
      s.setPayloadClass(PayloadClass.REPLAY);
    } else if (payload.equals("Text")) {
      s.setPayloadClass(PayloadClass.TEXT);
    } else if (payload.startsWith("Text:")) {
      s.setPayloadClass(PayloadClass.TEXT);
      s.setToken(payload.substring(5));
    } else {
      throw new IllegalArgumentException("symbol '" + text + "' has an unknown payload class");
    }
    return s;
  }

  /** The word symbol of a model symbol (inverse of {@link #toModel}). */
  public static String toWord(Symbol symbol) {
    if (symbol instanceof EndSymbol) {
      return "$";
    }
    PacketSymbol p = (PacketSymbol) symbol;
    StringBuilder sb = new StringBuilder();
    if (p.getFlags() != null) {
      sb.append(Symbols.canonicalFlags(p.getFlags()));
    }
    sb.append(p.getDirection() == Direction.BACKWARD ? '<' : '>');
    switch (p.getPayloadClass()) {
      case EMPTY -> {
      }
      case RANDOM -> sb.append("Random");
      case REPLAY -> sb.append("Replay");
      case TEXT -> sb.append(p.getToken() == null ? "Text" : "Text:" + p.getToken());
    }
    return sb.toString();
  }

  /** A word symbol with its flags in canonical order (unchanged when it is not a packet symbol). */
  public static String canonical(String text) {
    int dir = firstDirection(text);
    if (dir <= 0) {
      return text;
    }
    String flags = Symbols.canonicalFlags(text.substring(0, dir));
    return flags == null ? text : flags + text.substring(dir);
  }

  private static int firstDirection(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '>' || c == '<') {
        return i;
      }
    }
    return -1;
  }
}
