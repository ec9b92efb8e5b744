package org.tadam.learner.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.tadam.capture.word.TimedWord;
import org.tadam.learner.automaton.Corpus;
import org.tadam.learner.truth.NoiseInjector;
import org.tadam.learner.truth.TruthAutomaton;

/** Small corpora sampled from the known automata, optionally with injected noise. */
public final class Fixtures {
  private Fixtures() {
  }

  public static List<TimedWord> samples(TruthAutomaton t, int n, double noise, long seed) {
    Random r = new Random(seed);
    List<TimedWord> words = t.sample(n, r);
    if (noise > 0) {
      TreeSet<String> alphabet = new TreeSet<>();
      t.edges().forEach(e -> alphabet.add(e.symbol()));
      alphabet.remove("$");
      words = NoiseInjector.inject(words, noise, new ArrayList<>(alphabet), r);
    }
    return words;
  }

  public static Corpus corpus(List<TimedWord> samples) {
    return Corpus.of(samples);
  }
}
