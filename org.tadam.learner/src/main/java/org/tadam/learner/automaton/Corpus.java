package org.tadam.learner.automaton;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.tadam.capture.word.Letter;
import org.tadam.capture.word.TimedWord;
import org.tadam.learner.stats.ValueStats;

/**
 * The training words, immutable: symbols as ids of a sorted alphabet (id 0 is the end letter
 * {@code $}, appended to every word), integer value vectors, and identical words grouped into one
 * weighted word (the first occurrence fixes the order).
 */
public final class Corpus {
  public static final String END = "$";
  public static final int END_SYMBOL = 0;

  private final List<String> alphabet;
  private final int dimension;
  private final int[][] symbols;
  private final int[][][] values;
  private final long[] weights;
  /** Indices of the input words grouped into each distinct word. */
  private final int[][] members;
  private final long totalWeight;
  /** per word and letter, the rank of its value among the distinct values of its symbol */
  private final int[][] valueIds;
  /** per symbol, how many distinct values its letters carry */
  private final int[] distinctValues;

  private Corpus(List<String> alphabet, int dimension, int[][] symbols, int[][][] values,
      long[] weights, int[][] members) {
    this.alphabet = alphabet;
    this.dimension = dimension;
    this.symbols = symbols;
    this.values = values;
    this.weights = weights;
    this.members = members;
    long t = 0;
    for (long w : weights) {
      t += w;
    }
    totalWeight = t;
    valueIds = new int[symbols.length][];
    distinctValues = new int[alphabet.size()];
    numberValues();
  }

  /**
   * Numbers the distinct values of each symbol (in increasing packed order), so that an edge can
   * keep what it computes per value in an array ({@link Edge#valueBits}): the scorer asks for the
   * value codes of every unparsed word under every candidate, and a hash lookup per letter was
   * much of that.
   */
  private void numberValues() {
    long[][] packed = new long[distinctValues.length][];
    int[] count = new int[distinctValues.length];
    for (int[] s : symbols) {
      for (int x : s) {
        count[x]++;
      }
    }
    for (int x = 0; x < packed.length; x++) {
      packed[x] = new long[count[x]];
      count[x] = 0;
    }
    for (int w = 0; w < symbols.length; w++) {
      for (int l = 0; l < symbols[w].length; l++) {
        int x = symbols[w][l];
        packed[x][count[x]++] = ValueStats.pack(values[w][l]);
      }
    }
    for (int x = 0; x < packed.length; x++) {
      long[] p = packed[x];
      Arrays.sort(p);
      int n = 0;
      for (int i = 0; i < p.length; i++) {
        if (n == 0 || p[i] != p[n - 1]) {
          p[n++] = p[i];
        }
      }
      packed[x] = Arrays.copyOf(p, n);
      distinctValues[x] = n;
    }
    for (int w = 0; w < symbols.length; w++) {
      int[] ids = new int[symbols[w].length];
      for (int l = 0; l < ids.length; l++) {
        ids[l] = Arrays.binarySearch(packed[symbols[w][l]], ValueStats.pack(values[w][l]));
      }
      valueIds[w] = ids;
    }
  }

  public static Corpus of(List<TimedWord> words) {
    if (words.isEmpty()) {
      throw new IllegalArgumentException("no words to learn from");
    }
    int d = -1;
    TreeSet<String> names = new TreeSet<>();
    for (TimedWord w : words) {
      for (Letter letter : w.letters()) {
        String s = letter.symbol();
        if (END.equals(s)) {
          throw new IllegalArgumentException("the end letter $ is implicit and may not occur in a word");
        }
        names.add(s);
        int len = letter.values().length;
        if (d < 0) {
          d = len;
        } else if (d != len) {
          throw new IllegalArgumentException("letters with different numbers of values");
        }
      }
    }
    if (d < 0) {
      d = 2;
    }
    if (d < 1 || d > 2) {
      throw new IllegalArgumentException("letters must carry 1 or 2 values, found " + d);
    }
    List<String> alphabet = new ArrayList<>();
    alphabet.add(END);
    alphabet.addAll(names);
    Map<String, Integer> ids = new LinkedHashMap<>();
    for (int i = 0; i < alphabet.size(); i++) {
      ids.put(alphabet.get(i), i);
    }
    Map<Key, List<Integer>> groups = new LinkedHashMap<>();
    List<int[]> syms = new ArrayList<>();
    List<int[][]> vals = new ArrayList<>();
    for (int wi = 0; wi < words.size(); wi++) {
      List<Letter> letters = words.get(wi).letters();
      int n = letters.size();
      int[] s = new int[n + 1];
      int[][] v = new int[n + 1][];
      for (int i = 0; i < n; i++) {
        s[i] = ids.get(letters.get(i).symbol());
        v[i] = letters.get(i).values().clone();
      }
      s[n] = END_SYMBOL;
      v[n] = new int[d];
      Key key = new Key(s, v);
      List<Integer> g = groups.get(key);
      if (g == null) {
        g = new ArrayList<>();
        groups.put(key, g);
        syms.add(s);
        vals.add(v);
      }
      g.add(wi);
    }
    int k = syms.size();
    long[] weights = new long[k];
    int[][] members = new int[k][];
    int i = 0;
    for (List<Integer> g : groups.values()) {
      weights[i] = g.size();
      members[i] = g.stream().mapToInt(Integer::intValue).toArray();
      i++;
    }
    return new Corpus(List.copyOf(alphabet), d, syms.toArray(new int[0][]),
        vals.toArray(new int[0][][]), weights, members);
  }

  private record Key(int[] s, int[][] v) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(s, k.s) && Arrays.deepEquals(v, k.v);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(s) * 31 + Arrays.deepHashCode(v);
    }
  }

  public List<String> alphabet() {
    return alphabet;
  }

  public int symbolId(String s) {
    int i = alphabet.indexOf(s);
    return i;
  }

  public int dimension() {
    return dimension;
  }

  /** Number of distinct words. */
  public int size() {
    return symbols.length;
  }

  public long totalWeight() {
    return totalWeight;
  }

  public int length(int w) {
    return symbols[w].length;
  }

  public int symbol(int w, int i) {
    return symbols[w][i];
  }

  public int[] symbols(int w) {
    return symbols[w];
  }

  public int[] value(int w, int i) {
    return values[w][i];
  }

  /** The value vectors of word w's letters (shared: not to be changed). */
  public int[][] values(int w) {
    return values[w];
  }

  /** The number of letter l of word w among the distinct values of its symbol (0 …). */
  public int valueId(int w, int l) {
    return valueIds[w][l];
  }

  /** How many distinct values the letters of symbol x carry (the range of {@link #valueId}). */
  public int distinctValues(int x) {
    return distinctValues[x];
  }

  public long weight(int w) {
    return weights[w];
  }

  public int[] members(int w) {
    return members[w];
  }

  public long letterWeight() {
    long t = 0;
    for (int w = 0; w < symbols.length; w++) {
      t += weights[w] * symbols[w].length;
    }
    return t;
  }
}
