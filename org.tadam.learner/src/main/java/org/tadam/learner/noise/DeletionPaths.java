package org.tadam.learner.noise;

import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * Shortest deletion paths between all states (Part A §1.6, "del"): Dijkstra from every state over
 * the edges, each costing c_del + −log2 p̂(e). For every state the other states it reaches, nearest
 * first, with their distances and the number of edges (missing letters) on the path.
 */
final class DeletionPaths {
  /** per state p: the other states reachable by deletions, nearest first */
  final int[][] nearest;
  /** per state p: the distances of {@link #nearest}, in bits, non-decreasing */
  final double[][] nearestDist;
  /** [p][q]: missing letters on the shortest path from p to q */
  final int[][] hops;

  DeletionPaths(AlignmentGraph g, double cDel) {
    int n = g.states();
    nearest = new int[n][];
    nearestDist = new double[n][];
    hops = new int[n][];
    int[][] out = outEdges(g);
    for (int q = 0; q < n; q++) {
      from(g, out, q, cDel);
    }
  }

  /** Dijkstra from one state; states are settled nearest first, which orders {@link #nearest}. */
  private void from(AlignmentGraph g, int[][] outEdges, int from, double cDel) {
    int n = g.states();
    double[] d = new double[n];
    int[] h = new int[n];
    Arrays.fill(d, Double.POSITIVE_INFINITY);
    d[from] = 0;
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
    hops[from] = h;
    nearest[from] = Arrays.copyOf(settled, count);
    nearestDist[from] = new double[count];
    for (int j = 0; j < count; j++) {
      nearestDist[from][j] = d[settled[j]];
    }
  }

  private static int[][] outEdges(AlignmentGraph g) {
    int n = g.states();
    int[] deg = new int[n];
    for (int e = 0; e < g.edges(); e++) {
      deg[g.source(e)]++;
    }
    int[][] out = new int[n][];
    for (int q = 0; q < n; q++) {
      out[q] = new int[deg[q]];
      deg[q] = 0;
    }
    for (int e = 0; e < g.edges(); e++) {
      int s = g.source(e);
      out[s][deg[s]++] = e;
    }
    return out;
  }
}
