package org.tadam.learner.capture.word;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The text word format: exactly one line per connection,
 * {@code SERVICE<TAB>LETTER LETTER ...}, each letter {@code SYMBOL:V1,V2} (quantised integers,
 * default {@code iat,size}); letters separated by single spaces. The symbol may itself contain
 * ':' ({@code PA>Text:GET:5,120}): the values follow the last ':'. The end marker {@code $} is
 * implicit and not written (as in the reference implementation's input, whose reader appends it).
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
      sb.append(l.symbol()).append(':');
      int[] v = l.values();
      for (int i = 0; i < v.length; i++) {
        if (i > 0) {
          sb.append(',');
        }
        sb.append(v[i]);
      }
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
    String rest = line.substring(tab + 1);
    List<Letter> letters = new ArrayList<>();
    int dims = -1;
    for (String token : rest.split(" ", -1)) {
      int colon = token.lastIndexOf(':');
      if (colon <= 0 || colon == token.length() - 1) {
        throw new WordFormatException(source, lineNumber, "letter '" + token
            + "' is not SYMBOL:V1,V2");
      }
      String[] parts = token.substring(colon + 1).split(",", -1);
      int[] values = new int[parts.length];
      try {
        for (int i = 0; i < parts.length; i++) {
          values[i] = Integer.parseInt(parts[i]);
        }
      } catch (NumberFormatException e) {
        throw new WordFormatException(source, lineNumber, "bad value in letter '" + token + "'");
      }
      if (dims >= 0 && dims != values.length) {
        throw new WordFormatException(source, lineNumber,
            "letters with different numbers of values");
      }
      dims = values.length;
      letters.add(new Letter(token.substring(0, colon), values));
    }
    return new TimedWord(service, letters, null);
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

  public static List<TimedWord> read(Path file) throws IOException {
    List<TimedWord> words = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      forEach(in, file.toString(), words::add);
    }
    return words;
  }
}
