package org.tadam.capture.payload;

import org.tadam.model.PayloadClass;

/**
 * A payload class and its token: for text, its first word (a verb, command, status or reply code); for binary
 * records (TLS, SSH key exchange), the types of the records it starts.
 *
 * @param token the token, or "" when none
 */
public record PayloadLabel(PayloadClass payloadClass, String token) {
  public static final PayloadLabel EMPTY = new PayloadLabel(PayloadClass.EMPTY, "");
  public static final PayloadLabel RANDOM = new PayloadLabel(PayloadClass.RANDOM, "");
  public static final PayloadLabel REPLAY = new PayloadLabel(PayloadClass.REPLAY, "");
  public static final PayloadLabel TEXT = new PayloadLabel(PayloadClass.TEXT, "");

  /** The token a symbol shows: the token when asked for, else none. */
  public String symbolToken(boolean withToken) {
    return withToken ? token : "";
  }
}
