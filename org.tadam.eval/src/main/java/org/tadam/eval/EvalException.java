package org.tadam.eval;

/** The evaluation could not be done (unreadable capture, nothing in common): one line for people, exit code 2. */
public final class EvalException extends Exception {
  private static final long serialVersionUID = 1L;

  public EvalException(String message) {
    super(message);
  }
}
