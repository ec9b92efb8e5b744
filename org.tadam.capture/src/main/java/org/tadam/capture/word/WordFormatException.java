package org.tadam.capture.word;

import java.io.IOException;

/** A line of a word file that does not follow the text word format. */
public final class WordFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  public WordFormatException(String source, long line, String problem) {
    super(source + ":" + line + ": " + problem);
  }
}
