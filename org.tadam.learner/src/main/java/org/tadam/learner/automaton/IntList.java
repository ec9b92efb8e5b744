package org.tadam.learner.automaton;

import java.util.Arrays;

/** A small sorted set of ints (edge ids of a state), kept sorted so that iteration is canonical. */
public final class IntList {
  private int[] data = new int[4];
  private int size;

  IntList() {
  }

  IntList(IntList o) {
    data = o.data.clone();
    size = o.size;
  }

  /** A new list of the ids of both (one merge of the two sorted arrays). */
  static IntList union(IntList a, IntList b) {
    IntList u = new IntList();
    u.data = new int[Math.max(4, a.size + b.size)];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < a.size || j < b.size) {
      int v;
      if (j == b.size || i < a.size && a.data[i] < b.data[j]) {
        v = a.data[i++];
      } else if (i == a.size || b.data[j] < a.data[i]) {
        v = b.data[j++];
      } else {
        v = a.data[i++];
        j++;
      }
      u.data[n++] = v;
    }
    u.size = n;
    return u;
  }

  public int size() {
    return size;
  }

  public int get(int i) {
    return data[i];
  }

  public int[] toArray() {
    return Arrays.copyOf(data, size);
  }

  void add(int v) {
    int at = Arrays.binarySearch(data, 0, size, v);
    if (at >= 0) {
      return;
    }
    at = -at - 1;
    if (size == data.length) {
      data = Arrays.copyOf(data, size * 2);
    }
    System.arraycopy(data, at, data, at + 1, size - at);
    data[at] = v;
    size++;
  }

  void remove(int v) {
    int at = Arrays.binarySearch(data, 0, size, v);
    if (at < 0) {
      return;
    }
    System.arraycopy(data, at + 1, data, at, size - at - 1);
    size--;
  }
}
