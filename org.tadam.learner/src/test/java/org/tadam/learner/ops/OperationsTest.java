package org.tadam.learner.ops;

import org.tadam.capture.word.TimedWord;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tadam.learner.automaton.Corpus;
import org.tadam.learner.automaton.Edge;
import org.tadam.learner.automaton.IntList;
import org.tadam.learner.automaton.LearnAutomaton;
import org.tadam.learner.init.InitialAutomaton;

/** The effect of each operation on small automata. */
class OperationsTest {

  private static Corpus corpus(String... words) {
    List<TimedWord> list = new ArrayList<>();
    for (String w : words) {
      List<String> s = new ArrayList<>();
      List<int[]> v = new ArrayList<>();
      for (String letter : w.split(" ")) {
        String[] p = letter.split(":");
        s.add(p[0]);
        v.add(new int[] {Integer.parseInt(p[1]), Integer.parseInt(p[2])});
      }
      list.add(TimedWord.of("test", s, v));
    }
    return Corpus.of(list);
  }

  private static Edge out(LearnAutomaton a, int q, String symbol) {
    IntList o = a.out(q);
    for (int j = 0; j < o.size(); j++) {
      Edge e = a.edge(o.get(j));
      if (a.corpus().alphabet().get(e.symbol()).equals(symbol)) {
        return e;
      }
    }
    return null;
  }

  private static void assertParsesAll(LearnAutomaton a) {
    Corpus c = a.corpus();
    for (int w = 0; w < c.size(); w++) {
      if (!a.matched(w)) {
        continue;
      }
      int q = LearnAutomaton.INITIAL;
      for (int i = 0; i < c.length(w); i++) {
        Edge e = a.edge(a.edgeAt(w, i));
        assertTrue(e.alive());
        assertEquals(q, e.source(), "word " + w + " letter " + i);
        assertEquals(c.symbol(w, i), e.symbol());
        q = e.target();
      }
      assertEquals(LearnAutomaton.END, q);
    }
  }

  @Test
  void bigramStartHasOneStatePerSymbol() {
    LearnAutomaton a = InitialAutomaton.bigram(corpus("a:1:0 b:2:0", "a:1:0 a:1:0 b:2:0"));
    // initial, end, a, b
    assertEquals(4, a.stateCount());
    // 0-a, a-a, a-b, b-$
    assertEquals(4, a.edgeCount());
    assertParsesAll(a);
  }

  @Test
  void prefixTreeHasOneStatePerPrefix() {
    LearnAutomaton a = InitialAutomaton.prefixTree(corpus("a:1:0 b:2:0", "a:1:0 c:2:0", "a:1:0 b:2:0"));
    // initial, end, a, ab, ac
    assertEquals(5, a.stateCount());
    assertEquals(5, a.edgeCount());
    assertEquals(2, out(a, 2, "b").count());
  }

  @Test
  void redirectingAStateMovesItsEdgesAsSetEndsDoesAndRollsBackExactly() {
    Corpus c = corpus("a:1:1 b:2:2 a:1:1 c:3:3", "b:1:1 b:2:2 c:2:2", "c:1:1 a:2:2 b:1:1");
    LearnAutomaton a = InitialAutomaton.bigram(c);
    a.commit();
    for (int gone = 2; gone < a.stateSlots(); gone++) {
      for (int kept = 0; kept < gone; kept++) {
        if (kept == LearnAutomaton.END) {
          continue;
        }
        LearnAutomaton bulk = new LearnAutomaton(a);
        LearnAutomaton byEdge = new LearnAutomaton(a);
        int mark = bulk.mark();
        bulk.redirectState(gone, kept);
        for (int e : byEdge.in(gone).toArray()) {
          int source = byEdge.edge(e).source();
          byEdge.setEnds(e, source == gone ? kept : source, kept);
        }
        for (int e : byEdge.out(gone).toArray()) {
          int target = byEdge.edge(e).target();
          byEdge.setEnds(e, kept, target == gone ? kept : target);
        }
        assertEquals(shape(byEdge), shape(bulk), "redirect " + gone + " to " + kept);
        bulk.rollback(mark);
        assertEquals(shape(a), shape(bulk), "rollback of " + gone + " to " + kept);
      }
    }
  }

  @Test
  void lettersMovedInAJournalAreFoundOnTheirNewEdgeAndBackAfterRollback() {
    Corpus c = corpus("a:1:1 a:2:2 a:3:3 b:1:1", "a:1:1 b:2:2 b:1:1 a:4:4", "b:3:3 a:2:2 a:1:1");
    LearnAutomaton a = InitialAutomaton.bigram(c);
    a.commit();
    int[][] before = paths(a);
    int from = a.edgeAt(0, 1);
    int to = a.edgeAt(1, 2);
    int third = a.edgeAt(2, 0);
    LearnAutomaton eager = new LearnAutomaton(a);
    int mark = a.mark();
    a.moveAllOccurrences(from, to);
    eager.moveAllOccurrences(from, to);
    // the letters are listed in the order a move outside a journal gives, also moved on again
    assertEquals(letters(eager.edge(to)), letters(a.edge(to)));
    assertEquals(letters(new LearnAutomaton(eager).edge(to)), letters(new LearnAutomaton(a).edge(to)));
    int inner = a.mark();
    a.moveAllOccurrences(to, third);
    LearnAutomaton eagerThird = new LearnAutomaton(eager);
    eagerThird.moveAllOccurrences(to, third);
    assertEquals(letters(eagerThird.edge(third)), letters(a.edge(third)));
    a.rollback(inner);
    int[][] moved = paths(a);
    for (int w = 0; w < c.size(); w++) {
      for (int i = 0; i < c.length(w); i++) {
        assertEquals(before[w][i] == from ? to : before[w][i], moved[w][i]);
      }
    }
    // take a moved letter and one of to's own off onto another edge: the slots must be right
    a.moveOccurrence(0, 1, third);
    a.moveOccurrence(1, 2, third);
    assertEquals(third, a.edgeAt(0, 1));
    assertEquals(third, a.edgeAt(1, 2));
    a.rollback(mark);
    a.commit();
    assertTrue(java.util.Arrays.deepEquals(before, paths(a)));
    // every letter comes off its edge again from the slots the journal left
    for (int w = 0; w < c.size(); w++) {
      for (int i = 0; i < c.length(w); i++) {
        Edge e = a.edge(a.edgeAt(w, i));
        int n = e.occurrenceCount();
        a.removeOccurrence(w, i);
        assertEquals(n - 1, e.occurrenceCount());
        for (int k = 0; k < e.occurrenceCount(); k++) {
          long occ = e.occurrence(k);
          assertTrue(Edge.word(occ) > w || Edge.word(occ) == w && Edge.position(occ) > i,
              "letter " + w + "," + i + " left behind " + occ);
        }
      }
    }
  }

  private static List<Long> letters(Edge e) {
    List<Long> letters = new ArrayList<>();
    for (int i = 0; i < e.occurrenceCount(); i++) {
      letters.add(e.occurrence(i));
    }
    return letters;
  }

  private static int[][] paths(LearnAutomaton a) {
    Corpus c = a.corpus();
    int[][] p = new int[c.size()][];
    for (int w = 0; w < c.size(); w++) {
      p[w] = new int[c.length(w)];
      for (int i = 0; i < c.length(w); i++) {
        p[w][i] = a.edgeAt(w, i);
      }
    }
    return p;
  }

  /** Every state's edge lists and every edge's ends. */
  private static String shape(LearnAutomaton a) {
    StringBuilder b = new StringBuilder();
    for (int q = 0; q < a.stateSlots(); q++) {
      b.append(q).append(" out ").append(java.util.Arrays.toString(a.out(q).toArray()))
          .append(" in ").append(java.util.Arrays.toString(a.in(q).toArray())).append('\n');
    }
    for (int e = 0; e < a.edgeSlots(); e++) {
      b.append(e).append(": ").append(a.edge(e).source()).append(" -> ").append(a.edge(e).target())
          .append('\n');
    }
    return b.toString();
  }

  @Test
  void mergeDeterminisesRecursively() {
    // prefix tree: x→(a→(b)), y→(a→(b)); merging the states after x and y forces a and b to merge
    LearnAutomaton a = InitialAutomaton.prefixTree(corpus("x:1:0 a:1:0 b:1:0", "y:1:0 a:1:0 b:1:0"));
    int afterX = out(a, 0, "x").target();
    int afterY = out(a, 0, "y").target();
    new MergeStates(afterX, afterY).apply(a);
    int kept = Math.min(afterX, afterY);
    Edge ea = out(a, kept, "a");
    assertNotNull(ea);
    assertEquals(1, a.out(kept).size());
    assertEquals(2, ea.count());
    assertEquals(2, out(a, ea.target(), "b").count());
    // initial, end, merged, after a, after b
    assertEquals(5, a.stateCount());
    assertParsesAll(a);
  }

  @Test
  void deleteRemovesTheWordsAndWhatOnlyTheyUsed() {
    LearnAutomaton a = InitialAutomaton.prefixTree(corpus("a:1:0 b:1:0", "a:1:0 b:1:0", "a:1:0 c:1:0"));
    Edge c = out(a, out(a, 0, "a").target(), "c");
    int states = a.stateCount();
    new DeleteSubpart(c.id()).apply(a);
    assertFalse(c.alive());
    assertEquals(1, a.unmatched().size());
    assertEquals(states - 1, a.stateCount());
    assertEquals(2, out(a, 0, "a").count());
    assertParsesAll(a);
  }

  @Test
  void anEdgeAddedBackPutsBackTheWordsItParsesAndRollsBackExactly() {
    // two words take an optional x between a and b; deleting the x edge leaves them unparsed
    LearnAutomaton a = InitialAutomaton.bigram(corpus("a:1:0 b:1:0", "a:1:0 b:1:0", "a:1:0 x:2:0 b:1:0",
        "a:1:0 x:3:0 b:1:0"));
    a.commit();
    Edge x = out(a, out(a, 0, "a").target(), "x");
    new DeleteSubpart(x.id()).apply(a);
    assertEquals(2, a.unmatched().size());
    // the x state died with its edges: the best candidate spells x from the state after a to a
    // state from which "b $" still parses
    List<Operation> adds = AddEdge.candidates(a, 10);
    assertFalse(adds.isEmpty());
    long letters = a.matchedLetters();
    int mark = a.mark();
    adds.get(0).apply(a);
    assertTrue(a.unmatched().isEmpty(), adds.get(0).describe());
    assertParsesAll(a);
    assertTrue(a.matchedLetters() > letters);
    a.rollback(mark);
    assertEquals(2, a.unmatched().size());
    assertEquals(letters, a.matchedLetters());
  }

  @Test
  void aLoopUsedByFewWordsIsADeletionCandidateHoweverManyLettersItCarries() {
    // 9 plain words and one whose x-loop carries 30 letters: 30 letters are more than a quarter of
    // the 10 words, yet the loop is used by one word in ten
    List<String> words = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      words.add("a:1:0 b:1:0");
    }
    words.add("a:1:0" + " x:1:0".repeat(30) + " b:1:0");
    LearnAutomaton a = InitialAutomaton.bigram(corpus(words.toArray(String[]::new)));
    Edge loop = out(a, out(a, 0, "a").target(), "x");
    loop = out(a, loop.target(), "x");
    assertEquals(loop.source(), loop.target());
    assertTrue(loop.count() > 0.25 * a.corpus().totalWeight());
    int id = loop.id();
    assertTrue(DeleteSubpart.candidates(a, 0.25).stream()
        .anyMatch(op -> op.describe().equals("delete " + id)));
  }

  @Test
  void theLastWordsAreNeverDeleted() {
    LearnAutomaton a = InitialAutomaton.prefixTree(corpus("a:1:0 b:1:0", "a:1:0 c:1:0"));
    for (int round = 0; round < 5; round++) {
      List<Operation> ops = DeleteSubpart.candidates(a, 1);
      if (ops.isEmpty()) {
        break;
      }
      ops.get(0).apply(a);
    }
    assertEquals(1, a.unmatched().size());
    assertTrue(a.edgeCount() > 0);
    assertParsesAll(a);
  }

  @Test
  void splitNodeSeparatesContexts() {
    // after x the next letter is always p, after y always q: state "m" should split
    LearnAutomaton a = InitialAutomaton.bigram(corpus("x:1:0 m:1:0 p:1:0", "y:1:0 m:1:0 q:1:0",
        "x:1:0 m:1:0 p:1:0", "y:1:0 m:1:0 q:1:0"));
    int m = out(a, out(a, 0, "x").target(), "m").target();
    int[][] groups = SplitNode.partition(a, m, 0);
    assertNotNull(groups);
    assertEquals(2, groups.length);
    int before = a.stateCount();
    new SplitNode(m, groups).apply(a);
    assertEquals(before + 1, a.stateCount());
    int afterX = out(a, out(a, 0, "x").target(), "m").target();
    int afterY = out(a, out(a, 0, "y").target(), "m").target();
    assertTrue(afterX != afterY);
    assertEquals(1, a.out(afterX).size());
    assertEquals(1, a.out(afterY).size());
    assertParsesAll(a);
  }

  @Test
  void splitNodeHandlesSelfLoops() {
    // m loops on m; after the loop the next letter differs from the first visit
    LearnAutomaton a = InitialAutomaton.bigram(corpus("x:1:0 m:1:0 p:1:0", "x:1:0 m:1:0 m:1:0 q:1:0",
        "x:1:0 m:1:0 m:1:0 q:1:0", "x:1:0 m:1:0 p:1:0"));
    int m = out(a, out(a, 0, "x").target(), "m").target();
    int[][] groups = SplitNode.partition(a, m, 0);
    assertNotNull(groups);
    new SplitNode(m, groups).apply(a);
    assertParsesAll(a);
    Edge first = out(a, out(a, 0, "x").target(), "m");
    Edge second = out(a, first.target(), "m");
    assertNotNull(second);
    assertNotNull(out(a, second.target(), "q"));
    assertEquals(null, out(a, second.target(), "p"));
  }

  @Test
  void splitEdgeSeparatesTwoModes() {
    List<String> words = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      words.add("a:" + (10 + i % 3) + ":" + (100 + i % 5));
      words.add("a:" + (40 + i % 3) + ":" + (900 + i % 5));
    }
    LearnAutomaton a = InitialAutomaton.bigram(corpus(words.toArray(new String[0])));
    Edge e = out(a, 0, "a");
    List<Operation> ops = SplitEdge.candidates(a, new SplitEdge.Proposals(42));
    assertEquals(1, ops.size());
    ops.get(0).apply(a);
    assertEquals(2, a.out(0).size());
    Edge e1 = a.edge(a.out(0).get(0));
    Edge e2 = a.edge(a.out(0).get(1));
    assertEquals(e1.family(), e2.family());
    assertEquals(40, e1.count());
    assertEquals(40, e2.count());
    assertTrue(Math.abs(e1.gaussian().mean()[0] - e2.gaussian().mean()[0]) > 20);
    assertEquals(e.id(), e1.id());
    assertParsesAll(a);
  }
}
