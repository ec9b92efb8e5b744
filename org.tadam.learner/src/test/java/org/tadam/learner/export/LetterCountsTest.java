package org.tadam.learner.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tadam.model.Automaton;
import org.tadam.model.LetterCount;
import org.tadam.model.TadamFactory;

class LetterCountsTest {

  @Test
  void fewLengthsAreCountedOneByOne() {
    Automaton automaton = TadamFactory.eINSTANCE.createAutomaton();
    LetterCounts.write(automaton, new int[] { 4, 2, 4, 8, 2, 4 });
    List<LetterCount> counts = automaton.getLetterCounts();
    assertEquals(List.of(2, 4, 8), counts.stream().map(LetterCount::getFirst).toList());
    assertEquals(List.of(2, 3, 1), counts.stream().map(LetterCount::getWeight).toList());
    assertTrue(counts.stream().allMatch(c -> c.getLast() == -1), "single lengths name no range");
  }

  /** 1 000 connections of 1 000 lengths: 64 ranges of about equal counts, in order, that keep every connection. */
  @Test
  void manyLengthsMakeRangesOfAboutEqualCounts() {
    int[] letters = new int[1000];
    for (int i = 0; i < letters.length; i++) {
      letters[i] = 3 * i + 1;
    }
    Automaton automaton = TadamFactory.eINSTANCE.createAutomaton();
    LetterCounts.write(automaton, letters);
    List<LetterCount> counts = automaton.getLetterCounts();
    assertTrue(counts.size() <= LetterCounts.BINS, "ranges: " + counts.size());
    assertEquals(1000, counts.stream().mapToInt(LetterCount::getWeight).sum());
    assertEquals(1, counts.get(0).getFirst());
    assertEquals(2998, counts.get(counts.size() - 1).getLast());
    for (int i = 1; i < counts.size(); i++) {
      assertTrue(counts.get(i).getFirst() > counts.get(i - 1).getLast(), "ranges in order, apart");
    }
    assertTrue(counts.stream().limit(counts.size() - 1).allMatch(c -> c.getWeight() == 16), "1000 / 64 rounded up");
  }
}
