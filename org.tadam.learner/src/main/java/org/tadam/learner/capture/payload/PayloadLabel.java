package org.tadam.learner.capture.payload;

/**
 * A payload class and, for text, its first token.
 *
 * @param token first token of a text payload (1..10 ASCII letters/digits), or "" when none
 */
public record PayloadLabel(PayloadClass payloadClass, String token) {
  public static final PayloadLabel EMPTY = new PayloadLabel(PayloadClass.EMPTY, "");
  public static final PayloadLabel RANDOM = new PayloadLabel(PayloadClass.RANDOM, "");
  public static final PayloadLabel REPLAY = new PayloadLabel(PayloadClass.REPLAY, "");
  public static final PayloadLabel TEXT = new PayloadLabel(PayloadClass.TEXT, "");

  /** Symbol suffix: "" (empty), "Random", "Replay", "Text" or "Text:TOKEN". */
  public String symbol(boolean withToken) {
    return switch (payloadClass) {
      case EMPTY -> "";
      case RANDOM -> "Random";
      case REPLAY -> "Replay";
      case TEXT -> withToken && !token.isEmpty() ? "Text:" + token : "Text";
    };
  }
}
