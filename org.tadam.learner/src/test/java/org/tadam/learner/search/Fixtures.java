package org.tadam.learner.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.tadam.capture.word.TimedWord;
import org.tadam.learner.automaton.Corpus;
import org.tadam.learner.automaton.LearnAutomaton;
import org.tadam.learner.ops.AddEdge;
import org.tadam.learner.ops.DeleteSubpart;
import org.tadam.learner.ops.MergeStates;
import org.tadam.learner.ops.Operation;
import org.tadam.learner.ops.SplitEdge;
import org.tadam.learner.ops.SplitNode;
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

  /** Every candidate of the four operations (and edge additions), as the property tests draw them. */
  public static List<Operation> allCandidates(LearnAutomaton a, SplitEdge.Proposals proposals) {
    List<Operation> ops = new ArrayList<>();
    ops.addAll(MergeStates.candidates(a));
    ops.addAll(SplitNode.candidates(a, 0));
    ops.addAll(SplitEdge.candidates(a, proposals));
    ops.addAll(DeleteSubpart.candidates(a, 1));
    ops.addAll(AddEdge.candidates(a, 8));
    return ops;
  }

  /**
   * The committed bigram automaton of {@code n} words of {@code t} with noise {@code noise}: where the tests that
   * apply random operations start.
   */
  public static LearnAutomaton committedBigram(TruthAutomaton t, int n, double noise, long seed) {
    LearnAutomaton a = org.tadam.learner.init.InitialAutomaton.bigram(corpus(samples(t, n, noise, seed)));
    a.commit();
    return a;
  }

  public static Corpus corpus(List<TimedWord> samples) {
    return Corpus.of(samples);
  }
}
