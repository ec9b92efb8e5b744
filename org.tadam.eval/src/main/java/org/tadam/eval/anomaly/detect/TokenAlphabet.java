package org.tadam.eval.anomaly.detect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tadam.capture.word.Letter;
import org.tadam.capture.word.TimedWord;

/**
 * The untimed alphabet of the baselines: a letter is its symbol (flags, direction, payload class
 * and token) and the bucket of its size (0 for no payload, else the bit length of the size: 1,
 * 2–3, 4–7, ... bytes), as the issue's Markov chain over (direction, flags, size bucket) had it;
 * inter-arrival times are left out. Ids are given in order of first appearance in training;
 * every letter never seen in training maps to the one id {@link #unknown()}.
 */
public final class TokenAlphabet {
  private final Map<String, Integer> ids = new LinkedHashMap<>();

  public TokenAlphabet(List<TimedWord> training) {
    for (TimedWord w : training) {
      for (Letter l : w.letters()) {
        ids.putIfAbsent(token(l), ids.size());
      }
    }
  }

  /** The training tokens; ids 0 to size − 1. */
  public int size() {
    return ids.size();
  }

  /** The id of every token outside the training alphabet. */
  public int unknown() {
    return ids.size();
  }

  /** The word's token ids, without an end marker. */
  public int[] encode(TimedWord w) {
    int[] out = new int[w.letters().size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ids.getOrDefault(token(w.letters().get(i)), unknown());
    }
    return out;
  }

  static String token(Letter l) {
    int size = l.values().length > 1 ? l.values()[1] : 0;
    return l.symbol() + " #" + bucket(size);
  }

  /** 0 for no payload, else the bit length of the size. */
  static int bucket(int size) {
    return size <= 0 ? 0 : 32 - Integer.numberOfLeadingZeros(size);
  }
}
