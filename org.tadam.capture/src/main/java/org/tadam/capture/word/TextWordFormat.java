package org.tadam.capture.word;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.tadam.model.EndSymbol;
import org.tadam.model.Symbol;
import org.tadam.model.derived.Symbols;

/**
 * The text word format: exactly one line per connection, {@code SERVICE<TAB>LETTER LETTER ...}, each
 * letter {@code SYMBOL (V1,V2)}: the symbol in the one syntax of models and reports
 * ({@code org.tadam.model.derived.Symbols}), then its quantised values in parentheses (default
 * {@code iat,size}), e.g. {@code S> (0,0) SA< (15,0) PA> text "GET" (18,79)}. The end marker {@code $}
 * is implicit and not written (as in the reference implementation's input, whose reader appends it).
 * When reading, blank lines and lines starting with '#' are ignored.
 */
public final class TextWordFormat {
  private TextWordFormat() {
  }

  public static String line(TimedWord w) {
    StringBuilder sb = new StringBuilder(16 + 16 * w.letters().size());
    sb.append(w.service()).append('\t');
    boolean first = true;
    for (Letter l : w.letters()) {
      if (!first) {
        sb.append(' ');
      }
      first = false;
      sb.append(l.symbol()).append(" (");
      int[] v = l.values();
      for (int i = 0; i < v.length; i++) {
        if (i > 0) {
          sb.append(',');
        }
        sb.append(v[i]);
      }
      sb.append(')');
    }
    return sb.toString();
  }

  /** Parses one line (no line terminator). */
  public static TimedWord parse(String line, String source, long lineNumber)
      throws WordFormatException {
    int tab = line.indexOf('\t');
    if (tab <= 0) {
      throw new WordFormatException(source, lineNumber, "expected SERVICE<TAB>letters");
    }
    String service = line.substring(0, tab);
    List<Letter> letters = new ArrayList<>();
    int dims = -1;
    int at = tab + 1;
    while (at < line.length()) {
      int open = valuesStart(line, at);
      int close = open < 0 ? -1 : line.indexOf(')', open);
      if (open <= at || close < 0) {
        throw new WordFormatException(source, lineNumber, "letter at column " + (at + 1)
            + " is not SYMBOL (V1,V2): '" + abbreviate(line.substring(at)) + "'");
      }
      String symbol = symbol(line.substring(at, open), source, lineNumber);
      int[] values = values(line.substring(open + 2, close), source, lineNumber, symbol);
      if (dims >= 0 && dims != values.length) {
        throw new WordFormatException(source, lineNumber,
            "letters with different numbers of values");
      }
      dims = values.length;
      letters.add(new Letter(symbol, values));
      at = close + 1;
      if (at < line.length()) {
        if (line.charAt(at) != ' ' || at + 1 == line.length()) {
          throw new WordFormatException(source, lineNumber, "expected one space between letters at column " + (at + 1));
        }
        at++;
      }
    }
    if (letters.isEmpty()) {
      throw new WordFormatException(source, lineNumber, "a word needs at least one letter");
    }
    return new TimedWord(service, letters, null);
  }

  /** Symbols already checked, to their canonical text: a word file repeats a small alphabet many times. */
  private static final Map<String, String> KNOWN = new ConcurrentHashMap<>();

  /** The canonical text of a letter's symbol (flags put in canonical order), or an error naming the line. */
  private static String symbol(String text, String source, long lineNumber)
      throws WordFormatException {
    String known = KNOWN.get(text);
    if (known != null) {
      return known;
    }
    String canonical;
    try {
      Symbol parsed = Symbols.parse(text);
      if (parsed instanceof EndSymbol) {
        throw new IllegalArgumentException("the end marker $ is implicit and may not be written");
      }
      canonical = Symbols.toText(parsed);
    } catch (IllegalArgumentException e) {
      throw new WordFormatException(source, lineNumber, e.getMessage());
    }
    if (KNOWN.size() < 100_000) {
      KNOWN.put(text, canonical);
    }
    return canonical;
  }

  /** Where the " (" before a letter's values is, skipping a quoted token (which may hold anything). */
  private static int valuesStart(String line, int from) {
    boolean quoted = false;
    for (int i = from; i + 1 < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted && c == '\\') {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == ' ' && line.charAt(i + 1) == '(') {
        return i;
      }
    }
    return -1;
  }

  private static int[] values(String text, String source, long lineNumber, String symbol)
      throws WordFormatException {
    String[] parts = text.split(",", -1);
    int[] values = new int[parts.length];
    try {
      for (int i = 0; i < parts.length; i++) {
        values[i] = Integer.parseInt(parts[i]);
      }
    } catch (NumberFormatException e) {
      throw new WordFormatException(source, lineNumber, "bad value in letter '" + symbol + " (" + text + ")'");
    }
    return values;
  }

  private static String abbreviate(String text) {
    return text.length() <= 30 ? text : text.substring(0, 30) + "...";
  }

  public static void forEach(BufferedReader in, String source, Consumer<TimedWord> sink)
      throws IOException {
    long n = 0;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      n++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      sink.accept(parse(line, source, n));
    }
  }

  /**
   * Reads a word file: this format, or the reference implementation's ({@link ReferenceWordFormat},
   * recognised by its first word), whose words have no service column and get the file's name
   * without extension as their service (e.g. {@code clean_1000}).
   */
  public static List<TimedWord> read(Path file) throws IOException {
    List<TimedWord> words = new ArrayList<>();
    String source = file.toString();
    String stem = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Boolean reference = null;
      long n = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        n++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (reference == null) {
          reference = ReferenceWordFormat.looksLike(line);
        }
        words.add(reference ? ReferenceWordFormat.parse(line, stem, source, n)
            : parse(line, source, n));
      }
    }
    return words;
  }
}
