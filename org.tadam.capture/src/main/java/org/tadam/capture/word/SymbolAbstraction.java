package org.tadam.capture.word;

import org.tadam.capture.flow.PacketSummary;
import org.tadam.model.PayloadClass;
import org.tadam.model.derived.Symbols;

/**
 * The alphabet: how a packet becomes a symbol (Part B item 2 of the learner specification), written in the
 * project's one symbol syntax ({@link Symbols#text}): TCP flag letters in the canonical order S, F, R, P, A,
 * U, E, C, the direction ({@code >} initiator→responder, {@code <} back), then the payload class
 * ({@code random}, {@code replay}, {@code text}, nothing for an empty payload) and its token in quotes: the
 * first word of a text message, the record types of a TLS or SSH key-exchange segment. UDP symbols have no
 * flags. Examples: {@code S>}, {@code SA<}, {@code PA> text "GET"}, {@code PA< random "data"},
 * {@code > replay}.
 *
 * @param payloadClasses append the payload class (off: flags + direction only)
 * @param textTokens with payload classes, append the token of payloads that start a message
 */
public record SymbolAbstraction(boolean payloadClasses, boolean textTokens) {

  /** Flags, direction, payload class and text token. */
  public static SymbolAbstraction standard() {
    return new SymbolAbstraction(true, true);
  }

  /** Flags and direction only. */
  public static SymbolAbstraction flagsOnly() {
    return new SymbolAbstraction(false, false);
  }

  public String symbol(int protocol, PacketSummary p) {
    String flags = protocol == 6 ? Symbols.flagLetters(p.tcpFlags()) : "";
    if (!payloadClasses) {
      return Symbols.text(flags, p.fromInitiator(), PayloadClass.EMPTY, null);
    }
    return Symbols.text(flags, p.fromInitiator(), p.payload().payloadClass(), p.payload().symbolToken(textTokens));
  }
}
