package org.tadam.learner.automaton;

/**
 * An immutable sequence of packed letters built without copying any: a prefix of an edge's own
 * letter array, two sequences one after the other, or a sequence the other way round. A merge
 * while a candidate is scored lists the letters an edge took this way (see {@link Edge#absorbed})
 * in constant time, and they are copied only if its letter list is needed.
 */
abstract class LetterRope {
  final int size;

  private LetterRope(int size) {
    this.size = size;
  }

  /** The first n letters of an array that is not written while the rope is in use. */
  static LetterRope prefix(long[] letters, int n) {
    return new Prefix(letters, n);
  }

  /** a then b (either may be null: empty). */
  static LetterRope concat(LetterRope a, LetterRope b) {
    return a == null ? b : b == null ? a : new Concat(a, b);
  }

  /** The letters of x from the last to the first. */
  static LetterRope reverse(LetterRope x) {
    return x == null ? null : x instanceof Reverse r ? r.inner : new Reverse(x);
  }

  /** Letter i (from 0), read the other way round when reversed. */
  abstract long get(int i, boolean reversed);

  /** Copies the letters, the other way round when reversed, into dest from index at. */
  abstract void copyTo(long[] dest, int at, boolean reversed);

  private static final class Prefix extends LetterRope {
    private final long[] letters;

    Prefix(long[] letters, int n) {
      super(n);
      this.letters = letters;
    }

    @Override
    long get(int i, boolean reversed) {
      return letters[reversed ? size - 1 - i : i];
    }

    @Override
    void copyTo(long[] dest, int at, boolean reversed) {
      if (!reversed) {
        System.arraycopy(letters, 0, dest, at, size);
        return;
      }
      for (int j = size - 1; j >= 0; j--) {
        dest[at++] = letters[j];
      }
    }
  }

  private static final class Concat extends LetterRope {
    private final LetterRope first;
    private final LetterRope second;

    Concat(LetterRope first, LetterRope second) {
      super(first.size + second.size);
      this.first = first;
      this.second = second;
    }

    @Override
    long get(int i, boolean reversed) {
      LetterRope a = reversed ? second : first;
      LetterRope b = reversed ? first : second;
      return i < a.size ? a.get(i, reversed) : b.get(i - a.size, reversed);
    }

    @Override
    void copyTo(long[] dest, int at, boolean reversed) {
      LetterRope a = reversed ? second : first;
      LetterRope b = reversed ? first : second;
      a.copyTo(dest, at, reversed);
      b.copyTo(dest, at + a.size, reversed);
    }
  }

  private static final class Reverse extends LetterRope {
    private final LetterRope inner;

    Reverse(LetterRope inner) {
      super(inner.size);
      this.inner = inner;
    }

    @Override
    long get(int i, boolean reversed) {
      return inner.get(i, !reversed);
    }

    @Override
    void copyTo(long[] dest, int at, boolean reversed) {
      inner.copyTo(dest, at, !reversed);
    }
  }
}
