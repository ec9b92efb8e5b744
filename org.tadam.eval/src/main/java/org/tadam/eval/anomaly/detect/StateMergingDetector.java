package org.tadam.eval.anomaly.detect;

import de.learnlib.algorithm.rpni.BlueFringeMDLDFA;
import java.util.ArrayList;
import java.util.List;
import net.automatalib.alphabet.Alphabets;
import net.automatalib.automaton.fsa.DFA;
import net.automatalib.word.Word;
import org.tadam.eval.anomaly.TrainingGroup;

/**
 * Baseline: passive state merging by LearnLib 0.17.0's {@code BlueFringeMDLDFA} (blue-fringe RPNI
 * whose merges are accepted by the minimum description length of the automaton and the positive
 * samples, so it learns from normal traffic alone) over the tokens of {@link TokenAlphabet}. The
 * DFA it returns only accepts or rejects; to rank connections its transitions and stops are
 * counted on the training words ({@link DfaFrequencies}), as Alergia-style learners do.
 */
public final class StateMergingDetector implements Detector {

  @Override
  public String name() {
    return "LearnLib MDL";
  }

  @Override
  public String description() {
    return "Passive state merging: LearnLib 0.17.0 BlueFringeMDLDFA (blue-fringe RPNI, MDL merge criterion, positive samples "
        + "only) over (symbol, size bucket) tokens; transition and stop frequencies counted on the training words, add-one "
        + "smoothed; score = −log2 P(word) per letter. Untimed.";
  }

  @Override
  public Model train(TrainingGroup group) {
    TokenAlphabet alphabet = new TokenAlphabet(group.words());
    List<int[]> encoded = group.words().stream().map(alphabet::encode).toList();
    // only empty words: the one-state automaton
    DfaFrequencies model = alphabet.size() == 0 ? new DfaFrequencies(new int[][] {new int[0]}, 0, 0, encoded)
        : DfaFrequencies.of(learn(alphabet.size(), encoded), alphabet.size(), encoded);
    return word -> model.verdict(alphabet.encode(word), alphabet.unknown());
  }

  /** LearnLib's MDL state merging on positive samples over tokens 0 to symbols − 1. */
  static DFA<?, Integer> learn(int symbols, List<int[]> words) {
    List<Word<Integer>> samples = new ArrayList<>();
    for (int[] w : words) {
      List<Integer> boxed = new ArrayList<>(w.length);
      for (int t : w) {
        boxed.add(t);
      }
      samples.add(Word.fromList(boxed));
    }
    BlueFringeMDLDFA<Integer> learner = new BlueFringeMDLDFA<>(Alphabets.integers(0, symbols - 1));
    learner.setParallel(false);
    learner.setDeterministic(true);
    learner.addSamples(Boolean.TRUE, samples);
    return learner.computeModel();
  }

  /** Whether the DFA accepts the word. */
  static boolean accepts(DFA<?, Integer> dfa, int[] word) {
    List<Integer> boxed = new ArrayList<>(word.length);
    for (int t : word) {
      boxed.add(t);
    }
    return dfa.accepts(boxed);
  }

  /** The DFA's states as dense ids (initial first), for {@link DfaFrequencies}. */
  static <S> int[][] table(DFA<S, Integer> dfa, int symbols, List<S> order) {
    order.add(dfa.getInitialState());
    for (S s : dfa.getStates()) {
      if (!s.equals(dfa.getInitialState())) {
        order.add(s);
      }
    }
    int[][] next = new int[order.size()][symbols];
    for (int q = 0; q < order.size(); q++) {
      for (int a = 0; a < symbols; a++) {
        S t = dfa.getSuccessor(order.get(q), a);
        next[q][a] = t == null ? -1 : order.indexOf(t);
      }
    }
    return next;
  }
}
