package org.tadam.learner.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.tadam.learner.automaton.Corpus;
import org.tadam.learner.automaton.LearnAutomaton;
import org.tadam.learner.noise.Aligner;
import org.tadam.learner.noise.AlignmentRates;
import org.tadam.learner.noise.WordCode;
import org.tadam.learner.ops.DeleteSubpart;
import org.tadam.learner.ops.Operation;
import org.tadam.learner.ops.ReleaseWords;

/**
 * Proposes {@link ReleaseWords} when the search has converged: the matched words whose best noisy
 * alignment (or explicit code) under the current automaton and rates costs less than their
 * cheapest exact path, by at least 1, 4 or 16 bits (one candidate per threshold that gives a new set). The
 * search scores each exactly, so a release is applied only when the total cost drops: the released
 * words' letters also leave their edges' laws and counts, which changes every other word's code.
 *
 * <p>Why: on 5000 noisy words of the ground-truth benchmark, a duplicated query parses as the
 * retry it resembles and pays the retry's floored wait on its path, 15 bits more than as a
 * duplicate; its edge also carries the clean retries, so no deletion takes it off alone, and the
 * search from the bigram start ended one edge short of the truth (issue 12).
 */
final class NoisyWords {
  private static final double[] THRESHOLDS_BITS = {16, 4, 1};

  private NoisyWords() {
  }

  static List<Operation> candidates(LearnAutomaton a, Scorer.Cost current, Scorer scorer,
      double minCoverage) {
    if (scorer.kinds().isEmpty()) {
      return List.of();
    }
    AlignmentRates rates = current.noise() != null ? current.noise().rates()
        : AlignmentRates.initial(scorer.kinds());
    AutomatonView g = new AutomatonView(a, scorer.valueFloor());
    WordCode code = new WordCode(g, rates, scorer.kinds());
    Corpus c = a.corpus();
    double cTr = rates.transitionBits();
    int n = c.size();
    double[] saving = new double[n];
    Integer[] order = new Integer[n];
    int k = 0;
    for (int w = 0; w < n; w++) {
      if (!a.matched(w)) {
        continue;
      }
      int[] symbols = c.symbols(w);
      int[][] values = c.values(w);
      double[][] vb = g.valueBits(c, w);
      double path = 0;
      for (int l = 0; l < symbols.length; l++) {
        int e = g.denseEdge(a.edgeAt(w, l));
        path += cTr + g.transitionBits(e) + vb[l][indexOf(g.edgesWithSymbol(symbols[l]), e)];
      }
      WordCode.Result r = code.of(symbols, values, vb, Aligner.letterBits(g.alphabetSize(),
          values), WordCode.explicitBits(g.alphabetSize(), values), path);
      if (r.status() == WordCode.Status.MATCHED) {
        continue;
      }
      // a cheaper exact path (another variant of a split edge) is the search's to find, not noise:
      // the saving counts from the cheapest exact path
      double exact = Math.min(path, code.exactBits(symbols, vb));
      if (r.bits() < exact - 1) {
        saving[w] = exact - r.bits();
        order[k++] = w;
      }
    }
    Integer[] noisy = Arrays.copyOf(order, k);
    Arrays.sort(noisy, (x, y) -> saving[x] != saving[y] ? Double.compare(saving[y], saving[x])
        : Integer.compare(x, y));
    // within the coverage floor, and never every matched word (the automaton would lose its edges)
    long matched = DeleteSubpart.matchedWeight(a);
    long room = Math.min(matched - DeleteSubpart.coverageFloor(a, minCoverage), matched - 1);
    List<Operation> ops = new ArrayList<>();
    int last = 0;
    for (double threshold : THRESHOLDS_BITS) {
      BitSet words = new BitSet(n);
      long weight = 0;
      int taken = 0;
      for (int w : noisy) {
        if (saving[w] < threshold) {
          break;
        }
        if (weight + c.weight(w) > room) {
          continue;
        }
        words.set(w);
        weight += c.weight(w);
        taken++;
      }
      if (taken > last) {
        ops.add(new ReleaseWords(words, "alignment " + (int) threshold + "+ bits cheaper"));
        last = taken;
      }
    }
    return ops;
  }

  private static int indexOf(int[] edges, int e) {
    for (int i = 0; i < edges.length; i++) {
      if (edges[i] == e) {
        return i;
      }
    }
    throw new IllegalStateException("edge " + e + " not among its symbol's edges");
  }
}
