package org.tadam.learner.truth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.tadam.capture.word.TimedWord;

/**
 * Packet-level noise at rate r per letter: with probability r a letter is deleted, duplicated,
 * swapped with the next one, or preceded by a spurious letter (uniformly one of the four). A
 * duplicate repeats the letter's values: the noise model charges a re-emission by the law of the
 * edge it repeats, and the letter's own values are a draw from that law. (An earlier version
 * shortened the duplicate's wait by 3 bins, a law of its own that the noise model does not have;
 * with enough words the learner then rightly modelled frequent duplicates as self-loops.)
 */
public final class NoiseInjector {
  private NoiseInjector() {
  }

  public static List<TimedWord> inject(List<TimedWord> words, double rate, List<String> alphabet,
      Random random) {
    List<TimedWord> out = new ArrayList<>(words.size());
    for (TimedWord w : words) {
      List<String> s = new ArrayList<>(w.symbols());
      List<int[]> v = new ArrayList<>(w.values());
      List<String> ns = new ArrayList<>();
      List<int[]> nv = new ArrayList<>();
      for (int i = 0; i < s.size(); i++) {
        if (random.nextDouble() >= rate) {
          ns.add(s.get(i));
          nv.add(v.get(i));
          continue;
        }
        switch (random.nextInt(4)) {
          case 0 -> {
            // missing: drop the letter
          }
          case 1 -> {
            ns.add(s.get(i));
            nv.add(v.get(i));
            ns.add(s.get(i));
            nv.add(v.get(i).clone());
          }
          case 2 -> {
            if (i + 1 < s.size()) {
              ns.add(s.get(i + 1));
              nv.add(v.get(i + 1));
              ns.add(s.get(i));
              nv.add(v.get(i));
              i++;
            } else {
              ns.add(s.get(i));
              nv.add(v.get(i));
            }
          }
          default -> {
            ns.add(alphabet.get(random.nextInt(alphabet.size())));
            nv.add(new int[] {random.nextInt(60), random.nextInt(2) == 0 ? 0 : random.nextInt(1500)});
            ns.add(s.get(i));
            nv.add(v.get(i));
          }
        }
      }
      out.add(TimedWord.of("test", ns, nv));
    }
    return out;
  }

  /** Whether two samples have the same letters (symbols and values). */
  public static boolean same(TimedWord a, TimedWord b) {
    if (!a.symbols().equals(b.symbols())) {
      return false;
    }
    for (int i = 0; i < a.values().size(); i++) {
      if (!Arrays.equals(a.values().get(i), b.values().get(i))) {
        return false;
      }
    }
    return true;
  }
}
