package org.tadam.learner.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tadam.capture.flow.ConnState;
import org.tadam.capture.flow.Connection;
import org.tadam.capture.flow.Endpoint;
import org.tadam.capture.flow.PacketSummary;
import org.tadam.capture.payload.PayloadLabel;
import org.tadam.capture.word.SymbolAbstraction;
import org.tadam.capture.word.TimedWord;
import org.tadam.capture.word.ValueQuantisation;
import org.tadam.learner.LearnerOptions;
import org.tadam.learner.TadamLearner;
import org.tadam.model.Automaton;
import org.tadam.model.Edge;

/** The iat of an edge fitted where its times lie within their 0.1-decade cell (ContinuousIat). */
class ContinuousIatTest {

  /** A UDP request and, 41 to 44 ms later (all in cell 46 of 10 log10(µs), 35.5 to 44.7 ms), its reply. */
  private static List<TimedWord> exchanges(boolean withPackets) {
    ValueQuantisation q = ValueQuantisation.standard();
    List<TimedWord> words = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      long start = i * 1_000_000_000L;
      long reply = start + 41_000_000L + (i % 7) * 500_000L;
      List<PacketSummary> packets = List.of(new PacketSummary(start, true, 0, 40, PayloadLabel.REPLAY),
          new PacketSummary(reply, false, 0, 80, PayloadLabel.REPLAY));
      Connection c = new Connection("t.pcap", 17, new Endpoint(4, 0, 1, 40000 + i), new Endpoint(4, 0, 2, 53), "dns",
          ConnState.SF, false, false, 2, start, reply, packets, List.of(new byte[40], new byte[80]), null);
      TimedWord w = TimedWord.of(c, SymbolAbstraction.standard(), q);
      words.add(withPackets ? w : new TimedWord(w.service(), w.letters(), null));
    }
    return words;
  }

  private static Automaton learn(List<TimedWord> words) {
    TadamLearner learner = new TadamLearner(LearnerOptions.defaults().withThreads(1));
    words.forEach(learner::addSample);
    return ModelExporter.toModel(learner.computeModel(), new ModelExporter.Info("dns", "udp", "dns", List.of(53), null,
        ValueQuantisation.standard(), List.of("t.pcap")));
  }

  private static Edge reply(Automaton model) {
    return model.getEdges().stream().filter(e -> e.getDistribution() != null
        && e.getDistribution().getMean().get(1) == 80).findFirst().orElseThrow();
  }

  @Test
  void theRepliesTimesAreFittedWhereTheyLieInTheirCell() {
    Automaton model = learn(exchanges(true));
    assertTrue(model.getQuantisation().isContinuousIat());
    double mean = reply(model).getDistribution().getMean().get(0);
    double expected = 0;
    for (int i = 0; i < 60; i++) {
      expected += 10 * Math.log10(41_000 + (i % 7) * 500) / 60;
    }
    assertEquals(expected, mean, 1e-3, "the times' own mean, not the cell's 46");
    assertTrue(reply(model).getDistribution().getCovariance().get(0) < 0.05, "as narrow as the times");
  }

  @Test
  void wordsWithoutTheirPacketsKeepTheCellFit() {
    Automaton model = learn(exchanges(false));
    assertFalse(model.getQuantisation().isContinuousIat());
    assertEquals(46, reply(model).getDistribution().getMean().get(0), 1e-9);
  }
}
