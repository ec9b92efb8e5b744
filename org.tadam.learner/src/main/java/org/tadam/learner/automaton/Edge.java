package org.tadam.learner.automaton;

import java.util.Arrays;
import org.tadam.learner.mdl.DataCodes;
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
  /** replaced, not changed, when all letters of an edge move at once ({@link LearnAutomaton#moveAllOccurrences}) */
  ValueStats stats;
  long[] occurrences = new long[4];
  int occurrenceCount;
  /**
   * the edge that took this edge's letters in a merge that can still be undone, whose letters
   * still name this one (−1: none; {@link LearnAutomaton#moveAllOccurrences})
   */
  int forward = -1;
  /** whether some letters' slots do not give their index in {@link #occurrences} yet */
  boolean slotsStale;
  /**
   * the letters this edge took in merges that can still be undone, after its own, not copied yet
   * ({@link LearnAutomaton#moveAllOccurrences}); null: none
   */
  LetterRope absorbed;
  Gaussian gaussian;
  /** null until a mass is asked for: most edges a candidate touches are never aligned against */
  CellMassCache cellCache;
  /**
   * per value of this edge's symbol ({@link Corpus#valueId}), its value code; NaN: not computed
   * yet, null: none yet. The noise EM needs the codes of every unparsed word under every
   * candidate, and most candidates leave most edges alone. By value, not by word: a word's row is
   * then an array read per letter (a table over the corpus words took an allocation of the
   * corpus's size per touched edge and a hash lookup per letter to fill).
   */
  double[] idBits;
  double valueBits = Double.NaN;
  double parameterBits = Double.NaN;
  /** the journal generation in which this edge's caches were last saved for undo (LearnAutomaton) */
  int savedIn = -1;
  /**
   * the journal generation in which this edge was made while a journal was open (−1: otherwise):
   * any rollback that undoes a change made to it in that generation removes it too
   * (LearnAutomaton.addOccurrence)
   */
  int madeIn = -1;

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
    occurrenceCount = o.occurrenceCount();
    occurrences = new long[Math.max(4, occurrenceCount)];
    for (int i = 0; i < occurrenceCount; i++) {
      occurrences[i] = o.occurrence(i);
    }
    forward = o.forward;
    slotsStale = o.slotsStale || o.absorbed != null;
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
    return occurrenceCount + (absorbed == null ? 0 : absorbed.size);
  }

  public long occurrence(int i) {
    if (i < occurrenceCount) {
      return occurrences[i];
    }
    if (absorbed != null && i - occurrenceCount < absorbed.size) {
      return absorbed.get(i - occurrenceCount, false);
    }
    throw new IndexOutOfBoundsException("letter " + i + " of " + occurrenceCount());
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

  /**
   * The value code −log2 max(P(v|e), floor) of letter l of word w (its symbol must be this
   * edge's), kept by value until the statistics change. The floor must be the same at every call
   * (one scorer per automaton).
   */
  public double valueBits(Corpus c, int w, int l, double floor) {
    double[] table = idBits;
    if (table == null) {
      table = new double[c.distinctValues(symbol)];
      Arrays.fill(table, Double.NaN);
      idBits = table;
    }
    int id = c.valueId(w, l);
    double bits = table[id];
    if (Double.isNaN(bits)) {
      bits = DataCodes.matchedValueBits(cellMass(c.value(w, l)), floor);
      table[id] = bits;
    }
    return bits;
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
