package org.tadam.learner.automaton;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tadam.learner.ops.Operation;
import org.tadam.learner.ops.SplitEdge;
import org.tadam.learner.search.Fixtures;
import org.tadam.learner.truth.TruthAutomaton;

/**
 * Rolling back to a mark restores the automaton as it was at the mark, with marks nested: the
 * letters put on an edge made since the last mark are undone lightly (the rollback drops the
 * edge), those put on an edge made before it are undone in full, also when the edge was made after
 * an outer mark.
 */
class NestedRollbackTest {

  @Test
  void eachRollbackRestoresItsMark() {
    TruthAutomaton[] truths = {TruthAutomaton.tcpSession(), TruthAutomaton.requestResponse()};
    int checked = 0;
    for (int seed = 0; seed < 6; seed++) {
      LearnAutomaton a = Fixtures.committedBigram(truths[seed % 2], 60, 0.15, seed);
      Random random = new Random(seed);
      SplitEdge.Proposals proposals = new SplitEdge.Proposals(42);
      for (int step = 0; step < 10; step++) {
        List<Operation> ops = Fixtures.allCandidates(a, proposals);
        if (ops.isEmpty()) {
          break;
        }
        String base = describe(a);
        int outer = a.mark();
        ops.get(random.nextInt(ops.size())).apply(a);
        String between = describe(a);
        List<Operation> next = Fixtures.allCandidates(a, proposals);
        for (int k = 0; k < 3 && !next.isEmpty(); k++) {
          int inner = a.mark();
          next.get(random.nextInt(next.size())).apply(a);
          a.rollback(inner);
          assertEquals(between, describe(a), "seed " + seed + " step " + step);
          checked++;
        }
        a.rollback(outer);
        assertEquals(base, describe(a), "seed " + seed + " step " + step);
        a.commit();
        ops.get(random.nextInt(ops.size())).apply(a);
      }
    }
    assertTrue(checked > 50, checked + " nested rollbacks");
  }

  /** Edges with their ends, statistics and letters, the words' paths, the matched letters. */
  private static String describe(LearnAutomaton a) {
    StringBuilder s = new StringBuilder();
    for (int id = 0; id < a.edgeSlots(); id++) {
      Edge e = a.edge(id);
      if (!e.alive()) {
        continue;
      }
      long[] letters = new long[e.occurrenceCount()];
      for (int i = 0; i < letters.length; i++) {
        letters[i] = e.occurrence(i);
      }
      Arrays.sort(letters);
      List<String> values = new ArrayList<>();
      e.stats().forEach((v, w) -> values.add(Arrays.toString(v) + "x" + w));
      s.append(id).append(':').append(e.source()).append('>').append(e.target())
          .append(' ').append(e.stats().content()).append(' ').append(values)
          .append(' ').append(Arrays.toString(letters)).append('\n');
    }
    for (int w = 0; w < a.corpus().size(); w++) {
      for (int l = 0; l < a.corpus().length(w); l++) {
        s.append(a.edgeAt(w, l)).append(',');
      }
      s.append('\n');
    }
    return s.append(a.unmatched()).append(' ').append(a.matchedLetters()).toString();
  }
}
