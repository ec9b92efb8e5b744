package org.tadam.learner.noise;

import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.Set;
import org.tadam.learner.mdl.DataCodes;

/**
 * The noise-aware alignment of an observed word to a path from the initial to the end state
 * (Part A §1.6): a Viterbi programme over (letters consumed × states) with genuine transitions,
 * spurious letters (skipped, explicitly encoded), duplicated letters (re-emission of the previous
 * edge), swapped adjacent letters, and missing letters as a closure over shortest deletion paths.
 */
public final class Aligner {
  public static final int TRANSITION = 0;
  public static final int MISSING = 1;
  public static final int SPURIOUS = 2;
  public static final int DUPLICATED = 3;
  public static final int SWAPPED = 4;

  /**
   * Beam of the Viterbi programme in bits: cells worse than the best of their column by more than
   * this are dropped. Keeps long words and large automata tractable; a path that far behind at some
   * letter practically never wins.
   */
  public static final double BEAM_BITS = 64;

  private final AlignmentGraph g;
  private final Set<NoiseKind> kinds;
  private final double cTr;
  private final double cAdd;
  private final double cRe;
  private final double cInv;
  private final double[][] dist;
  private final int[][] hops;

  /** The cost of one alignment and how many operations of each kind it used. */
  public record Result(double bits, long[] operations) {
    public boolean aligned() {
      return bits < Double.POSITIVE_INFINITY;
    }
  }

  public Aligner(AlignmentGraph graph, NoiseRates rates, Set<NoiseKind> kinds) {
    this.g = graph;
    this.kinds = kinds;
    cTr = rates.transitionBits();
    cAdd = rates.spuriousBits();
    cRe = rates.duplicatedBits();
    cInv = rates.swappedBits();
    if (kinds.contains(NoiseKind.MISSING) && rates.missing() > 0) {
      int n = g.states();
      dist = new double[n][];
      hops = new int[n][];
      for (int q = 0; q < n; q++) {
        shortestPaths(q, rates.missingBits(), dist, hops);
      }
    } else {
      dist = null;
      hops = null;
    }
  }

  private void shortestPaths(int from, double cDel, double[][] dist, int[][] hops) {
    int n = g.states();
    double[] d = new double[n];
    int[] h = new int[n];
    Arrays.fill(d, Double.POSITIVE_INFINITY);
    d[from] = 0;
    int[][] outEdges = outEdges();
    PriorityQueue<double[]> queue = new PriorityQueue<>((a, b) -> a[0] != b[0]
        ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
    queue.add(new double[] {0, from});
    boolean[] done = new boolean[n];
    while (!queue.isEmpty()) {
      int q = (int) queue.poll()[1];
      if (done[q]) {
        continue;
      }
      done[q] = true;
      for (int e : outEdges[q]) {
        int t = g.target(e);
        double c = d[q] + cDel + g.transitionBits(e);
        if (c < d[t]) {
          d[t] = c;
          h[t] = h[q] + 1;
          queue.add(new double[] {c, t});
        }
      }
    }
    dist[from] = d;
    hops[from] = h;
  }

  private int[][] outCache;

  private int[][] outEdges() {
    if (outCache == null) {
      int n = g.states();
      int[] deg = new int[n];
      for (int e = 0; e < g.edges(); e++) {
        deg[g.source(e)]++;
      }
      outCache = new int[n][];
      for (int q = 0; q < n; q++) {
        outCache[q] = new int[deg[q]];
        deg[q] = 0;
      }
      for (int e = 0; e < g.edges(); e++) {
        int s = g.source(e);
        outCache[s][deg[s]++] = e;
      }
    }
    return outCache;
  }

  /**
   * The value codes a word needs, computed once per word and reused across EM rounds:
   * {@code [l][k]} = value code of letter l on the k-th edge carrying its symbol.
   */
  public static double[][] valueBits(AlignmentGraph g, int[] symbols, int[][] values) {
    double[][] bits = new double[symbols.length][];
    for (int l = 0; l < symbols.length; l++) {
      int[] edges = g.edgesWithSymbol(symbols[l]);
      bits[l] = new double[edges.length];
      for (int k = 0; k < edges.length; k++) {
        bits[l][k] = g.valueBits(edges[k], values[l]);
      }
    }
    return bits;
  }

  /** Aligns a word (symbol ids and values, the end letter included). */
  public Result align(int[] symbols, int[][] values) {
    return align(symbols, values, valueBits(g, symbols, values));
  }

  /** Aligns a word whose value codes were computed by {@link #valueBits}. */
  public Result align(int[] symbols, int[][] values, double[][] vb) {
    int n = g.states();
    int len = symbols.length;
    double inf = Double.POSITIVE_INFINITY;
    // per column l: the best cost after a letter operation (pre) and after the deletion closure
    // (post), with back-pointers; counts are recovered by walking back once at the end
    double[][] post = new double[len + 1][n];
    int[][] postFrom = new int[len + 1][n];
    byte[][] preOp = new byte[len + 1][n];
    int[][] prePrev = new int[len + 1][n];
    int[][] lastEdge = new int[len + 1][n];
    double[] pre = new double[n];
    Arrays.fill(pre, inf);
    pre[g.initial()] = 0;
    Arrays.fill(preOp[0], (byte) -1);
    Arrays.fill(lastEdge[0], -1);
    closure(pre, post[0], postFrom[0], lastEdge[0], new int[n]);
    int[] preLast = new int[n];
    for (int l = 0; l < len; l++) {
      int o = symbols[l];
      int[] d = values[l];
      double[] col = post[l];
      Arrays.fill(pre, inf);
      Arrays.fill(preLast, -1);
      byte[] op = preOp[l + 1];
      int[] prev = prePrev[l + 1];
      int[] withSymbol = g.edgesWithSymbol(o);
      for (int k = 0; k < withSymbol.length; k++) {
        int e = withSymbol[k];
        int s = g.source(e);
        if (col[s] == inf) {
          continue;
        }
        double c = col[s] + cTr + g.transitionBits(e) + vb[l][k];
        int t = g.target(e);
        if (c < pre[t]) {
          pre[t] = c;
          op[t] = TRANSITION;
          prev[t] = s;
          preLast[t] = e;
        }
      }
      if (kinds.contains(NoiseKind.SPURIOUS) && cAdd < inf) {
        double add = cAdd + DataCodes.explicitLetterBits(g.alphabetSize(), d);
        for (int q = 0; q < n; q++) {
          double c = col[q] + add;
          if (c < pre[q]) {
            pre[q] = c;
            op[q] = SPURIOUS;
            prev[q] = q;
            preLast[q] = -1;
          }
        }
      }
      if (kinds.contains(NoiseKind.DUPLICATED) && cRe < inf && l > 0 && symbols[l - 1] == o) {
        int[] last = lastEdge[l];
        for (int q = 0; q < n; q++) {
          int e = last[q];
          if (e >= 0 && col[q] < inf && g.symbol(e) == o) {
            double c = col[q] + cRe + g.reemittedValueBits(e, d);
            if (c < pre[q]) {
              pre[q] = c;
              op[q] = DUPLICATED;
              prev[q] = q;
              preLast[q] = -1;
            }
          }
        }
      }
      if (kinds.contains(NoiseKind.SWAPPED) && cInv < inf && l > 0 && symbols[l - 1] != o) {
        // observed (o_{l−1}, o_l) was emitted as e2 (symbol o_l) then e (symbol o_{l−1})
        double[] col2 = post[l - 1];
        int[] before = g.edgesWithSymbol(symbols[l - 1]);
        for (int k = 0; k < before.length; k++) {
          int e = before[k];
          for (int k2 = 0; k2 < withSymbol.length; k2++) {
            int e2 = withSymbol[k2];
            if (g.target(e2) != g.source(e) || col2[g.source(e2)] == inf) {
              continue;
            }
            double c = col2[g.source(e2)] + cInv + vb[l][k2] + vb[l - 1][k]
                + g.transitionBits(e) + g.transitionBits(e2);
            int t = g.target(e);
            if (c < pre[t]) {
              pre[t] = c;
              op[t] = SWAPPED;
              prev[t] = g.source(e2);
              preLast[t] = -1;
            }
          }
        }
      }
      closure(pre, post[l + 1], postFrom[l + 1], lastEdge[l + 1], preLast);
      prune(post[l + 1]);
    }
    double bits = post[len][g.end()];
    long[] counts = new long[5];
    if (bits < inf) {
      int q = g.end();
      int l = len;
      while (true) {
        int p = postFrom[l][q];
        if (p != q) {
          counts[MISSING] += hops[p][q];
          q = p;
        }
        if (l == 0) {
          break;
        }
        byte kind = preOp[l][q];
        counts[kind]++;
        int before = prePrev[l][q];
        l -= kind == SWAPPED ? 2 : 1;
        q = before;
      }
    }
    return new Result(bits, counts);
  }

  private static void prune(double[] col) {
    double best = Double.POSITIVE_INFINITY;
    for (double c : col) {
      best = Math.min(best, c);
    }
    double limit = best + BEAM_BITS;
    for (int q = 0; q < col.length; q++) {
      if (col[q] > limit) {
        col[q] = Double.POSITIVE_INFINITY;
      }
    }
  }

  /** post = pre improved by shortest deletion paths; from = where each best value came from. */
  private void closure(double[] pre, double[] post, int[] from, int[] last, int[] preLast) {
    int n = pre.length;
    for (int q = 0; q < n; q++) {
      post[q] = pre[q];
      from[q] = q;
      last[q] = preLast[q];
    }
    if (dist == null) {
      return;
    }
    double best = Double.POSITIVE_INFINITY;
    for (double c : pre) {
      best = Math.min(best, c);
    }
    double limit = best + BEAM_BITS;
    for (int p = 0; p < n; p++) {
      if (pre[p] > limit) {
        continue;
      }
      double[] dp = dist[p];
      for (int q = 0; q < n; q++) {
        if (p != q) {
          double c = pre[p] + dp[q];
          if (c < post[q]) {
            post[q] = c;
            from[q] = p;
            last[q] = -1;
          }
        }
      }
    }
  }
}
