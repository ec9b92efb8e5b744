package org.tadam.learner.stats;

import java.util.Arrays;

/**
 * Weight of each distinct packed value ({@link ValueStats#pack}) on one edge: an open-addressing
 * table of primitives with linear probing and backward-shift deletion, plus the keys in increasing
 * order, sorted again only after a key came or went. The search moves every letter of an edge on
 * and off it for each candidate touching the edge (and back on rollback), so this is a hot path;
 * the sorted order is what every sum over the values follows.
 */
final class ValueCounts {
  private static final int INITIAL_CAPACITY = 16;

  private long[] keys;
  private long[] weights;
  private boolean[] used;
  private int size;
  /** the keys in increasing order, null when a key came or went since they were sorted */
  private long[] sorted;

  ValueCounts() {
    keys = new long[INITIAL_CAPACITY];
    weights = new long[INITIAL_CAPACITY];
    used = new boolean[INITIAL_CAPACITY];
  }

  /** A copy sized to the keys it holds (a table that once held many keys is scanned whole). */
  ValueCounts(ValueCounts o) {
    allocate(capacityFor(o.size));
    for (int i = 0; i < o.keys.length; i++) {
      if (o.used[i]) {
        insertNew(o.keys[i], o.weights[i]);
      }
    }
    size = o.size;
    sorted = o.sorted;
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

  /** Adds sign × the weight of every key of {@code o}. */
  void addAll(ValueCounts o, long sign) {
    for (int i = 0; i < o.keys.length; i++) {
      if (o.used[i]) {
        add(o.keys[i], sign * o.weights[i]);
      }
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
