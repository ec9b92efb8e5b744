package org.tadam.learner.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tadam.learner.automaton.Corpus;
import org.tadam.learner.automaton.Edge;
import org.tadam.learner.automaton.LearnAutomaton;
import org.tadam.learner.mdl.DataCodes;
import org.tadam.learner.ops.Operation;
import org.tadam.learner.ops.SplitEdge;
import org.tadam.learner.stats.Gaussian;
import org.tadam.learner.truth.TruthAutomaton;

/**
 * The value codes the edges keep per value ({@link Edge#valueBits}, read through
 * {@link AutomatonView#valueBits}) against codes computed from scratch (a Gaussian fitted again to
 * the edge's statistics), for every word, after operations tried and rolled back or applied, and
 * in replicas.
 */
class ValueCodeCacheTest {
  private static final double FLOOR = 1e-6;

  @Test
  void keptCodesEqualCodesComputedFromScratch() {
    TruthAutomaton[] truths = {TruthAutomaton.tcpSession(), TruthAutomaton.requestResponse()};
    for (int seed = 0; seed < 4; seed++) {
      LearnAutomaton a = Fixtures.committedBigram(truths[seed % 2], 50, 0.1, seed);
      Random random = new Random(seed);
      SplitEdge.Proposals proposals = new SplitEdge.Proposals(42);
      check(a);
      for (int step = 0; step < 10; step++) {
        List<Operation> ops = Fixtures.allCandidates(a, proposals);
        if (ops.isEmpty()) {
          break;
        }
        int mark = a.mark();
        for (int k = 0; k < 3; k++) {
          ops.get(random.nextInt(ops.size())).apply(a);
          check(a);
          a.rollback(mark);
          check(a);
        }
        a.commit();
        ops.get(random.nextInt(ops.size())).apply(a);
        check(a);
        check(new LearnAutomaton(a));
      }
    }
  }

  private static void check(LearnAutomaton a) {
    Corpus c = a.corpus();
    AutomatonView view = new AutomatonView(a, FLOOR);
    Edge[] byDense = new Edge[view.edges()];
    for (int id = 0; id < a.edgeSlots(); id++) {
      if (view.denseEdge(id) >= 0) {
        byDense[view.denseEdge(id)] = a.edge(id);
      }
    }
    for (int w = 0; w < c.size(); w++) {
      double[][] kept = view.valueBits(c, w);
      for (int l = 0; l < c.length(w); l++) {
        int[] edges = view.edgesWithSymbol(c.symbol(w, l));
        assertEquals(edges.length, kept[l].length);
        for (int k = 0; k < edges.length; k++) {
          Edge e = byDense[edges[k]];
          double fresh = DataCodes.matchedValueBits(
              Gaussian.fit(e.stats()).cellMass(c.value(w, l)), FLOOR);
          assertEquals(fresh, kept[l][k], "word " + w + " letter " + l + " edge " + e.id());
        }
      }
    }
  }
}
