package org.tadam.learner.export;

import java.util.Arrays;
import java.util.List;
import org.tadam.capture.word.TimedWord;

/**
 * How often each of a model's server ports served its training connections. Without weights the generator picks
 * a model's ports uniformly: one SSH connection seen on port 80 among three hundred on port 22 made a third of the
 * generated SSH connections go to port 80, which dissectors then read as HTTP.
 */
final class PortWeights {
  private PortWeights() {
  }

  /**
   * Per port its number of training connections, in the order of {@code ports}; empty when there is nothing to
   * weigh (fewer than two ports, words without connections, or a port that served none of the words).
   */
  static List<Integer> of(List<Integer> ports, List<TimedWord> samples) {
    if (ports.size() < 2) {
      return List.of();
    }
    int[] counts = new int[ports.size()];
    for (TimedWord w : samples) {
      if (w.connection() == null) {
        return List.of();
      }
      int i = ports.indexOf(w.connection().responder().port());
      if (i >= 0) {
        counts[i]++;
      }
    }
    for (int c : counts) {
      if (c == 0) {
        return List.of();
      }
    }
    return Arrays.stream(counts).boxed().toList();
  }
}
