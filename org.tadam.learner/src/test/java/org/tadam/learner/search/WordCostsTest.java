package org.tadam.learner.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tadam.capture.word.TimedWord;
import org.tadam.learner.LearnedModel;
import org.tadam.learner.LearnerOptions;
import org.tadam.learner.TadamLearner;
import org.tadam.learner.automaton.Corpus;
import org.tadam.learner.export.ModelExporter;
import org.tadam.learner.mdl.DataCodes;
import org.tadam.learner.noise.WordCode;
import org.tadam.learner.score.WordScorer;
import org.tadam.learner.truth.TruthAutomaton;
import org.tadam.model.Automaton;

/**
 * The learner's per-word codes are its data cost split per word, and {@code score} charges each
 * training word what learning charged it under the written model; on noisy samples, so that
 * corrected and uncorrected words are checked too.
 */
class WordCostsTest {

  @Test
  void perWordCodesAddUpToTheDataCostAndScoreChargesThemUnderTheWrittenModel() {
    TruthAutomaton[] truths = {TruthAutomaton.tcpSession(), TruthAutomaton.requestResponse(),
        TruthAutomaton.udpQuery()};
    int noisy = 0;
    for (int seed = 0; seed < truths.length; seed++) {
      List<TimedWord> words = Fixtures.samples(truths[seed], 150, 0.08, seed);
      TadamLearner learner = new TadamLearner(LearnerOptions.defaults().withThreads(2));
      learner.addSamples(words);
      LearnedModel m = learner.computeModel();
      Corpus c = m.corpus();
      WordCode.Result[] own = WordCosts.of(m.automaton(),
          DataCodes.cellFloor(m.options().valueFloor(), c.dimension()), m.options().noise(),
          m.noise());
      double sum = 0;
      long[] status = new long[3];
      for (int w = 0; w < c.size(); w++) {
        sum += c.weight(w) * own[w].bits();
        status[own[w].status().ordinal()] += c.weight(w);
      }
      noisy += status[1] + status[2];
      double data = sum + DataCodes.statusBits(status[0], status[1], status[2]);
      assertEquals(m.dataBits(), data, 1e-9 * m.dataBits(), truths[seed].name());

      Automaton written = ModelExporter.toModel(m, new ModelExporter.Info("t", null, "test",
          List.of(80), null, null, List.of("sampled")));
      double[] learned = m.wordBits(written);
      boolean[] matched = m.matchedSamples();
      WordScorer scorer = new WordScorer(written);
      for (int i = 0; i < words.size(); i++) {
        TimedWord w = words.get(i);
        WordScorer.Score s = scorer.score(w.symbols(), w.values());
        String where = truths[seed].name() + " word " + i + " " + s.status();
        assertEquals(learned[i], s.bits(), 1e-6, where);
        if (matched[i]) {
          assertTrue(scorer.parses(w.symbols()), where);
        }
      }
    }
    assertTrue(noisy > 0, "no word needed the noise model: the test checks parsed words only");
  }
}
