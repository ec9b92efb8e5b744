package org.tadam.capture.payload;

import org.tadam.model.PayloadClass;

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

  /** The token a symbol shows: the text token when asked for, else none. */
  public String symbolToken(boolean withToken) {
    return withToken && payloadClass == PayloadClass.TEXT ? token : "";
  }
}
