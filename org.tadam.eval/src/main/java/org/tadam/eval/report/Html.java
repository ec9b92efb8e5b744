package org.tadam.eval.report;

/** A string builder for HTML that escapes text and passes markup. */
final class Html {
  private final StringBuilder sb = new StringBuilder(1 << 16);

  Html raw(String markup) {
    sb.append(markup);
    return this;
  }

  Html text(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        default -> sb.append(c);
      }
    }
    return this;
  }

  @Override
  public String toString() {
    return sb.toString();
  }
}
