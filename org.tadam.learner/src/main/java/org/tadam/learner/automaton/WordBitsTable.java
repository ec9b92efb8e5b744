package org.tadam.learner.automaton;

/**
 * Per-word arrays of one edge ({@link Edge#wordValueBits}), keyed by word id: an open-addressing
 * table of primitive keys, as a map of boxed keys cost more than computing a short word's codes.
 * Entries are only added; the whole table is dropped when the edge's statistics change.
 */
final class WordBitsTable {
  private static final int INITIAL_CAPACITY = 16;

  private int[] keys = new int[INITIAL_CAPACITY];
  private double[][] values = new double[INITIAL_CAPACITY][];
  private int size;

  /** The array of word w, or null. */
  double[] get(int w) {
    int mask = keys.length - 1;
    for (int i = slot(w, mask); values[i] != null; i = (i + 1) & mask) {
      if (keys[i] == w) {
        return values[i];
      }
    }
    return null;
  }

  /** Sets the array of a word that has none (bits must not be null). */
  void put(int w, double[] bits) {
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    insert(keys, values, w, bits);
    size++;
  }

  int size() {
    return size;
  }

  private void grow() {
    int[] newKeys = new int[keys.length * 2];
    double[][] newValues = new double[keys.length * 2][];
    for (int i = 0; i < keys.length; i++) {
      if (values[i] != null) {
        insert(newKeys, newValues, keys[i], values[i]);
      }
    }
    keys = newKeys;
    values = newValues;
  }

  private static void insert(int[] keys, double[][] values, int w, double[] bits) {
    int mask = keys.length - 1;
    int i = slot(w, mask);
    while (values[i] != null) {
      i = (i + 1) & mask;
    }
    keys[i] = w;
    values[i] = bits;
  }

  private static int slot(int w, int mask) {
    return (w * 0x9E3779B9) >>> 7 & mask;
  }
}
