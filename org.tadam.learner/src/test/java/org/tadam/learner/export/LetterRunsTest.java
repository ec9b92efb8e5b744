package org.tadam.learner.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.BitSet;
import org.junit.jupiter.api.Test;

class LetterRunsTest {

  /** The set of {@code letters}. */
  static BitSet letters(int... letters) {
    BitSet set = new BitSet();
    for (int l : letters) {
      set.set(l);
    }
    return set;
  }

  @Test
  void lettersNextToEachOtherMakeOneRun() {
    assertArrayEquals(new int[] { 3, 3, 9, 11 }, LetterRuns.of(letters(3, 9, 10, 11)));
  }

  /**
   * A letter of its own far before a loop taken every other letter, four passes more than there may be runs: the
   * first passes join (the nearest, the first of equal ones), the letter before them stays apart.
   */
  @Test
  void pastTheMostRunsTheNearestJoinFirst() {
    BitSet letters = letters(2);
    int passes = LetterRuns.MAX_RUNS + 3;
    for (int i = 0; i < passes; i++) {
      letters.set(20 + 2 * i);
    }
    int[] runs = LetterRuns.of(letters);
    assertEquals(2 * LetterRuns.MAX_RUNS, runs.length);
    assertArrayEquals(new int[] { 2, 2, 20, 28, 30, 30 }, Arrays.copyOf(runs, 6));
    int last = 20 + 2 * (passes - 1);
    assertArrayEquals(new int[] { last, last }, Arrays.copyOfRange(runs, runs.length - 2, runs.length));
  }

  /** Gaps of 4, 4, 2, 3 between the first runs, the others far apart: 9 and 11 join, then 11 and 14, then 1 and 5. */
  @Test
  void theNarrowestGapJoinsFirst() {
    BitSet letters = letters(1, 5, 9, 11, 14);
    for (int i = 0; i < LetterRuns.MAX_RUNS - 2; i++) {
      letters.set(100 + 100 * i);
    }
    int[] runs = LetterRuns.of(letters);
    assertEquals(2 * LetterRuns.MAX_RUNS, runs.length);
    assertArrayEquals(new int[] { 1, 5, 9, 14, 100, 100 }, Arrays.copyOf(runs, 6));
  }
}
