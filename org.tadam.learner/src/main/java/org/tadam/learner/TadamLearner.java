package org.tadam.learner;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.tadam.learner.automaton.Corpus;
import org.tadam.learner.automaton.LearnAutomaton;
import org.tadam.capture.word.TimedWord;
import org.tadam.learner.init.InitialAutomaton;
import org.tadam.learner.mdl.DataCodes;
import org.tadam.learner.search.GreedySearch;
import org.tadam.learner.search.Scorer;
import org.tadam.learner.search.SearchOptions;
import org.tadam.learner.search.WordCosts;

/**
 * The TADAM learner, in the shape of LearnLib's passive learners:
 *
 * <pre>{@code
 * TadamLearner learner = new TadamLearner(LearnerOptions.defaults());
 * learner.addSamples(words);
 * LearnedModel model = learner.computeModel();
 * }</pre>
 *
 * It builds the starting automaton, runs the greedy MDL search with the noise-aware score and
 * returns the best automaton. {@link #requestStop()} (e.g. from a Ctrl-C hook) makes the search
 * return the best model so far.
 */
public final class TadamLearner {
  private final LearnerOptions options;
  private final List<TimedWord> samples = new ArrayList<>();
  private volatile boolean stop;

  public TadamLearner(LearnerOptions options) {
    this.options = options;
  }

  public void addSamples(Collection<TimedWord> words) {
    samples.addAll(words);
  }

  public void addSample(TimedWord w) {
    samples.add(w);
  }

  public int sampleCount() {
    return samples.size();
  }

  /** Asks a running {@link #computeModel()} to finish after the current iteration. */
  public void requestStop() {
    stop = true;
  }

  public LearnedModel computeModel() {
    long start = System.nanoTime();
    Corpus corpus = Corpus.of(samples);
    LearnAutomaton a = options.init() == LearnerOptions.Init.PREFIX
        ? InitialAutomaton.prefixTree(corpus) : InitialAutomaton.bigram(corpus);
    a.commit();
    Scorer scorer = new Scorer(options.noise(),
        DataCodes.cellFloor(options.valueFloor(), corpus.dimension()));
    SearchOptions search = new SearchOptions(options.threads(), options.maxIterations(),
        options.deleteMaxFraction(), true, true, true, true, options.exactCandidates(), options.minCoverage());
    GreedySearch greedy = new GreedySearch(search, scorer, options.listener(), () -> stop,
        options.seed());
    Scorer.Cost cost = greedy.run(a);
    double seconds = (System.nanoTime() - start) / 1e9;
    // the data cost a decoder of the model pays: every parsed word on its cheapest path (score's code)
    double data = WordCosts.dataBits(a, scorer.valueFloor(), options.noise(), cost.noise().rates());
    return new LearnedModel(a, corpus, List.copyOf(samples), cost.modelBits(), data,
        cost.noise().rates(), options, greedy.applied(), seconds, stop);
  }
}
