package org.tadam.learner.stats;

import java.util.List;
import java.util.function.ObjLongConsumer;

/**
 * Sufficient statistics of the integer values on one edge: weighted count, sums, sums of products
 * (all exact in longs, so adding and removing values is exactly reversible) and the multiset of
 * distinct values (sorted, so every sum over it is computed in the same order). The sum of two
 * statistics ({@link #sum}) has its moments at once and its multiset only when first asked for:
 * a candidate merge whose value code is already known never needs it.
 */
public final class ValueStats {
  private final int d;
  private long count;
  private final long[] sum;
  private final long[] sumProduct;
  /**
   * Two fingerprints of the multiset, Σ weight × mix(value) modulo 2^64 under two mixes: exact
   * under adds, removes and sums, so that equal multisets always have equal ones.
   */
  private long print0;
  private long print1;
  /** null while this is a {@link #sum} whose multiset has not been asked for */
  private ValueCounts values;
  /** the two statistics this sum adds up while {@link #values} is null, otherwise null */
  private ValueStats[] parts;

  public ValueStats(int dimension) {
    if (dimension < 1 || dimension > 2) {
      throw new IllegalArgumentException("only 1- and 2-dimensional values are supported");
    }
    d = dimension;
    sum = new long[d];
    sumProduct = new long[d * d];
    values = new ValueCounts();
  }

  private ValueStats(ValueStats o) {
    d = o.d;
    count = o.count;
    sum = o.sum.clone();
    sumProduct = o.sumProduct.clone();
    print0 = o.print0;
    print1 = o.print1;
    values = new ValueCounts(o.values());
  }

  private ValueStats(ValueStats a, ValueStats b) {
    if (a.d != b.d) {
      throw new IllegalArgumentException("dimension " + b.d + " into " + a.d);
    }
    d = a.d;
    count = a.count + b.count;
    sum = new long[d];
    sumProduct = new long[d * d];
    for (int i = 0; i < d; i++) {
      sum[i] = a.sum[i] + b.sum[i];
    }
    for (int i = 0; i < d * d; i++) {
      sumProduct[i] = a.sumProduct[i] + b.sumProduct[i];
    }
    print0 = a.print0 + b.print0;
    print1 = a.print1 + b.print1;
    parts = new ValueStats[] {a, b};
  }

  /**
   * The statistics of the values of both (as adding every value of {@code b} to a copy of
   * {@code a}). Neither may change while the sum is in use: the search sums the statistics of an
   * edge that leaves the automaton into a new object and puts the old one back on undo.
   */
  public static ValueStats sum(ValueStats a, ValueStats b) {
    return new ValueStats(a, b);
  }

  /** The multiset of distinct values, merged from the parts of a sum when first needed. */
  private ValueCounts values() {
    if (values == null) {
      values = ValueCounts.merged(parts[0].values(), parts[1].values());
      parts = null;
    }
    return values;
  }

  public ValueStats copy() {
    return new ValueStats(this);
  }

  public static long pack(int[] v) {
    return v.length == 1 ? v[0] : ((long) v[0] << 32) | (v[1] & 0xFFFFFFFFL);
  }

  /**
   * What identifies the multiset of values: its moments and fingerprints. Two statistics with the
   * same content hold the same values unless 128 bits of fingerprint collide, which no search
   * comes near; whatever is computed from the values can be kept by content.
   */
  public record Content(long count, long sum0, long sum1, long product00, long product01,
      long product11, long print0, long print1) {
  }

  public Content content() {
    return d == 1
        ? new Content(count, sum[0], 0, sumProduct[0], 0, 0, print0, print1)
        : new Content(count, sum[0], sum[1], sumProduct[0], sumProduct[1], sumProduct[3], print0, print1);
  }

  private static long mix0(long key) {
    return finish(key ^ 0x9E3779B97F4A7C15L);
  }

  private static long mix1(long key) {
    return finish(key * 0xC2B2AE3D27D4EB4FL + 0x165667B19E3779F9L);
  }

  /** The finaliser of SplitMix64: every input bit reaches every output bit. */
  private static long finish(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  public int[] unpack(long key) {
    return d == 1 ? new int[] {(int) key} : new int[] {(int) (key >> 32), (int) key};
  }

  public void add(int[] v, long weight) {
    count += weight;
    for (int i = 0; i < d; i++) {
      sum[i] += weight * v[i];
      for (int j = 0; j < d; j++) {
        sumProduct[i * d + j] += weight * v[i] * (long) v[j];
      }
    }
    long key = pack(v);
    print0 += weight * mix0(key);
    print1 += weight * mix1(key);
    values().add(key, weight);
  }

  public void remove(int[] v, long weight) {
    count -= weight;
    for (int i = 0; i < d; i++) {
      sum[i] -= weight * v[i];
      for (int j = 0; j < d; j++) {
        sumProduct[i * d + j] -= weight * v[i] * (long) v[j];
      }
    }
    long key = pack(v);
    print0 -= weight * mix0(key);
    print1 -= weight * mix1(key);
    values().add(key, -weight);
  }

  public int dimension() {
    return d;
  }

  public long count() {
    return count;
  }

  public long sum(int i) {
    return sum[i];
  }

  public long sumProduct(int i, int j) {
    return sumProduct[i * d + j];
  }

  public int distinct() {
    return values().size();
  }

  /** The distinct values in {@link #forEach} order, appended to {@code values} and {@code weights}. */
  public void collect(List<int[]> values, List<Long> weights) {
    forEach((v, w) -> {
      values.add(v);
      weights.add(w);
    });
  }

  /** Visits the distinct values in increasing packed order with their weights. */
  public void forEach(ObjLongConsumer<int[]> visitor) {
    ValueCounts counts = values();
    long[] keys = counts.sortedKeys();
    long[] weights = counts.sortedWeights();
    for (int i = 0; i < keys.length; i++) {
      visitor.accept(unpack(keys[i]), weights[i]);
    }
  }
}
