package org.tadam.capture.word;

import java.util.Arrays;

/** One letter of a timed word: a symbol and its integer values (default [iat, size]). */
public record Letter(String symbol, int[] values) {

  @Override
  public boolean equals(Object o) {
    return o instanceof Letter l && l.symbol.equals(symbol) && Arrays.equals(l.values, values);
  }

  @Override
  public int hashCode() {
    return symbol.hashCode() * 31 + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(symbol).append(':');
    for (int i = 0; i < values.length; i++) {
      sb.append(i == 0 ? "" : ",").append(values[i]);
    }
    return sb.toString();
  }
}
