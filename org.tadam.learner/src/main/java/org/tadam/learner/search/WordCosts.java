package org.tadam.learner.search;

import java.util.Set;
import org.tadam.learner.automaton.Corpus;
import org.tadam.learner.automaton.LearnAutomaton;
import org.tadam.learner.mdl.DataCodes;
import org.tadam.learner.noise.Aligner;
import org.tadam.learner.noise.AlignmentGraph;
import org.tadam.learner.noise.AlignmentRates;
import org.tadam.learner.noise.NoiseKind;
import org.tadam.learner.noise.WordCode;

/**
 * The learner's code of each training word: L(D|A) split per word by {@link WordCode}, the
 * word-status code left out. Every word, on a path of the automaton (matched) or not, pays what
 * {@link WordCode#of} charges it: the cheapest of its exact path, its alignment and its explicit
 * code, as {@code tadam score} charges it.
 *
 * <p>With the learned automaton's own parameters ({@link #of(LearnAutomaton, double, Set,
 * AlignmentRates)}), Σ weight · bits plus the word-status code is the model's data cost: the cost
 * the search minimised, less what the cheapest codes save where the search kept a letter on a
 * variant of a split edge (an outlier edge) that another variant codes cheaper, or a matched word
 * on a path that costs more than its alignment or explicit code (the word-status code then counts
 * it as corrected or uncorrected, which can cost more or less than as matched). With the parameters of the written model ({@link #of(LearnAutomaton, AlignmentGraph,
 * int[], int[], Set, AlignmentRates)}: its rounded laws and rates, its counts) it is what
 * {@code tadam score} computes for the word.
 */
public final class WordCosts {
  private WordCosts() {
  }

  /**
   * The code of each distinct corpus word, under the learned automaton itself.
   *
   * @param cellFloor the cell floor the automaton was learned with
   * @param rates the noise rates of the learned model
   */
  public static WordCode.Result[] of(LearnAutomaton a, double cellFloor, Set<NoiseKind> kinds,
      AlignmentRates rates) {
    AutomatonView view = new AutomatonView(a, cellFloor);
    int[] edgeOf = new int[a.edgeSlots()];
    for (int id = 0; id < edgeOf.length; id++) {
      edgeOf[id] = view.denseEdge(id);
    }
    int[] symbolOf = new int[a.corpus().alphabet().size()];
    for (int s = 0; s < symbolOf.length; s++) {
      symbolOf[s] = s;
    }
    return of(a, view, edgeOf, symbolOf, kinds, rates);
  }

  /**
   * The data cost of the learned automaton with its own parameters: Σ weight · {@link #of} plus
   * the word-status code, what a decoder of the model pays (each parsed word on its cheapest path).
   */
  public static double dataBits(LearnAutomaton a, double cellFloor, Set<NoiseKind> kinds,
      AlignmentRates rates) {
    Corpus c = a.corpus();
    WordCode.Result[] words = of(a, cellFloor, kinds, rates);
    double data = 0;
    long[] status = new long[3];
    for (int w = 0; w < c.size(); w++) {
      data += c.weight(w) * words[w].bits();
      status[words[w].status().ordinal()] += c.weight(w);
    }
    return data + DataCodes.statusBits(status[0], status[1], status[2]);
  }

  /**
   * The code of each distinct corpus word, under another view of the learned automaton (e.g. the
   * written model's).
   *
   * @param edgeOf the graph's edge for each learner edge id
   * @param symbolOf the graph's symbol id for each corpus symbol id (−1: none)
   */
  public static WordCode.Result[] of(LearnAutomaton a, AlignmentGraph g, int[] edgeOf,
      int[] symbolOf, Set<NoiseKind> kinds, AlignmentRates rates) {
    Corpus c = a.corpus();
    WordCode code = new WordCode(g, rates, kinds);
    WordCode.Result[] bits = new WordCode.Result[c.size()];
    for (int w = 0; w < c.size(); w++) {
      int n = c.length(w);
      int[][] values = new int[n][];
      for (int i = 0; i < n; i++) {
        values[i] = c.value(w, i);
      }
      int[] symbols = new int[n];
      for (int i = 0; i < n; i++) {
        symbols[i] = symbolOf[c.symbol(w, i)];
      }
      double[][] vb = Aligner.valueBits(g, symbols, values);
      // matched or not, the cheapest code, as score takes it: a letter the search left on a
      // variant of a split edge (an outlier edge) that another variant codes cheaper pays the
      // cheaper one, and a matched word its alignment where that is cheaper than its path
      bits[w] = code.of(symbols, values, vb,
          WordCode.explicitBits(g.alphabetSize(), values));
    }
    return bits;
  }
}
