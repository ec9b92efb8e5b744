package org.tadam.learner.export;

import java.util.Map;
import java.util.TreeMap;
import org.tadam.model.Automaton;
import org.tadam.model.LetterCount;
import org.tadam.model.TadamFactory;

/**
 * Writes into an automaton how many letters its unpinned training connections had (all of them in a model without
 * variants; a pinned connection aims within its variant's lengths): one count per length when they had at
 * most {@link #BINS} lengths (a scripted NTP client polls one to four times: four lengths, each about a quarter), else
 * {@link #BINS} ranges of about equal counts, so that a capture of long connections does not list every length.
 */
final class LetterCounts {
  static final int BINS = 64;

  private LetterCounts() {
  }

  /** @param letters per unpinned training connection its letters (the letter at which it ended) */
  static void write(Automaton automaton, int[] letters) {
    TreeMap<Integer, Integer> counts = new TreeMap<>();
    for (int l : letters) {
      counts.merge(l, 1, Integer::sum);
    }
    if (counts.isEmpty()) {
      return;
    }
    if (counts.size() <= BINS) {
      counts.forEach((length, count) -> automaton.getLetterCounts().add(count(count, length, -1)));
      return;
    }
    // equal-frequency ranges: a range closes once it holds its share of the connections
    long share = (letters.length + BINS - 1) / BINS;
    int first = -1;
    int last = -1;
    int weight = 0;
    for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
      if (first < 0) {
        first = e.getKey();
      }
      last = e.getKey();
      weight += e.getValue();
      if (weight >= share) {
        automaton.getLetterCounts().add(count(weight, first, last));
        first = -1;
        weight = 0;
      }
    }
    if (weight > 0) {
      automaton.getLetterCounts().add(count(weight, first, last));
    }
  }

  private static LetterCount count(int weight, int first, int last) {
    LetterCount c = TadamFactory.eINSTANCE.createLetterCount();
    c.setWeight(weight);
    c.setFirst(first);
    c.setLast(last == first ? -1 : last);
    return c;
  }
}
