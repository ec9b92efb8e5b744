package org.tadam.learner;

import java.util.List;
import org.tadam.capture.word.TimedWord;
import org.tadam.learner.automaton.Corpus;
import org.tadam.learner.automaton.LearnAutomaton;
import org.tadam.learner.noise.AlignmentRates;

/**
 * The result of {@link TadamLearner#computeModel()}: the learned automaton over its training
 * corpus, its costs in bits and estimated noise rates, and how it was obtained.
 *
 * @param samples the input words (index = position in the corpus' member lists)
 * @param operations operations applied by the search
 * @param stopped true when the search was interrupted (the best model so far)
 */
public record LearnedModel(LearnAutomaton automaton, Corpus corpus, List<TimedWord> samples,
    double modelBits, double dataBits, AlignmentRates noise, LearnerOptions options, int operations,
    double seconds, boolean stopped) {

  public double totalBits() {
    return modelBits + dataBits;
  }

  /** Connections (input words) learned from. */
  public long connections() {
    return corpus.totalWeight();
  }
}
