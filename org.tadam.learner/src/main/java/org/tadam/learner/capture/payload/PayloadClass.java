package org.tadam.learner.capture.payload;

/** Payload classes of Part B item 2 of the learner specification. */
public enum PayloadClass {
  /** No payload. */
  EMPTY,
  /** Indistinguishable from random bytes (χ² on the half-nibble histogram): encrypted/compressed. */
  RANDOM,
  /** Printable UTF-8 text. */
  TEXT,
  /** Other binary content (structured binary protocols). */
  REPLAY
}
