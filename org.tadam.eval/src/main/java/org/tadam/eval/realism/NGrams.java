package org.tadam.eval.realism;

import java.util.ArrayList;
import java.util.List;

/**
 * Symbol n-grams of one word. The word ends with the project's end marker {@code $} (implicit in
 * word files, explicit in models), so the 2- and 3-grams also say how connections end; symbols are
 * joined by {@value #SEPARATOR}, which no symbol contains.
 */
public final class NGrams {
  public static final String SEPARATOR = " · ";
  public static final String END = "$";

  private NGrams() {
  }

  public static List<String> of(List<String> symbols, int n) {
    List<String> word = new ArrayList<>(symbols.size() + 1);
    word.addAll(symbols);
    word.add(END);
    List<String> grams = new ArrayList<>(Math.max(0, word.size() - n + 1));
    for (int i = 0; i + n <= word.size(); i++) {
      grams.add(String.join(SEPARATOR, word.subList(i, i + n)));
    }
    return grams;
  }
}
