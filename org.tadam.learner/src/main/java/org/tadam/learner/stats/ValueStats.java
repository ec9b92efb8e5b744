package org.tadam.learner.stats;

import java.util.List;
import java.util.function.ObjLongConsumer;

/**
 * Sufficient statistics of the integer values on one edge: weighted count, sums, sums of products
 * (all exact in longs, so adding and removing values is exactly reversible) and the multiset of
 * distinct values (sorted, so every sum over it is computed in the same order).
 */
public final class ValueStats {
  private final int d;
  private long count;
  private final long[] sum;
  private final long[] sumProduct;
  private final ValueCounts values;

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
    values = new ValueCounts(o.values);
  }

  public ValueStats copy() {
    return new ValueStats(this);
  }

  public static long pack(int[] v) {
    return v.length == 1 ? v[0] : ((long) v[0] << 32) | (v[1] & 0xFFFFFFFFL);
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
    values.add(pack(v), weight);
  }

  public void remove(int[] v, long weight) {
    count -= weight;
    for (int i = 0; i < d; i++) {
      sum[i] -= weight * v[i];
      for (int j = 0; j < d; j++) {
        sumProduct[i * d + j] -= weight * v[i] * (long) v[j];
      }
    }
    values.add(pack(v), -weight);
  }

  /** Adds every value of {@code o} with its weight (as many {@link #add} calls, per distinct value). */
  public void addAll(ValueStats o) {
    combine(o, 1);
  }

  /** Takes off every value of {@code o} with its weight (the inverse of {@link #addAll}). */
  public void removeAll(ValueStats o) {
    combine(o, -1);
  }

  private void combine(ValueStats o, long sign) {
    if (o.d != d) {
      throw new IllegalArgumentException("dimension " + o.d + " into " + d);
    }
    count += sign * o.count;
    for (int i = 0; i < d; i++) {
      sum[i] += sign * o.sum[i];
    }
    for (int i = 0; i < d * d; i++) {
      sumProduct[i] += sign * o.sumProduct[i];
    }
    values.addAll(o.values, sign);
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
    return values.size();
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
    for (long key : values.sortedKeys()) {
      visitor.accept(unpack(key), values.get(key));
    }
  }
}
