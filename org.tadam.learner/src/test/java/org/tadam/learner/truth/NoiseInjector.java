package org.tadam.learner.truth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.tadam.capture.word.TimedWord;
import org.tadam.learner.mdl.UniversalCode;

/**
 * Packet-level noise at rate r per letter: with probability r a letter is deleted, duplicated,
 * swapped with the next one, or preceded by a spurious letter (uniformly one of the four). Each
 * kind is drawn as the noise model describes it, so that the truth plus the noise model is the
 * law of the words and the benchmark asks whether the search finds the truth, not whether noise
 * with a law of its own stays noise:
 * <ul>
 *   <li>a duplicate repeats the letter's values: the noise model charges a re-emission by the law
 *       of the edge it repeats, and the letter's own values are a draw from that law (an earlier
 *       version shortened the duplicate's wait by 3 bins, a law of its own; with enough words the
 *       learner then rightly modelled frequent duplicates as self-loops);</li>
 *   <li>a spurious letter has a symbol drawn uniformly and each value from the law its explicit
 *       code assumes, P(v) ∝ 2^−L(v) with L Rissanen's log* ({@link UniversalCode}), within the
 *       ranges of the truth's values (iat bins 0–59, sizes 0–1499). With uniform values instead
 *       (half the sizes 0, as an earlier version drew them), the letters at one state with one
 *       symbol had a law a Gaussian codes in fewer bits than log* does, and at 5000 words the
 *       code rightly preferred an edge for them;</li>
 *   <li>a swap exchanges two letters of different symbols, as the noise model's transposition
 *       does; two letters of one symbol stay as they are (exchanging them, as the earlier version
 *       did, exchanges only their values, which no noise operation describes: the swapped query
 *       and retry of the UDP truth became an edge at 5000 words).</li>
 * </ul>
 * {@link Law#OWN} draws them as the earlier version did (learner report, section 1, contrast).
 */
public final class NoiseInjector {
  private static final double[] IAT_CDF = universalCdf(59);
  private static final double[] SIZE_CDF = universalCdf(1499);

  private NoiseInjector() {
  }

  /** Whose law the noise follows. */
  public enum Law {
    /** the noise model's (the default) */
    MODEL,
    /**
     * laws of its own, as the injector drew them before: spurious values with iat uniform in 0–59
     * and size 0 or uniform in 0–1499 (each half the time), and swaps of two letters with the same
     * symbol too, which only exchange their values (the noise model swaps letters of different
     * symbols, Part A §1.6)
     */
    OWN
  }

  public static List<TimedWord> inject(List<TimedWord> words, double rate, List<String> alphabet,
      Random random) {
    return inject(words, rate, alphabet, random, Law.MODEL);
  }

  /** P(v ≤ k) for v in 0..max with P(v) ∝ 2^−L(v). */
  private static double[] universalCdf(int max) {
    double[] cdf = new double[max + 1];
    double sum = 0;
    for (int v = 0; v <= max; v++) {
      sum += Math.pow(2, -UniversalCode.bits(v));
      cdf[v] = sum;
    }
    for (int v = 0; v <= max; v++) {
      cdf[v] /= sum;
    }
    return cdf;
  }

  private static int draw(double[] cdf, Random random) {
    double u = random.nextDouble();
    int i = Arrays.binarySearch(cdf, u);
    return Math.min(cdf.length - 1, i >= 0 ? i : -i - 1);
  }

  public static List<TimedWord> inject(List<TimedWord> words, double rate, List<String> alphabet,
      Random random, Law law) {
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
            if (i + 1 < s.size() && (law == Law.OWN || !s.get(i).equals(s.get(i + 1)))) {
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
            nv.add(law == Law.OWN
                ? new int[] {random.nextInt(60), random.nextInt(2) == 0 ? 0 : random.nextInt(1500)}
                : new int[] {draw(IAT_CDF, random), draw(SIZE_CDF, random)});
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
