package org.tadam.learner;

import java.util.Arrays;
import java.util.List;
import org.tadam.capture.word.TimedWord;
import org.tadam.learner.automaton.Corpus;
import org.tadam.learner.automaton.LearnAutomaton;
import org.tadam.learner.export.WrittenEdges;
import org.tadam.learner.mdl.DataCodes;
import org.tadam.learner.noise.AlignmentRates;
import org.tadam.learner.noise.WordCode;
import org.tadam.learner.score.ModelGraph;
import org.tadam.learner.search.WordCosts;
import org.tadam.model.Automaton;

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

  /**
   * Per input word (index as {@link #samples}), whether it is matched: on a path of the automaton,
   * parsed without noise.
   */
  public boolean[] matchedSamples() {
    boolean[] matched = new boolean[samples.size()];
    for (int w = 0; w < corpus.size(); w++) {
      for (int member : corpus.members(w)) {
        matched[member] = automaton.matched(w);
      }
    }
    return matched;
  }

  /**
   * The learner's code of each input word in bits ({@link WordCosts}, index as {@link #samples}):
   * with the word-status code, these add up to {@link #dataBits}.
   */
  public double[] wordBits() {
    // the cell floor the search used (TadamLearner: per-component floor to the power d)
    double floor = DataCodes.cellFloor(options.valueFloor(), corpus.dimension());
    return perSample(WordCosts.of(automaton, floor, options.noise(), noise));
  }

  /**
   * The learner's code of each input word with the parameters a model written from this one
   * records (its laws and noise rates rounded to six digits, its counts): what
   * {@code tadam score} prints for the word under that model.
   */
  public double[] wordBits(Automaton written) {
    ModelGraph g = new ModelGraph(written);
    int[] order = WrittenEdges.of(automaton);
    int[] edgeOf = new int[automaton.edgeSlots()];
    Arrays.fill(edgeOf, -1);
    for (int i = 0; i < order.length; i++) {
      edgeOf[order[i]] = i;
    }
    int[] symbolOf = new int[corpus.alphabet().size()];
    for (int s = 0; s < symbolOf.length; s++) {
      symbolOf[s] = g.symbolId(corpus.alphabet().get(s));
    }
    AlignmentRates rates = g.rates();
    return perSample(WordCosts.of(automaton, g, edgeOf, symbolOf, rates.enabled(), rates));
  }

  private double[] perSample(WordCode.Result[] perWord) {
    double[] bits = new double[samples.size()];
    for (int w = 0; w < corpus.size(); w++) {
      for (int member : corpus.members(w)) {
        bits[member] = perWord[w].bits();
      }
    }
    return bits;
  }
}
