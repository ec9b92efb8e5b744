package org.tadam.learner.noise;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A random alignment graph for property tests: every state lies on a path from the initial state
 * to the end state, symbols come from a small alphabet, and transition and value codes come from
 * a few round values so that equal-cost alternatives (ties) are frequent.
 */
final class RandomGraph implements AlignmentGraph {
  private final int n;
  private final int[] src;
  private final int[] dst;
  private final int[] sym;
  private final double[] transition;
  private final double[] massScale;
  private final int[][] bySymbol;
  private final int alphabet;

  RandomGraph(Random rnd, int states, int extraEdges, int alphabet) {
    this.n = states;
    this.alphabet = alphabet;
    List<int[]> edges = new ArrayList<>();
    // a chain through every state keeps them all on an initial-to-end path; state 1 is the end
    int prev = 0;
    for (int q = 2; q < states; q++) {
      edges.add(new int[] {prev, q, 1 + rnd.nextInt(alphabet - 1)});
      prev = q;
    }
    edges.add(new int[] {prev, 1, 0});
    for (int i = 0; i < extraEdges; i++) {
      int s = rnd.nextInt(states);
      if (s == 1) {
        continue;
      }
      int t = rnd.nextInt(states);
      edges.add(new int[] {s, t, t == 1 ? 0 : 1 + rnd.nextInt(alphabet - 1)});
    }
    int m = edges.size();
    src = new int[m];
    dst = new int[m];
    sym = new int[m];
    transition = new double[m];
    massScale = new double[m];
    int[] perSymbol = new int[alphabet];
    for (int e = 0; e < m; e++) {
      src[e] = edges.get(e)[0];
      dst[e] = edges.get(e)[1];
      sym[e] = edges.get(e)[2];
      transition[e] = 0.5 * rnd.nextInt(5);
      massScale[e] = 1 + rnd.nextInt(3);
      perSymbol[sym[e]]++;
    }
    bySymbol = new int[alphabet][];
    for (int s = 0; s < alphabet; s++) {
      bySymbol[s] = new int[perSymbol[s]];
      perSymbol[s] = 0;
    }
    for (int e = 0; e < m; e++) {
      bySymbol[sym[e]][perSymbol[sym[e]]++] = e;
    }
  }

  /** A word of the graph's alphabet ending with the end letter, with small values. */
  int[] word(Random rnd, int length) {
    int[] w = new int[length];
    for (int i = 0; i < length - 1; i++) {
      w[i] = 1 + rnd.nextInt(alphabet - 1);
    }
    return w;
  }

  /** Each noise kind kept with probability 3/4. */
  static Set<NoiseKind> kinds(Random rnd) {
    Set<NoiseKind> kinds = EnumSet.noneOf(NoiseKind.class);
    for (NoiseKind k : NoiseKind.values()) {
      if (rnd.nextInt(4) > 0) {
        kinds.add(k);
      }
    }
    return kinds;
  }

  /** Arbitrary rates, the transition the likeliest (rounding, no exact ties). */
  static AlignmentRates rates(Random rnd) {
    double[] p = new double[5];
    double total = 0;
    for (int i = 0; i < 5; i++) {
      p[i] = i == 0 ? 3 + rnd.nextDouble() : rnd.nextDouble();
      total += p[i];
    }
    return new AlignmentRates(p[0] / total, p[1] / total, p[2] / total, p[3] / total, p[4] / total);
  }

  static int[][] values(Random rnd, int length) {
    int[][] v = new int[length][];
    for (int i = 0; i < length; i++) {
      v[i] = new int[] {rnd.nextInt(4), rnd.nextInt(3)};
    }
    v[length - 1] = new int[] {0, 0};
    return v;
  }

  @Override
  public int states() {
    return n;
  }

  @Override
  public int initial() {
    return 0;
  }

  @Override
  public int end() {
    return 1;
  }

  @Override
  public int edges() {
    return src.length;
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
    return sym[edge];
  }

  @Override
  public double transitionBits(int edge) {
    return transition[edge];
  }

  @Override
  public double cellMass(int edge, int[] v) {
    // powers of two, some below the floor, one zero (an impossible re-emission)
    int k = v[0] + v[1];
    return k == 5 ? 0 : Math.pow(2, -massScale[edge] * 3 * k);
  }

  @Override
  public double valueFloor() {
    return 1.0 / 1024;
  }

  @Override
  public int[] edgesWithSymbol(int symbol) {
    return symbol >= 0 && symbol < alphabet ? bySymbol[symbol] : new int[0];
  }

  @Override
  public int alphabetSize() {
    return alphabet;
  }
}
