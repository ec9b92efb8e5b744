package org.tadam.learner.noise;

import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.Set;
import org.tadam.learner.mdl.DataCodes;

/**
 * The test oracle for {@link Aligner}: the noise-aware alignment as it was first written, a dense
 * Viterbi programme that visits every state in every column and closes each column over every
 * source. Slow but plain; the aligner must give the same bits and operation counts.
 */
final class ReferenceAligner {
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
  private final double cTr;
  private final double cAdd;
  private final double cRe;
  private final double cInv;
  private final double[][] dist;
  private final int[][] hops;
  // per state p: the other states reachable by deletions, nearest first, and their distances
  private final int[][] nearest;
  private final double[][] nearestDist;
  private final boolean spurious;
  private final boolean duplicated;
  private final boolean swapped;
  // scratch columns of the Viterbi programme, reused from word to word (so one instance per thread)
  private double[] post;
  private int[] postFrom;
  private byte[] preOp;
  private int[] prePrev;
  private int[] lastEdge;

  /** The cost of one alignment and how many operations of each kind it used. */
  public record Result(double bits, long[] operations) {
    public boolean aligned() {
      return bits < Double.POSITIVE_INFINITY;
    }
  }

  ReferenceAligner(AlignmentGraph graph, AlignmentRates rates, Set<NoiseKind> kinds) {
    this.g = graph;
    cTr = rates.transitionBits();
    cAdd = rates.spuriousBits();
    cRe = rates.duplicatedBits();
    cInv = rates.swappedBits();
    spurious = kinds.contains(NoiseKind.SPURIOUS) && cAdd < Double.POSITIVE_INFINITY;
    duplicated = kinds.contains(NoiseKind.DUPLICATED) && cRe < Double.POSITIVE_INFINITY;
    swapped = kinds.contains(NoiseKind.SWAPPED) && cInv < Double.POSITIVE_INFINITY;
    if (kinds.contains(NoiseKind.MISSING) && rates.missing() > 0) {
      int n = g.states();
      dist = new double[n][];
      hops = new int[n][];
      nearest = new int[n][];
      nearestDist = new double[n][];
      for (int q = 0; q < n; q++) {
        shortestPaths(q, rates.missingBits());
      }
    } else {
      dist = null;
      hops = null;
      nearest = null;
      nearestDist = null;
    }
  }

  /** Dijkstra from one state; states are settled nearest first, which orders {@link #nearest}. */
  private void shortestPaths(int from, double cDel) {
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
    int[] settled = new int[n];
    int count = 0;
    while (!queue.isEmpty()) {
      int q = (int) queue.poll()[1];
      if (done[q]) {
        continue;
      }
      done[q] = true;
      if (q != from) {
        settled[count++] = q;
      }
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
    nearest[from] = Arrays.copyOf(settled, count);
    nearestDist[from] = new double[count];
    for (int j = 0; j < count; j++) {
      nearestDist[from][j] = d[settled[j]];
    }
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
    ensureCapacity((len + 1) * n);
    // per column l (offset l·n): the best cost after a letter operation (pre) and after the
    // deletion closure (post), with back-pointers; counts are recovered by one walk back at the end
    double[] post = this.post;
    int[] postFrom = this.postFrom;
    byte[] preOp = this.preOp;
    int[] prePrev = this.prePrev;
    int[] lastEdge = this.lastEdge;
    double[] pre = new double[n];
    int[] preLast = new int[n];
    Arrays.fill(pre, inf);
    Arrays.fill(preLast, -1);
    pre[g.initial()] = 0;
    closure(pre, preLast, 0, Double.POSITIVE_INFINITY);
    for (int l = 0; l < len; l++) {
      int o = symbols[l];
      int[] d = values[l];
      int col = l * n;
      int next = col + n;
      Arrays.fill(pre, inf);
      Arrays.fill(preLast, -1);
      int[] withSymbol = g.edgesWithSymbol(o);
      for (int k = 0; k < withSymbol.length; k++) {
        int e = withSymbol[k];
        int s = g.source(e);
        double from = post[col + s];
        if (from == inf) {
          continue;
        }
        double c = from + cTr + g.transitionBits(e) + vb[l][k];
        int t = g.target(e);
        if (c < pre[t]) {
          pre[t] = c;
          preOp[next + t] = TRANSITION;
          prePrev[next + t] = s;
          preLast[t] = e;
        }
      }
      if (spurious) {
        double add = cAdd + DataCodes.explicitLetterBits(g.alphabetSize(), d);
        for (int q = 0; q < n; q++) {
          double c = post[col + q] + add;
          if (c < pre[q]) {
            pre[q] = c;
            preOp[next + q] = SPURIOUS;
            prePrev[next + q] = q;
            preLast[q] = -1;
          }
        }
      }
      if (duplicated && l > 0 && symbols[l - 1] == o) {
        for (int q = 0; q < n; q++) {
          int e = lastEdge[col + q];
          double from = post[col + q];
          if (e >= 0 && from < inf && g.symbol(e) == o) {
            double c = from + cRe + g.reemittedValueBits(e, d);
            if (c < pre[q]) {
              pre[q] = c;
              preOp[next + q] = DUPLICATED;
              prePrev[next + q] = q;
              preLast[q] = -1;
            }
          }
        }
      }
      if (swapped && l > 0 && symbols[l - 1] != o) {
        // observed (o_{l−1}, o_l) was emitted as e2 (symbol o_l) then e (symbol o_{l−1})
        int col2 = col - n;
        int[] before = g.edgesWithSymbol(symbols[l - 1]);
        for (int k = 0; k < before.length; k++) {
          int e = before[k];
          int se = g.source(e);
          for (int k2 = 0; k2 < withSymbol.length; k2++) {
            int e2 = withSymbol[k2];
            if (g.target(e2) != se) {
              continue;
            }
            double from = post[col2 + g.source(e2)];
            if (from == inf) {
              continue;
            }
            double c = from + cInv + vb[l][k2] + vb[l - 1][k]
                + g.transitionBits(e) + g.transitionBits(e2);
            int t = g.target(e);
            if (c < pre[t]) {
              pre[t] = c;
              preOp[next + t] = SWAPPED;
              prePrev[next + t] = g.source(e2);
              preLast[t] = -1;
            }
          }
        }
      }
      closure(pre, preLast, next, BEAM_BITS);
      prune(post, next, n);
    }
    double bits = post[len * n + g.end()];
    long[] counts = new long[5];
    if (bits < inf) {
      int q = g.end();
      int l = len;
      while (true) {
        int p = postFrom[l * n + q];
        if (p != q) {
          counts[MISSING] += hops[p][q];
          q = p;
        }
        if (l == 0) {
          break;
        }
        byte kind = preOp[l * n + q];
        counts[kind]++;
        int before = prePrev[l * n + q];
        l -= kind == SWAPPED ? 2 : 1;
        q = before;
      }
    }
    return new Result(bits, counts);
  }

  private void ensureCapacity(int cells) {
    if (post == null || post.length < cells) {
      int size = Math.max(cells, post == null ? 0 : 2 * post.length);
      post = new double[size];
      postFrom = new int[size];
      preOp = new byte[size];
      prePrev = new int[size];
      lastEdge = new int[size];
    }
  }

  private static void prune(double[] post, int offset, int n) {
    double best = Double.POSITIVE_INFINITY;
    for (int q = offset; q < offset + n; q++) {
      best = Math.min(best, post[q]);
    }
    double limit = best + BEAM_BITS;
    for (int q = offset; q < offset + n; q++) {
      if (post[q] > limit) {
        post[q] = Double.POSITIVE_INFINITY;
      }
    }
  }

  /**
   * Column {@code offset} of post = pre improved by shortest deletion paths, with where each best
   * value came from and the edge that emitted its last letter (−1 after a deletion or noise).
   * Improvements worse than the best of pre by more than {@code beam} are not made: the prune
   * that follows drops such cells anyway, so the column's finite values are the same.
   */
  private void closure(double[] pre, int[] preLast, int offset, double beam) {
    int n = pre.length;
    for (int q = 0; q < n; q++) {
      post[offset + q] = pre[q];
      postFrom[offset + q] = q;
      lastEdge[offset + q] = preLast[q];
    }
    if (dist == null) {
      return;
    }
    double best = Double.POSITIVE_INFINITY;
    for (double c : pre) {
      best = Math.min(best, c);
    }
    double limit = best + beam;
    for (int p = 0; p < n; p++) {
      double from = pre[p];
      if (from > limit || from == Double.POSITIVE_INFINITY) {
        continue;
      }
      int[] to = nearest[p];
      double[] dp = nearestDist[p];
      for (int j = 0; j < to.length; j++) {
        double c = from + dp[j];
        if (c > limit) {
          break;
        }
        int q = to[j];
        if (c < post[offset + q]) {
          post[offset + q] = c;
          postFrom[offset + q] = p;
          lastEdge[offset + q] = -1;
        }
      }
    }
  }
}
