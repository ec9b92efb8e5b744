package org.tadam.learner.capture.word;

import org.tadam.learner.capture.flow.PacketSummary;

/**
 * The alphabet: how a packet becomes a symbol (Part B item 2 of the learner specification).
 *
 * <p>TCP: flag letters in the project's canonical order S, F, R, P, A, U, E, C (as in
 * {@code org.tadam.model.derived.Symbols}: {@code SA}, {@code PA}, {@code FA}), then the direction ({@code >}
 * initiator→responder, {@code <} back), then the payload class: nothing for an empty payload,
 * {@code Random}, {@code Replay}, {@code Text} or {@code Text:TOKEN}. UDP: direction + payload
 * class. Examples: {@code S>}, {@code SA<}, {@code PA>Text:GET}, {@code PA<Random}, {@code >Replay}.
 *
 * @param payloadClasses append the payload class (off: flags + direction only)
 * @param textTokens with payload classes, append the first token of text payloads
 */
public record SymbolAbstraction(boolean payloadClasses, boolean textTokens) {
  private static final char[] FLAG_LETTERS = {'S', 'F', 'R', 'P', 'A', 'U', 'E', 'C'};
  private static final int[] FLAG_BITS = {0x02, 0x01, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80};

  /** Flags, direction, payload class and text token. */
  public static SymbolAbstraction standard() {
    return new SymbolAbstraction(true, true);
  }

  /** Flags and direction only. */
  public static SymbolAbstraction flagsOnly() {
    return new SymbolAbstraction(false, false);
  }

  public String symbol(int protocol, PacketSummary p) {
    StringBuilder sb = new StringBuilder(16);
    if (protocol == 6) {
      appendFlags(sb, p.tcpFlags());
    }
    sb.append(p.fromInitiator() ? '>' : '<');
    if (payloadClasses) {
      sb.append(p.payload().symbol(textTokens));
    }
    return sb.toString();
  }

  /** TCP flag letters in the canonical order, e.g. 0x12 → "SA". */
  public static String flags(int tcpFlags) {
    StringBuilder sb = new StringBuilder(8);
    appendFlags(sb, tcpFlags);
    return sb.toString();
  }

  private static void appendFlags(StringBuilder sb, int tcpFlags) {
    for (int i = 0; i < FLAG_BITS.length; i++) {
      if ((tcpFlags & FLAG_BITS[i]) != 0) {
        sb.append(FLAG_LETTERS[i]);
      }
    }
  }
}
