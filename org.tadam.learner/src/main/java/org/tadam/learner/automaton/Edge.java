package org.tadam.learner.automaton;

import org.tadam.learner.stats.CellMassCache;
import org.tadam.learner.stats.Gaussian;
import org.tadam.learner.stats.ValueStats;

/**
 * An edge of the learned automaton with its sufficient statistics: the letter occurrences it
 * explains (packed word/position, in a list whose order an undo restores exactly), the value
 * statistics, and cached costs that are invalidated when the statistics change.
 */
public final class Edge {
  final int id;
  int source;
  int target;
  final int symbol;
  /** Edges of one family are parallel variants made by an edge split; they are never re-merged. */
  int family;
  boolean alive = true;
  final ValueStats stats;
  long[] occurrences = new long[4];
  int occurrenceCount;
  Gaussian gaussian;
  /** null until a mass is asked for: most edges a candidate touches are never aligned against */
  CellMassCache cellCache;
  double valueBits = Double.NaN;
  double parameterBits = Double.NaN;
  /** the journal generation in which this edge's caches were last saved for undo (LearnAutomaton) */
  int savedIn = -1;

  Edge(int id, int source, int target, int symbol, int family, int dimension) {
    this.id = id;
    this.source = source;
    this.target = target;
    this.symbol = symbol;
    this.family = family;
    this.stats = new ValueStats(dimension);
  }

  Edge(Edge o) {
    id = o.id;
    source = o.source;
    target = o.target;
    symbol = o.symbol;
    family = o.family;
    alive = o.alive;
    stats = o.stats.copy();
    occurrences = o.occurrences.clone();
    occurrenceCount = o.occurrenceCount;
    gaussian = o.gaussian;
    cellCache = o.cellCache == null ? null : new CellMassCache(o.cellCache);
    valueBits = o.valueBits;
    parameterBits = o.parameterBits;
  }

  public int id() {
    return id;
  }

  public int source() {
    return source;
  }

  public int target() {
    return target;
  }

  public int symbol() {
    return symbol;
  }

  public int family() {
    return family;
  }

  public boolean alive() {
    return alive;
  }

  public ValueStats stats() {
    return stats;
  }

  /** Weighted number of letters on this edge. */
  public long count() {
    return stats.count();
  }

  public int occurrenceCount() {
    return occurrenceCount;
  }

  public long occurrence(int i) {
    return occurrences[i];
  }

  public static int word(long occurrence) {
    return (int) (occurrence >>> 20);
  }

  public static int position(long occurrence) {
    return (int) (occurrence & 0xFFFFF);
  }

  static long pack(int word, int position) {
    return ((long) word << 20) | position;
  }

  /** The fitted value distribution (cached until the statistics change). */
  public Gaussian gaussian() {
    Gaussian g = gaussian;
    if (g == null) {
      g = Gaussian.fit(stats);
      gaussian = g;
    }
    return g;
  }

  /** Unit-cell probability of a value, cached per edge. */
  public double cellMass(int[] v) {
    long key = ValueStats.pack(v);
    if (cellCache == null) {
      cellCache = new CellMassCache();
    }
    double p = cellCache.get(key);
    if (Double.isNaN(p)) {
      p = gaussian().cellMass(v);
      cellCache.put(key, p);
    }
    return p;
  }
}
