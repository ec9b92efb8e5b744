package org.tadam.capture.word;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes words in the input format of the TADAM reference implementation (its default
 * {@code parse_string}, regex {@code ([A-Za-z0-9]+):(\d+)}): one word per line, tokens
 * {@code NAME:VALUE} separated by single spaces, one value per letter, {@code $} implicit, no
 * service column. Symbols become alphanumeric names as in {@code tadam-bench}: {@code >} → f,
 * {@code <} → b, other non-alphanumerics dropped ({@code SA<} → {@code SAb},
 * {@code PA>Text:GET} → {@code PAfTextGET}). The legend (name → symbol) is kept so it can be
 * written beside the words. Negative values cannot be expressed and are written as 0.
 *
 * <p>Reading ({@link #parse}) inverts the naming for flag symbols, so that both implementations
 * learn byte-identical inputs ({@code ../shared/data/tadam-bench}): {@code SAb} → {@code SA<},
 * {@code PAfrandom} → {@code PA> random}, {@code PAftextGET} → {@code PA> text "GET"}.
 */
public final class ReferenceWordFormat {
  private static final Pattern TOKEN = Pattern.compile("([A-Za-z0-9]+):(\\d+)");
  private static final Pattern NAME = Pattern.compile("([SAFRPUEC]+)([fb])(random|replay|text|empty)?(\\w*)");

  /** Whether a line looks like the reference format (tokens {@code NAME:VALUE}, no service column). */
  public static boolean looksLike(String line) {
    return line.indexOf('\t') < 0 && !line.isBlank()
        && line.trim().split(" ")[0].matches("[A-Za-z0-9]+:\\d+");
  }

  /** Reads one line as a word of {@code service}, one value per letter. */
  public static TimedWord parse(String line, String service, String source, long lineNumber)
      throws WordFormatException {
    List<String> symbols = new ArrayList<>();
    List<int[]> values = new ArrayList<>();
    for (String token : line.trim().split(" +")) {
      Matcher m = TOKEN.matcher(token);
      if (!m.matches()) {
        throw new WordFormatException(source, lineNumber, "expected NAME:VALUE, not '" + token + "'");
      }
      symbols.add(symbol(m.group(1), source, lineNumber));
      try {
        values.add(new int[] {Integer.parseInt(m.group(2))});
      } catch (NumberFormatException e) {
        throw new WordFormatException(source, lineNumber, "value out of range in '" + token + "'");
      }
    }
    return TimedWord.of(service, symbols, values);
  }

  private static String symbol(String name, String source, long lineNumber)
      throws WordFormatException {
    Matcher m = NAME.matcher(name);
    if (!m.matches() || m.group(3) == null && !m.group(4).isEmpty()) {
      throw new WordFormatException(source, lineNumber, "'" + name
          + "' is not a flag symbol (flags from SAFRPUEC, then f or b, then an optional payload class)");
    }
    String s = m.group(1) + (m.group(2).equals("f") ? ">" : "<");
    if (m.group(3) == null || m.group(3).equals("empty")) {
      return s;
    }
    return s + " " + m.group(3) + (m.group(4).isEmpty() ? "" : " \"" + m.group(4) + "\"");
  }

  private final int valueIndex;
  private final Map<String, String> nameToSymbol = new LinkedHashMap<>();
  private final Map<String, String> symbolToName = new LinkedHashMap<>();

  /** @param valueIndex which value each token carries (0 = iat, 1 = size) */
  public ReferenceWordFormat(int valueIndex) {
    this.valueIndex = valueIndex;
  }

  public String line(TimedWord w) {
    StringBuilder sb = new StringBuilder(8 * w.letters().size());
    for (Letter l : w.letters()) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      int v = valueIndex < l.values().length ? l.values()[valueIndex] : 0;
      sb.append(name(l.symbol())).append(':').append(Math.max(0, v));
    }
    return sb.toString();
  }

  /** The alphanumeric name of a symbol (stable for this writer; recorded in the legend). */
  public String name(String symbol) {
    String known = symbolToName.get(symbol);
    if (known != null) {
      return known;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < symbol.length(); i++) {
      char ch = symbol.charAt(i);
      if (ch == '>') {
        sb.append('f');
      } else if (ch == '<') {
        sb.append('b');
      } else if (ch < 128 && Character.isLetterOrDigit(ch)) {
        sb.append(ch);
      }
    }
    String base = sb.length() == 0 ? "x" : sb.toString();
    String name = base;
    for (int k = 2; nameToSymbol.containsKey(name); k++) {
      name = base + "x" + k;
    }
    nameToSymbol.put(name, symbol);
    symbolToName.put(symbol, name);
    return name;
  }

  /** Name → symbol, in order of first use. */
  public Map<String, String> legend() {
    return Collections.unmodifiableMap(nameToSymbol);
  }

  /** The legend as TSV text ("name TAB symbol" lines under a header). */
  public String legendTsv() {
    StringBuilder sb = new StringBuilder("name\tsymbol\n");
    nameToSymbol.forEach((n, s) -> sb.append(n).append('\t').append(s).append('\n'));
    return sb.toString();
  }
}
