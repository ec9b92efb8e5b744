package org.tadam.learner.search;

import java.util.Arrays;
import org.tadam.learner.automaton.Corpus;
import org.tadam.learner.automaton.Edge;
import org.tadam.learner.automaton.IntList;
import org.tadam.learner.automaton.LearnAutomaton;
import org.tadam.learner.mdl.UniversalCode;
import org.tadam.learner.noise.AlignmentGraph;

/** The learned automaton seen by the aligner: alive states and edges renumbered densely. */
final class AutomatonView implements AlignmentGraph {
  private final int n;
  private final int initial;
  private final int end;
  private final Edge[] edges;
  /** dense index of each learner edge id (−1: dead) */
  private final int[] denseEdge;
  private final int[] src;
  private final int[] dst;
  private final double[] transition;
  private final int[][] bySymbol;
  private final int alphabet;
  private final double valueFloor;

  AutomatonView(LearnAutomaton a, double valueFloor) {
    this.valueFloor = valueFloor;
    int[] dense = new int[a.stateSlots()];
    int k = 0;
    for (int q = 0; q < a.stateSlots(); q++) {
      dense[q] = a.stateAlive(q) ? k++ : -1;
    }
    n = k;
    initial = dense[LearnAutomaton.INITIAL];
    end = dense[LearnAutomaton.END];
    alphabet = a.corpus().alphabet().size();
    edges = new Edge[a.edgeCount()];
    src = new int[edges.length];
    dst = new int[edges.length];
    transition = new double[edges.length];
    denseEdge = new int[a.edgeSlots()];
    Arrays.fill(denseEdge, -1);
    int[] perSymbol = new int[alphabet];
    int i = 0;
    for (int q = 0; q < a.stateSlots(); q++) {
      if (!a.stateAlive(q)) {
        continue;
      }
      IntList out = a.out(q);
      double total = 0;
      for (int j = 0; j < out.size(); j++) {
        total += a.edge(out.get(j)).count() + 0.5;
      }
      for (int j = 0; j < out.size(); j++) {
        Edge e = a.edge(out.get(j));
        edges[i] = e;
        denseEdge[e.id()] = i;
        src[i] = dense[e.source()];
        dst[i] = dense[e.target()];
        transition[i] = -UniversalCode.log2((e.count() + 0.5) / total);
        perSymbol[e.symbol()]++;
        i++;
      }
    }
    bySymbol = new int[alphabet][];
    for (int s = 0; s < alphabet; s++) {
      bySymbol[s] = new int[perSymbol[s]];
      perSymbol[s] = 0;
    }
    for (int e = 0; e < edges.length; e++) {
      int s = edges[e].symbol();
      bySymbol[s][perSymbol[s]++] = e;
    }
  }

  /**
   * {@link org.tadam.learner.noise.Aligner#valueBits} of corpus word w, from the codes its edges
   * keep per value ({@link Edge#valueBits}): the same values, without a cell-mass lookup and a
   * logarithm per letter and edge for every candidate.
   */
  double[][] valueBits(Corpus c, int w) {
    int[] symbols = c.symbols(w);
    double[][] bits = new double[symbols.length][];
    for (int l = 0; l < symbols.length; l++) {
      int[] withSymbol = edgesWithSymbol(symbols[l]);
      double[] row = new double[withSymbol.length];
      for (int k = 0; k < row.length; k++) {
        row[k] = edges[withSymbol[k]].valueBits(c, w, l, valueFloor);
      }
      bits[l] = row;
    }
    return bits;
  }

  /** The dense index of a learner edge id (−1 for a dead edge). */
  int denseEdge(int id) {
    return denseEdge[id];
  }

  @Override
  public int states() {
    return n;
  }

  @Override
  public int initial() {
    return initial;
  }

  @Override
  public int end() {
    return end;
  }

  @Override
  public int edges() {
    return edges.length;
  }

  @Override
  public int source(int edge) {
    return src[edge];
  }

  @Override
  public int target(int edge) {
    return dst[edge];
  }

  @Override
  public int symbol(int edge) {
    return edges[edge].symbol();
  }

  @Override
  public double transitionBits(int edge) {
    return transition[edge];
  }

  @Override
  public double cellMass(int edge, int[] v) {
    return edges[edge].cellMass(v);
  }

  @Override
  public double valueFloor() {
    return valueFloor;
  }

  @Override
  public int[] edgesWithSymbol(int symbol) {
    return symbol >= 0 && symbol < bySymbol.length ? bySymbol[symbol] : new int[0];
  }

  @Override
  public int alphabetSize() {
    return alphabet;
  }
}
