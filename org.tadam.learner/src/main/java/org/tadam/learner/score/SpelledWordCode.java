package org.tadam.learner.score;

import java.util.List;
import org.tadam.learner.mdl.UniversalCode;

/**
 * The code of a word that no model covers: every letter spelled out ({@link SymbolSpelling}), its
 * values with log*, and one bit per letter saying whether another letter follows. It is what a
 * model with an empty alphabet would charge, so it stays comparable, in bits per letter, with the
 * codes of words that a model explains: a connection of a protocol or service that no training
 * connection had gets a finite score, and a high one, instead of a sentinel that ties.
 */
public final class SpelledWordCode {
  private SpelledWordCode() {
  }

  /** Bits of the word given without its end letter; the end letter costs its stop bit. */
  public static double bits(List<String> symbols, List<int[]> values, boolean tcp) {
    double bits = 1;
    for (int i = 0; i < symbols.size(); i++) {
      bits += 1 + SymbolSpelling.bits(symbols.get(i), tcp);
      for (int v : values.get(i)) {
        bits += UniversalCode.bits(v);
      }
    }
    return bits;
  }
}
