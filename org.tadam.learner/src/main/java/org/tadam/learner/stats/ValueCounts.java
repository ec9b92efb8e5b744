package org.tadam.learner.stats;

import java.util.Arrays;

/**
 * Weight of each distinct packed value ({@link ValueStats#pack}) on one edge: an open-addressing
 * table of primitives with linear probing and backward-shift deletion, plus the keys in increasing
 * order with their weights, sorted again only after they changed. The search moves every letter of
 * an edge on and off it for each candidate touching the edge (and back on rollback), so this is a
 * hot path; the sorted order is what every sum over the values follows. A table made by
 * {@link #merged} holds the sorted arrays only and builds its hash table when a single key first
 * changes: most merged tables are only summed over, then dropped on rollback.
 */
final class ValueCounts {
  private static final int INITIAL_CAPACITY = 16;
  private static final long[] NONE = {};

  /** the hash table; keys is null until a single key changes in a new or {@link #merged} table */
  private long[] keys;
  private long[] weights;
  private boolean[] used;
  private int size;
  /** the keys in increasing order, null when a key came or went since they were sorted */
  private long[] sorted;
  /** the weights of {@link #sorted}, null when a weight changed since (never changed in place) */
  private long[] sortedWeights;

  /** An empty table, without a hash table until its first key (a merge empties an edge's). */
  ValueCounts() {
    this(NONE, NONE);
  }

  private ValueCounts(long[] sorted, long[] sortedWeights) {
    this.sorted = sorted;
    this.sortedWeights = sortedWeights;
    size = sorted.length;
  }

  /**
   * The sum of two tables by one merge of their sorted keys (no hashing): what adding every key of
   * {@code b} to {@code a} gives. Neither is changed, nor may be changed while the sum is in use
   * by a table that has not built its own hash table yet (the sorted arrays are shared only if
   * they are the sum's own).
   */
  static ValueCounts merged(ValueCounts a, ValueCounts b) {
    long[] ak = a.sortedKeys();
    long[] aw = a.sortedWeights();
    long[] bk = b.sortedKeys();
    long[] bw = b.sortedWeights();
    long[] keys = new long[ak.length + bk.length];
    long[] weights = new long[keys.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < ak.length || j < bk.length) {
      long key;
      long w;
      if (j == bk.length || i < ak.length && ak[i] < bk[j]) {
        key = ak[i];
        w = aw[i++];
      } else if (i == ak.length || bk[j] < ak[i]) {
        key = bk[j];
        w = bw[j++];
      } else {
        key = ak[i];
        w = aw[i++] + bw[j++];
      }
      if (w != 0) {
        keys[n] = key;
        weights[n++] = w;
      }
    }
    if (n < keys.length) {
      keys = Arrays.copyOf(keys, n);
      weights = Arrays.copyOf(weights, n);
    }
    return new ValueCounts(keys, weights);
  }

  /** A copy sized to the keys it holds (a table that once held many keys is scanned whole). */
  ValueCounts(ValueCounts o) {
    size = o.size;
    sorted = o.sorted;
    sortedWeights = o.sortedWeights;
    if (o.keys == null) {
      return;
    }
    allocate(capacityFor(o.size));
    for (int i = 0; i < o.keys.length; i++) {
      if (o.used[i]) {
        insertNew(o.keys[i], o.weights[i]);
      }
    }
  }

  /** Builds the hash table of a table made by {@link #merged}. */
  private void ensureTable() {
    if (keys != null) {
      return;
    }
    allocate(capacityFor(size));
    for (int i = 0; i < size; i++) {
      insertNew(sorted[i], sortedWeights[i]);
    }
  }

  private static int capacityFor(int n) {
    int c = INITIAL_CAPACITY;
    while (2 * n > c) {
      c *= 2;
    }
    return c;
  }

  private void allocate(int capacity) {
    keys = new long[capacity];
    weights = new long[capacity];
    used = new boolean[capacity];
  }

  /** Puts a key known to be absent into its first free slot (size not counted). */
  private void insertNew(long key, long weight) {
    int mask = keys.length - 1;
    int j = slot(key, mask);
    while (used[j]) {
      j = (j + 1) & mask;
    }
    used[j] = true;
    keys[j] = key;
    weights[j] = weight;
  }

  int size() {
    return size;
  }

  /** The weight of a key, 0 when absent. */
  long get(long key) {
    if (keys == null) {
      int at = Arrays.binarySearch(sorted, key);
      return at < 0 ? 0 : sortedWeights[at];
    }
    int mask = keys.length - 1;
    for (int i = slot(key, mask); used[i]; i = (i + 1) & mask) {
      if (keys[i] == key) {
        return weights[i];
      }
    }
    return 0;
  }

  /** Adds weight to a key (negative to take it off); a key whose weight reaches 0 is removed. */
  void add(long key, long weight) {
    ensureTable();
    sortedWeights = null;
    int mask = keys.length - 1;
    int i = slot(key, mask);
    while (used[i]) {
      if (keys[i] == key) {
        weights[i] += weight;
        if (weights[i] == 0) {
          delete(i);
        }
        return;
      }
      i = (i + 1) & mask;
    }
    if (weight == 0) {
      return;
    }
    used[i] = true;
    keys[i] = key;
    weights[i] = weight;
    size++;
    sorted = null;
    if (2 * size > keys.length) {
      grow();
    }
  }

  /** The keys in increasing order (shared: not to be changed). */
  long[] sortedKeys() {
    long[] s = sorted;
    if (s == null) {
      s = new long[size];
      int k = 0;
      for (int i = 0; i < keys.length; i++) {
        if (used[i]) {
          s[k++] = keys[i];
        }
      }
      Arrays.sort(s);
      sorted = s;
    }
    return s;
  }

  /** The weights of {@link #sortedKeys}, in their order (shared: not to be changed). */
  long[] sortedWeights() {
    long[] w = sortedWeights;
    if (w == null) {
      long[] s = sortedKeys();
      w = new long[s.length];
      for (int i = 0; i < s.length; i++) {
        w[i] = get(s[i]);
      }
      sortedWeights = w;
    }
    return w;
  }

  /** Empties slot i and moves later keys of its probe run back, so that no lookup stops early. */
  private void delete(int i) {
    int mask = keys.length - 1;
    used[i] = false;
    size--;
    sorted = null;
    int hole = i;
    for (int j = (i + 1) & mask; used[j]; j = (j + 1) & mask) {
      int home = slot(keys[j], mask);
      // the key at j may fill the hole unless its home lies cyclically in (hole, j]
      boolean stays = hole <= j ? hole < home && home <= j : hole < home || home <= j;
      if (!stays) {
        keys[hole] = keys[j];
        weights[hole] = weights[j];
        used[hole] = true;
        used[j] = false;
        hole = j;
      }
    }
  }

  private void grow() {
    rehash(keys.length * 2);
  }

  /** The same keys in a table of the given capacity. */
  private void rehash(int capacity) {
    long[] oldKeys = keys;
    long[] oldWeights = weights;
    boolean[] oldUsed = used;
    allocate(capacity);
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldUsed[i]) {
        insertNew(oldKeys[i], oldWeights[i]);
      }
    }
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }
}
