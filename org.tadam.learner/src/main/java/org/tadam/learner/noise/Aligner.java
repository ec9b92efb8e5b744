package org.tadam.learner.noise;

import java.util.Arrays;
import java.util.Set;
import org.tadam.learner.mdl.DataCodes;

/**
 * The noise-aware alignment of an observed word to a path from the initial to the end state
 * (Part A §1.6): a Viterbi programme over (letters consumed × states) with genuine transitions,
 * spurious letters (skipped, explicitly encoded), duplicated letters (re-emission of the previous
 * edge), swapped adjacent letters, and missing letters as a closure over shortest deletion paths.
 * An instance keeps scratch space between words: use one per thread.
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

  /**
   * A source of the deletion closure is skipped when a cheaper source already reaches its cell for
   * more than this many bits less: by the triangle inequality of shortest paths that source then
   * reaches every cell strictly cheaper too, so the skipped one could not win, nor tie, anywhere.
   * The margin only has to exceed the rounding of the sums compared (below 1e-9 bits for costs of
   * a few ten thousand bits), so that the closure stays bit-identical to trying every source.
   */
  static final double DOMINANCE_BITS = 1e-6;

  /**
   * How far above a ceiling ({@link #align(int[], int[][], double[][], double[], double)}) a cell's
   * cost plus its {@link RemainingBits} bound must be for the cell to be dropped: far above the
   * rounding of those sums, so that no cell of an alignment within the ceiling is ever dropped.
   */
  static final double CEILING_MARGIN_BITS = 1e-6;

  private final AlignmentGraph g;
  private final double cTr;
  private final double cAdd;
  private final double cRe;
  private final double cInv;
  private final DeletionPaths paths;
  // the graph's edges as plain arrays: the programme reads them for every letter
  private final int[] src;
  private final int[] dst;
  private final int[] sym;
  private final double[] tb;
  private final boolean spurious;
  private final boolean duplicated;
  private final boolean swapped;
  // scratch columns of the Viterbi programme, reused from word to word (so one instance per thread)
  private double[] post;
  private int[] postFrom;
  private byte[] preOp;
  private int[] prePrev;
  private int[] lastEdge;
  // the column being built: pre is +∞ except at the touched states, and is reset after each column
  private final double[] pre;
  private final int[] preLast;
  private final int[] touched;
  private int touchedCount;
  // the finite cells of the last column written
  private final int[] live;
  private int liveCount;
  // per column, a lower bound of the letters still to consume (RemainingBits), when a ceiling is set
  private double[] remaining = new double[0];
  private double ceiling = Double.POSITIVE_INFINITY;
  // per symbol, built on first use: its edges grouped by target state, for swapped letters
  private final int[][] intoStart;
  private final int[][] intoRank;

  /** The cost of one alignment and how many operations of each kind it used. */
  public record Result(double bits, long[] operations) {
    public boolean aligned() {
      return bits < Double.POSITIVE_INFINITY;
    }
  }

  public Aligner(AlignmentGraph graph, AlignmentRates rates, Set<NoiseKind> kinds) {
    this.g = graph;
    cTr = rates.transitionBits();
    cAdd = rates.spuriousBits();
    cRe = rates.duplicatedBits();
    cInv = rates.swappedBits();
    spurious = kinds.contains(NoiseKind.SPURIOUS) && cAdd < Double.POSITIVE_INFINITY;
    duplicated = kinds.contains(NoiseKind.DUPLICATED) && cRe < Double.POSITIVE_INFINITY;
    swapped = kinds.contains(NoiseKind.SWAPPED) && cInv < Double.POSITIVE_INFINITY;
    paths = kinds.contains(NoiseKind.MISSING) && rates.missing() > 0
        ? new DeletionPaths(g, rates.missingBits()) : null;
    int n = g.states();
    int m = g.edges();
    src = new int[m];
    dst = new int[m];
    sym = new int[m];
    tb = new double[m];
    for (int e = 0; e < m; e++) {
      src[e] = g.source(e);
      dst[e] = g.target(e);
      sym[e] = g.symbol(e);
      tb[e] = g.transitionBits(e);
    }
    pre = new double[n];
    Arrays.fill(pre, Double.POSITIVE_INFINITY);
    preLast = new int[n];
    Arrays.fill(preLast, -1);
    touched = new int[n];
    live = new int[n];
    intoStart = new int[g.alphabetSize()][];
    intoRank = new int[g.alphabetSize()][];
  }

  /** Whether any noise operation is on: without one, the only alignment is the exact path. */
  public boolean anyNoise() {
    return spurious || duplicated || swapped || paths != null;
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

  /**
   * The explicit code of each letter of a word (what a spurious letter costs besides the rate),
   * computed once per word and reused across EM rounds.
   */
  public static double[] letterBits(int alphabet, int[][] values) {
    double[] bits = new double[values.length];
    for (int l = 0; l < values.length; l++) {
      bits[l] = DataCodes.explicitLetterBits(alphabet, values[l]);
    }
    return bits;
  }

  /** Aligns a word (symbol ids and values, the end letter included). */
  public Result align(int[] symbols, int[][] values) {
    return align(symbols, values, valueBits(g, symbols, values));
  }

  /** Aligns a word whose value codes were computed by {@link #valueBits}. */
  public Result align(int[] symbols, int[][] values, double[][] vb) {
    return align(symbols, values, vb, letterBits(g.alphabetSize(), values));
  }

  /**
   * Aligns a word whose value and explicit letter codes were computed by {@link #valueBits} and
   * {@link #letterBits}. Only the finite cells of each column are visited; the result, operation
   * counts included, is that of the dense programme over all states (same sums, same ties: the
   * earlier edge, the cell's own letter operation before a deletion path, the lower-numbered source
   * among equal deletion paths).
   */
  public Result align(int[] symbols, int[][] values, double[][] vb, double[] letterBits) {
    return align(symbols, values, vb, letterBits, Double.POSITIVE_INFINITY);
  }

  /**
   * As {@link #align(int[], int[][], double[][], double[])}, dropping every cell from which no
   * alignment can end at or below {@code ceiling} (its cost plus the {@link RemainingBits} bound
   * of the letters left is above it): when the alignment without a ceiling costs at most
   * {@code ceiling} it is the one returned, operation counts included (its cells and everything
   * that competed with them are kept); otherwise the result costs more than {@code ceiling},
   * possibly +∞. The caller knows a cost the word gets in any case (its explicit code, or an
   * alignment under nearby rates) and needs nothing above it.
   */
  public Result align(int[] symbols, int[][] values, double[][] vb, double[] letterBits,
      double ceiling) {
    this.ceiling = ceiling;
    if (ceiling < Double.POSITIVE_INFINITY) {
      if (remaining.length < symbols.length + 1) {
        remaining = new double[Math.max(symbols.length + 1, 2 * remaining.length)];
      }
      RemainingBits.fill(remaining, symbols, vb, letterBits, g, tb, cTr,
          spurious ? cAdd : Double.POSITIVE_INFINITY, duplicated ? cRe : Double.POSITIVE_INFINITY,
          swapped ? cInv : Double.POSITIVE_INFINITY);
    }
    int n = g.states();
    int len = symbols.length;
    double inf = Double.POSITIVE_INFINITY;
    ensureCapacity((len + 1) * n);
    double[] post = this.post;
    byte[] preOp = this.preOp;
    int[] prePrev = this.prePrev;
    int[] lastEdge = this.lastEdge;
    touch(g.initial(), 0, -1);
    closure(0, inf, 0);
    for (int l = 0; l < len; l++) {
      int o = symbols[l];
      int[] d = values[l];
      int col = l * n;
      int next = col + n;
      int[] withSymbol = g.edgesWithSymbol(o);
      for (int k = 0; k < withSymbol.length; k++) {
        int e = withSymbol[k];
        int s = src[e];
        double from = post[col + s];
        if (from == inf) {
          continue;
        }
        double c = from + cTr + tb[e] + vb[l][k];
        int t = dst[e];
        if (c < pre[t]) {
          touch(t, c, e);
          preOp[next + t] = TRANSITION;
          prePrev[next + t] = s;
        }
      }
      if (spurious) {
        double add = cAdd + letterBits[l];
        for (int i = 0; i < liveCount; i++) {
          int q = live[i];
          double c = post[col + q] + add;
          if (c < pre[q]) {
            touch(q, c, -1);
            preOp[next + q] = SPURIOUS;
            prePrev[next + q] = q;
          }
        }
      }
      if (duplicated && l > 0 && symbols[l - 1] == o) {
        for (int i = 0; i < liveCount; i++) {
          int q = live[i];
          int e = lastEdge[col + q];
          if (e >= 0 && sym[e] == o) {
            double c = post[col + q] + cRe + g.reemittedValueBits(e, d);
            if (c < pre[q]) {
              touch(q, c, -1);
              preOp[next + q] = DUPLICATED;
              prePrev[next + q] = q;
            }
          }
        }
      }
      if (swapped && l > 0 && symbols[l - 1] != o && withSymbol.length > 0) {
        // observed (o_{l−1}, o_l) was emitted as e2 (symbol o_l) then e (symbol o_{l−1})
        int col2 = col - n;
        int[] before = g.edgesWithSymbol(symbols[l - 1]);
        int[] start = into(o);
        int[] rank = intoRank[o];
        for (int k = 0; k < before.length; k++) {
          int e = before[k];
          int se = src[e];
          // the edges e2 into se, in the order of withSymbol
          for (int i = start[se]; i < start[se + 1]; i++) {
            int k2 = rank[i];
            int e2 = withSymbol[k2];
            double from = post[col2 + src[e2]];
            if (from == inf) {
              continue;
            }
            double c = from + cInv + vb[l][k2] + vb[l - 1][k]
                + tb[e] + tb[e2];
            int t = dst[e];
            if (c < pre[t]) {
              touch(t, c, -1);
              preOp[next + t] = SWAPPED;
              prePrev[next + t] = src[e2];
            }
          }
        }
      }
      closure(next, BEAM_BITS, l + 1);
    }
    double bits = post[len * n + g.end()];
    long[] counts = new long[5];
    if (bits < inf) {
      int q = g.end();
      int l = len;
      while (true) {
        int p = postFrom[l * n + q];
        if (p != q) {
          counts[MISSING] += paths.hops[p][q];
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

  /**
   * The edges carrying symbol o grouped by target state: those into state t are
   * {@code withSymbol[intoRank[o][i]]} for i from {@code start[t]} to {@code start[t + 1]}, in the
   * order of {@code g.edgesWithSymbol(o)} (so ties go as in a pass over all of them).
   */
  private int[] into(int o) {
    int[] start = intoStart[o];
    if (start == null) {
      int n = g.states();
      int[] withSymbol = g.edgesWithSymbol(o);
      start = new int[n + 1];
      for (int e : withSymbol) {
        start[dst[e] + 1]++;
      }
      for (int t = 0; t < n; t++) {
        start[t + 1] += start[t];
      }
      int[] fill = Arrays.copyOf(start, n);
      int[] rank = new int[withSymbol.length];
      for (int k = 0; k < withSymbol.length; k++) {
        rank[fill[dst[withSymbol[k]]]++] = k;
      }
      intoStart[o] = start;
      intoRank[o] = rank;
    }
    return start;
  }

  /** Lowers pre[q] to c, reached by edge e (−1: noise). */
  private void touch(int q, double c, int e) {
    if (pre[q] == Double.POSITIVE_INFINITY) {
      touched[touchedCount++] = q;
    }
    pre[q] = c;
    preLast[q] = e;
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

  /**
   * Writes column {@code offset} of post: pre improved by shortest deletion paths, with where each
   * value came from and the edge that emitted its last letter (−1 after a deletion or noise); then
   * drops the cells worse than the column's best by more than {@code beam} (the column's best is
   * pre's, as deletions only add bits), lists the finite cells in {@link #live} and clears pre.
   * Deletion paths ending above that limit are not followed: they would be dropped anyway. Under
   * a ceiling the limit is also the ceiling less the bound of the letters after column
   * {@code column}.
   */
  private void closure(int offset, double beam, int column) {
    int n = g.states();
    double inf = Double.POSITIVE_INFINITY;
    double[] post = this.post;
    double[] pre = this.pre;
    int[] touched = this.touched;
    int touchedCount = this.touchedCount;
    Arrays.fill(post, offset, offset + n, inf);
    double best = inf;
    for (int i = 0; i < touchedCount; i++) {
      int q = touched[i];
      double c = pre[q];
      best = Math.min(best, c);
      post[offset + q] = c;
      postFrom[offset + q] = q;
      lastEdge[offset + q] = preLast[q];
    }
    double limit = best + beam;
    if (ceiling < inf) {
      limit = Math.min(limit, ceiling + CEILING_MARGIN_BITS - remaining[column]);
    }
    liveCount = 0;
    if (paths != null) {
      relax(offset, limit);
    }
    int count = liveCount;
    for (int i = 0; i < touchedCount; i++) {
      int q = touched[i];
      if (post[offset + q] > limit) {
        post[offset + q] = inf;
      } else {
        live[count++] = q;
      }
      pre[q] = inf;
      preLast[q] = -1;
    }
    liveCount = count;
    this.touchedCount = 0;
  }

  /**
   * The deletion closure: every source p (a touched state with pre[p] within the limit) offers
   * pre[p] + dist(p, q) to the states q it reaches, nearest first until the limit. Ties go as in a
   * pass over the sources in state order: the cell's own pre value first, then the lowest-numbered
   * source; so the sources may come in any order, and come in the one they were touched in, which
   * lets most of them be found dominated ({@link #DOMINANCE_BITS}) and skipped: first the targets
   * of transitions (few, and usually the cheapest), then the cells of spurious letters (the
   * previous column shifted by one letter's explicit code, which the cheap ones dominate). Cells
   * reached from +∞ are appended to {@link #live}.
   */
  private void relax(int offset, double limit) {
    for (int i = 0; i < touchedCount; i++) {
      int p = touched[i];
      if (pre[p] <= limit) {
        relaxFrom(p, offset, limit);
      }
    }
  }

  private void relaxFrom(int p, int offset, double limit) {
    double from = pre[p];
    double[] post = this.post;
    if (post[offset + p] < from - DOMINANCE_BITS) {
      return;
    }
    int[] postFrom = this.postFrom;
    int[] to = paths.nearest[p];
    double[] dp = paths.nearestDist[p];
    int count = liveCount;
    for (int j = 0; j < to.length; j++) {
      double c = from + dp[j];
      if (c > limit) {
        break;
      }
      int q = to[j];
      int cell = offset + q;
      double cur = post[cell];
      if (c < cur || c == cur && postFrom[cell] != q && p < postFrom[cell]) {
        if (cur == Double.POSITIVE_INFINITY) {
          live[count++] = q;
        }
        post[cell] = c;
        postFrom[cell] = p;
        lastEdge[cell] = -1;
      }
    }
    liveCount = count;
  }
}
