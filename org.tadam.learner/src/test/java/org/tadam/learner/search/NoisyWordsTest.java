package org.tadam.learner.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tadam.capture.word.TimedWord;
import org.tadam.learner.automaton.Corpus;
import org.tadam.learner.automaton.LearnAutomaton;
import org.tadam.learner.noise.NoiseKind;
import org.tadam.learner.ops.AddEdge;
import org.tadam.learner.ops.Operation;
import org.tadam.learner.ops.ReleaseWords;
import org.tadam.learner.truth.TruthAutomaton;
import org.tadam.learner.truth.TruthStart;

/**
 * Duplicated queries of the UDP truth ("Q Q R") parse as query, retry, response and, on that
 * path, pay the retry's floored wait: the release candidates take exactly them off, the cost
 * drops, and incremental scoring still equals a full recomputation.
 */
class NoisyWordsTest {
  private static final Scorer SCORER = new Scorer(EnumSet.allOf(NoiseKind.class));

  private static Corpus corpusWithDuplicates(List<Integer> duplicates) {
    List<TimedWord> words = new ArrayList<>(TruthAutomaton.udpQuery().sample(400, new Random(3)));
    Random r = new Random(4);
    for (int i = 0; i < 20; i++) {
      int size = 36 + r.nextInt(9);
      words.add(TimedWord.of("dup", List.of("> replay", "> replay", "< replay"),
          List.of(new int[] {0, size}, new int[] {0, size}, new int[] {28, 110 + r.nextInt(20)})));
    }
    Corpus c = Corpus.of(words);
    for (int w = 0; w < c.size(); w++) {
      for (int m : c.members(w)) {
        if (m >= 400) {
          duplicates.add(w);
        }
      }
    }
    return c;
  }

  /** The truth's structure with every word it parses on its path, the duplicates too. */
  private static LearnAutomaton truthWithDuplicates(List<Integer> duplicates) {
    LearnAutomaton a = TruthStart.of(TruthAutomaton.udpQuery(), corpusWithDuplicates(duplicates),
        w -> true);
    a.commit();
    return a;
  }

  @Test
  void theDuplicatesOnTheRetryPathAreReleasedAndTheCostDrops() {
    List<Integer> duplicates = new ArrayList<>();
    LearnAutomaton a = truthWithDuplicates(duplicates);
    Corpus c = a.corpus();
    duplicates.forEach(w -> assertTrue(a.matched(w), "on the retry path: " + w));
    Scorer.Cost before = SCORER.cost(a);
    List<Operation> ops = NoisyWords.candidates(a, before, SCORER, 0);
    assertFalse(ops.isEmpty());
    // the largest release: every duplicate, and no clean word
    BitSet released = ((ReleaseWords) ops.get(ops.size() - 1)).words();
    BitSet expected = new BitSet();
    duplicates.forEach(expected::set);
    assertEquals(expected, released);
    int mark = a.mark();
    ops.get(ops.size() - 1).apply(a);
    double after = SCORER.cost(a).total();
    assertTrue(after < before.total(), after + " vs " + before.total());
    assertEquals(SCORER.fullCost(a).total(), after, 1e-9);
    // an edge addition puts back only the words it spells through the new edge: a response
    // straight from the start spells none of the released words, which still parse
    new AddEdge(LearnAutomaton.INITIAL, c.symbolId("< replay"), LearnAutomaton.END).apply(a);
    duplicates.forEach(w -> assertFalse(a.matched(w), "released word put back: " + w));
    a.rollback(mark);
    a.commit();
    assertEquals(before.total(), SCORER.cost(a).total(), 1e-9);
  }

  @Test
  void noReleaseBelowTheCoverageFloorNorWithoutNoise() {
    LearnAutomaton a = truthWithDuplicates(new ArrayList<>());
    // every word matched: a floor of 100 % leaves no room
    assertTrue(NoisyWords.candidates(a, SCORER.cost(a), SCORER, 1.0).isEmpty());
    Scorer unaware = new Scorer(EnumSet.noneOf(NoiseKind.class));
    assertTrue(NoisyWords.candidates(a, unaware.cost(a), unaware, 0).isEmpty());
  }
}
