package org.tadam.learner.stats;

/**
 * Unit-cell masses of one edge's Gaussian, keyed by packed value ({@link ValueStats#pack}). An
 * open-addressing table of primitives with a mixing hash: packed [iat, size] keys hash badly as
 * {@code Long}s (iat XOR size), and the aligner asks for these masses millions of times per
 * candidate.
 */
public final class CellMassCache {
  private static final int INITIAL_CAPACITY = 16;

  private long[] keys;
  private double[] masses;
  private boolean[] used;
  private int size;

  public CellMassCache() {
    keys = new long[INITIAL_CAPACITY];
    masses = new double[INITIAL_CAPACITY];
    used = new boolean[INITIAL_CAPACITY];
  }

  public CellMassCache(CellMassCache o) {
    keys = o.keys.clone();
    masses = o.masses.clone();
    used = o.used.clone();
    size = o.size;
  }

  /** The cached mass of {@code key}, or NaN when absent. */
  public double get(long key) {
    int mask = keys.length - 1;
    for (int i = slot(key, mask); used[i]; i = (i + 1) & mask) {
      if (keys[i] == key) {
        return masses[i];
      }
    }
    return Double.NaN;
  }

  public void put(long key, double mass) {
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    int i = slot(key, mask);
    while (used[i] && keys[i] != key) {
      i = (i + 1) & mask;
    }
    if (!used[i]) {
      used[i] = true;
      keys[i] = key;
      size++;
    }
    masses[i] = mass;
  }

  public int size() {
    return size;
  }

  private void grow() {
    long[] oldKeys = keys;
    double[] oldMasses = masses;
    boolean[] oldUsed = used;
    keys = new long[oldKeys.length * 2];
    masses = new double[oldKeys.length * 2];
    used = new boolean[oldKeys.length * 2];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldUsed[i]) {
        put(oldKeys[i], oldMasses[i]);
      }
    }
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }
}
