package org.tadam.learner.truth;

import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import org.tadam.learner.LearnedModel;
import org.tadam.learner.automaton.LearnAutomaton;
import org.tadam.learner.export.ModelExporter;
import org.tadam.learner.noise.NoiseKind;
import org.tadam.learner.search.GreedySearch;
import org.tadam.learner.search.ProgressListener;
import org.tadam.learner.mdl.DataCodes;
import org.tadam.learner.search.Scorer;
import org.tadam.learner.search.SearchOptions;
import org.tadam.learner.search.WordCosts;

/**
 * The benchmark's control: the learner's search run from the truth's structure ({@link
 * TruthStart}) over the words a model was learned from, with the model's options. Its end tells
 * whether a learned automaton that differs from the truth is what the objective prefers.
 */
public final class TruthControl {
  private TruthControl() {
  }

  /** @param cost total bits where the search ends; @param kept whether that is still the truth */
  public record Outcome(double cost, boolean kept) {
  }

  /** @param onPath which words go on the truth's path when it parses them */
  public static Outcome search(TruthAutomaton t, LearnedModel m, Set<NoiseKind> kinds,
      double floor, int threads, IntPredicate onPath) {
    LearnAutomaton a = TruthStart.of(t, m.corpus(), onPath);
    a.commit();
    GreedySearch search = new GreedySearch(new SearchOptions(threads, Integer.MAX_VALUE,
        m.options().deleteMaxFraction(), true, true, true, true, m.options().exactCandidates(), m.options().minCoverage()), new Scorer(kinds, DataCodes.cellFloor(floor, m.corpus().dimension())),
        ProgressListener.NONE, () -> false, m.options().seed());
    Scorer.Cost cost = search.run(a);
    // the data cost as the learner reports it (WordCosts: every word at its cheapest code), so
    // that the two ends compare like with like
    double data = WordCosts.dataBits(a, DataCodes.cellFloor(floor, m.corpus().dimension()), kinds,
        cost.noise().rates());
    LearnedModel end = new LearnedModel(a, m.corpus(), m.samples(), cost.modelBits(),
        data, cost.noise().rates(), m.options(), search.applied(), 0, false);
    return new Outcome(end.totalBits(), Compare.isomorphic(Compare.of(t), Compare.of(
        ModelExporter.toModel(end, new ModelExporter.Info(t.name(), null, null, null, null, null,
            List.of("control"))))));
  }
}
