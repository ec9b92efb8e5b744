package org.tadam.capture.word;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes timed words in one of the output formats, one line per word. For the reference format
 * it keeps the legend of symbol names ({@link #legendTsv()}), to be written beside the words.
 */
public final class WordOutput {
  /** Output formats of {@code tadam words}. */
  public enum Format {
    /** {@link TextWordFormat}. */
    TEXT,
    /** {@link JsonWordFormat} (JSON Lines). */
    JSON,
    /** {@link ReferenceWordFormat}. */
    REFERENCE;

    /** @throws IllegalArgumentException naming the accepted values */
    public static Format parse(String s) {
      for (Format f : values()) {
        if (f.name().equalsIgnoreCase(s)) {
          return f;
        }
      }
      throw new IllegalArgumentException("unknown format '" + s + "' (expected text, json or "
          + "reference)");
    }
  }

  private final Format format;
  private final Writer out;
  private final ReferenceWordFormat reference;
  private long words;

  /** @param referenceValue for {@link Format#REFERENCE}: index of the value written (0 = iat) */
  public WordOutput(Format format, Writer out, int referenceValue) {
    this.format = format;
    this.out = out;
    this.reference = new ReferenceWordFormat(referenceValue);
  }

  public void write(TimedWord w) throws IOException {
    String line = switch (format) {
      case TEXT -> TextWordFormat.line(w);
      case JSON -> JsonWordFormat.line(w);
      case REFERENCE -> reference.line(w);
    };
    out.write(line);
    out.write('\n');
    words++;
  }

  public long words() {
    return words;
  }

  /** Legend of the reference format's symbol names (header only for other formats). */
  public String legendTsv() {
    return reference.legendTsv();
  }
}
