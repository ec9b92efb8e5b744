package org.tadam.learner.export;

import java.util.List;
import org.tadam.capture.flow.ConnState;
import org.tadam.capture.word.TimedWord;

/**
 * The outcome a model records when most of its training connections agree on it: "SF" (both sides closed
 * normally) when more than {@link #SHARE} of them did. The generator then never ends a walk of such a model with a
 * side still open: a state shared by "after a request" and "after the close" would otherwise let it end there.
 *
 * <p>Why most and not all: the connections a capture leaves open are mostly cut by its start or end, not sessions
 * that never close. Learned from 15 public SMTP connections (12 closed, 1 each S1, S3, SH), a model without the
 * outcome ended 115 of 293 generated connections with both sides open (S1) and closed 72; with it they close as
 * the protocol does, and a walk that sends a reset still ends with it.
 */
final class Outcome {
  /** Share of normally closed connections above which a model's outcome is SF. */
  static final double SHARE = 0.5;

  private Outcome() {
  }

  /** "SF", or null when the samples do not all say how they ended or too few closed normally. */
  static String of(List<TimedWord> samples) {
    if (samples.isEmpty()) {
      return null;
    }
    long closed = 0;
    for (TimedWord w : samples) {
      if (w.connection() == null || w.connection().protocol() != 6) {
        return null;
      }
      closed += w.connection().state() == ConnState.SF ? 1 : 0;
    }
    return closed > SHARE * samples.size() ? ConnState.SF.name() : null;
  }
}
