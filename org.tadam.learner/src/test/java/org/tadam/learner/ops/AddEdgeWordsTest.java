package org.tadam.learner.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tadam.learner.automaton.Edge;
import org.tadam.learner.automaton.LearnAutomaton;
import org.tadam.learner.search.Fixtures;
import org.tadam.learner.truth.TruthAutomaton;

/**
 * An edge addition that tries only the words its candidate lists ({@link AddEdge#words}) changes
 * the automaton as one that tries every unparsed word: the same words back on the same edges, in
 * the same order, with the same statistics, on noisy corpora after random operations (split
 * edges give parallel edges, whose steps compare masses).
 */
class AddEdgeWordsTest {

  @Test
  void listedWordsAreAllTheEdgeCanPutBack() {
    TruthAutomaton[] truths = {TruthAutomaton.tcpSession(), TruthAutomaton.requestResponse(),
        TruthAutomaton.udpQuery()};
    int tried = 0;
    int skipped = 0;
    for (int seed = 0; seed < 9; seed++) {
      LearnAutomaton a = Fixtures.committedBigram(truths[seed % 3], 80, 0.2, seed);
      Random random = new Random(seed);
      SplitEdge.Proposals proposals = new SplitEdge.Proposals(42);
      for (int step = 0; step < 12; step++) {
        List<Operation> ops = Fixtures.allCandidates(a, proposals);
        if (ops.isEmpty()) {
          break;
        }
        int mark = a.mark();
        for (Operation op : AddEdge.candidates(a, 16)) {
          AddEdge add = (AddEdge) op;
          add.apply(a);
          String listed = describe(a);
          a.rollback(mark);
          new AddEdge(add.source(), add.symbol(), add.target()).apply(a);
          assertEquals(describe(a), listed, "seed " + seed + " step " + step + " " + add);
          a.rollback(mark);
          tried++;
          skipped += a.unmatched().size() - add.words().length;
        }
        a.commit();
        ops.get(random.nextInt(ops.size())).apply(a);
      }
    }
    assertTrue(tried > 30 && skipped > 0, tried + " additions, " + skipped + " words left out");
  }

  /** Each edge's ends, statistics and letters in order, the paths, the unparsed words. */
  private static String describe(LearnAutomaton a) {
    StringBuilder s = new StringBuilder();
    for (int id = 0; id < a.edgeSlots(); id++) {
      Edge e = a.edge(id);
      long[] letters = new long[e.occurrenceCount()];
      for (int i = 0; i < letters.length; i++) {
        letters[i] = e.occurrence(i);
      }
      s.append(id).append(e.alive()).append(e.source()).append('>').append(e.target())
          .append(e.stats().content()).append(Arrays.toString(letters)).append('\n');
    }
    for (int w = 0; w < a.corpus().size(); w++) {
      for (int l = 0; l < a.corpus().length(w); l++) {
        s.append(a.edgeAt(w, l)).append(',');
      }
    }
    return s.append(a.unmatched()).append(a.matchedLetters()).toString();
  }
}
