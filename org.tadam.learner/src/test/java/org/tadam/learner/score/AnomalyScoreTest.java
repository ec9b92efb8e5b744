package org.tadam.learner.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tadam.dsl.io.ModelFiles;
import org.tadam.learner.export.ModelText;
import org.tadam.learner.mdl.UniversalCode;
import org.tadam.learner.noise.WordCode;
import org.tadam.model.Automaton;

/**
 * The anomaly score: the learner's code of a word plus the spelling of unseen symbols and the
 * parsed/unparsed status from the model's coverage, per letter; and the finite code of a
 * connection no model covers. A UDP model of query and answer, values at the laws' means.
 */
class AnomalyScoreTest {
  private static final String MODEL = """
      automaton q {
      \tprotocol udp
      \tservice "dns" ports 53
      \tnoise missing 0.01 spurious 0.01 duplicated 0.01 swapped 0.01
      \tprovenance {
      \t\tconnections 10 parsed 8
      \t}

      \tstate s0 initial
      \tstate s1
      \tstate s2
      \tstate s3 end

      \ts0 -> s1 > replay prob 1 count 10 mean (0, 40) cov (1e-6, 0, 1e-6)
      \ts1 -> s2 < replay prob 1 count 10 mean (20, 60) cov (1e-6, 0, 1e-6)
      \ts2 -> s3 $ prob 1 count 10
      }
      """;
  private static final List<int[]> QUERY_ANSWER = List.of(new int[] {0, 40}, new int[] {20, 60});

  private static Automaton load(Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("q.tadam"), MODEL);
    ModelFiles.Loaded loaded = ModelText.files().load(file);
    assertFalse(loaded.hasErrors(), loaded.issues().toString());
    return loaded.automaton();
  }

  @Test
  void aParsedWordPaysItsCodeAndTheParsedShareOfTheCoverage(@TempDir Path dir) throws Exception {
    WordScorer.Score s = new WordScorer(load(dir)).score(List.of("> replay", "< replay"), QUERY_ANSWER);
    assertEquals(WordCode.Status.MATCHED, s.status());
    assertEquals(0, s.unknownLetters());
    // 8 of 10 training connections parsed: (8 + ½) / 11
    assertEquals(-UniversalCode.log2(8.5 / 11), s.statusBits(), 1e-12);
    assertEquals((s.bits() + s.statusBits()) / 3, s.anomaly(), 1e-12);
  }

  @Test
  void anUnseenSymbolIsSpelledOutAndAnUnparsedWordPaysTheUnparsedShare(@TempDir Path dir) throws Exception {
    WordScorer scorer = new WordScorer(load(dir));
    // an empty datagram: a symbol the model never saw, so no path and no edge can explain it
    WordScorer.Score empty = scorer.score(List.of(">"), List.of(new int[] {0, 0}));
    assertEquals(1, empty.unknownLetters());
    assertEquals(SymbolSpelling.bits(">", false), empty.spellingBits(), 1e-12);
    assertTrue(empty.status() != WordCode.Status.MATCHED);
    assertEquals(-UniversalCode.log2(2.5 / 11), empty.statusBits(), 1e-12);
    assertTrue(Double.isFinite(empty.anomaly()));
    // it used to cost less per letter than a parsed answer that came late; the complete code ranks it above
    WordScorer.Score late = scorer.score(List.of("> replay", "< replay"), List.of(new int[] {0, 40}, new int[] {35, 60}));
    assertEquals(WordCode.Status.MATCHED, late.status());
    assertTrue(empty.anomaly() > late.anomaly(), empty + " vs " + late);
  }

  @Test
  void symbolsAreSpelledByTheirParts() {
    assertEquals(8 + 1 + 2, SymbolSpelling.bits("SA<", true), 1e-12);
    assertEquals(1 + 2, SymbolSpelling.bits("> replay", false), 1e-12);
    assertEquals(8 + 1 + 2 + UniversalCode.bits(3) + 24, SymbolSpelling.bits("PA> text \"GET\"", true), 1e-12);
    // the flags' order does not matter, the protocol does
    assertEquals(SymbolSpelling.bits("SA<", true), SymbolSpelling.bits("AS<", true), 1e-12);
    assertEquals(3, SymbolSpelling.bits("<", false), 1e-12);
  }

  @Test
  void everyConnectionGetsAFiniteScoreWithItsModelAndReason(@TempDir Path dir) throws Exception {
    Automaton dns = load(dir);
    ServiceModels models = new ServiceModels().add(dns);
    ServiceModels.Scored own = models.score("udp", "dns", List.of("> replay", "< replay"), QUERY_ANSWER);
    assertEquals("q", own.model());
    assertEquals(ScoreReason.COST, own.reason());
    ServiceModels.Scored unseen = models.score("udp", "dns", List.of("> text"), List.of(new int[] {0, 12}));
    assertEquals(ScoreReason.OUTSIDE_ALPHABET, unseen.reason());

    // a TCP connection: no model of its protocol, spelled out: finite, and far above the model's words
    List<String> scan = List.of("S>", "RA<");
    List<int[]> values = List.of(new int[] {0, 0}, new int[] {5, 0});
    ServiceModels.Scored none = models.score("tcp", "dns", scan, values);
    assertNull(none.model());
    assertEquals(ScoreReason.NO_MODEL, none.reason());
    assertTrue(Double.isNaN(none.logLikelihood()));
    double spelled = 1 + 2 * (1 + 11) + 3 * UniversalCode.bits(0) + UniversalCode.bits(5);
    assertEquals(spelled, SpelledWordCode.bits(scan, values, true), 1e-12);
    assertEquals(spelled / 3, none.anomaly(), 1e-12);
    assertTrue(none.anomaly() > own.anomaly());

    // another service of the protocol: no model of its own, unless the protocol has a fallback
    assertEquals(ScoreReason.NO_MODEL, models.score("udp", "ntp", List.of("> replay"), List.of(new int[] {0, 48})).reason());
    ServiceModels withFallback = new ServiceModels().add(dns).addFallback(dns);
    ServiceModels.Scored other = withFallback.score("udp", "ntp", List.of("> replay"), List.of(new int[] {0, 48}));
    assertEquals(ScoreReason.FALLBACK_MODEL, other.reason());
    assertEquals("q", other.model());
    assertTrue(Double.isFinite(other.anomaly()));
  }
}
