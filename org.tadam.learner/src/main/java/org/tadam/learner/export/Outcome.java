package org.tadam.learner.export;

import java.util.List;
import org.tadam.capture.flow.ConnState;
import org.tadam.capture.word.TimedWord;

/**
 * The outcome a model records when its training connections agree on one: "SF" (both sides closed normally) when
 * at least {@link #SHARE} of them did. The generator then never ends a walk of such a model with a side still open:
 * a state shared by "after a request" and "after the close" would otherwise let it end there.
 */
final class Outcome {
  /** Share of normally closed connections that makes a model's outcome SF. */
  static final double SHARE = 0.99;

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
    return closed >= SHARE * samples.size() ? ConnState.SF.name() : null;
  }
}
