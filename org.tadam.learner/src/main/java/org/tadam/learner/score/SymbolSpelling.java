package org.tadam.learner.score;

import java.nio.charset.StandardCharsets;
import org.tadam.learner.mdl.UniversalCode;
import org.tadam.model.EndSymbol;
import org.tadam.model.PacketSymbol;
import org.tadam.model.Symbol;
import org.tadam.model.derived.Symbols;

/**
 * The code of a symbol outside a model's alphabet, spelled out part by part. The learner's
 * explicit letter code is uniform over the training alphabet, so it cannot name a symbol the
 * training never saw: charging such a letter log2 |Σ| bits made, e.g., an empty UDP datagram
 * under a three-symbol DNS model cheaper than a slow answer. A decodable code must spell the new
 * symbol: its TCP flags (8 bits, TCP only), its direction (1 bit), its payload class (2 bits) and
 * its token if it has one, a text word or binary record types (log* of its length, then 8 bits per
 * UTF-8 byte).
 */
public final class SymbolSpelling {
  private static final double FLAG_BITS = 8;
  private static final double DIRECTION_BITS = 1;
  private static final double CLASS_BITS = 2;
  private static final double BITS_PER_BYTE = 8;

  private SymbolSpelling() {
  }

  /**
   * Bits to spell a symbol written in the one symbol syntax ({@code PA> text "GET"}, {@code > replay}).
   *
   * @param tcp whether the symbol's protocol carries TCP flags
   */
  public static double bits(String symbol, boolean tcp) {
    Symbol parsed;
    try {
      parsed = Symbols.parse(symbol);
    } catch (IllegalArgumentException e) {
      // not a packet symbol at all: its characters, one byte each
      return text(symbol);
    }
    if (parsed instanceof EndSymbol) {
      return DIRECTION_BITS;
    }
    PacketSymbol p = (PacketSymbol) parsed;
    double bits = (tcp ? FLAG_BITS : 0) + DIRECTION_BITS + CLASS_BITS;
    if (p.getToken() != null && !p.getToken().isEmpty()) {
      bits += text(p.getToken());
    }
    return bits;
  }

  private static double text(String s) {
    int bytes = s.getBytes(StandardCharsets.UTF_8).length;
    return UniversalCode.bits(bytes) + BITS_PER_BYTE * bytes;
  }
}
