package org.tadam.learner.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tadam.dsl.io.ModelFiles;
import org.tadam.learner.export.ModelText;
import org.tadam.learner.mdl.DataCodes;
import org.tadam.learner.mdl.UniversalCode;
import org.tadam.learner.noise.WordCode;
import org.tadam.model.Automaton;

/**
 * Scores under a hand-made model that is non-deterministic on S>: the likelier S> edge leads to a
 * state without SA<, so a greedy walk dead-ends on "S> SA<" although the other S> edge parses it.
 * Values sit at the laws' means (cell mass 1, value code 0), so every cost can be written down.
 */
class WordScorerTest {
  private static final String MODEL = """
      automaton nd {
      \tprotocol tcp
      \tnoise missing 0.1 spurious 0.1 duplicated 0.05 swapped 0.05
      %s
      \tstate s0 initial
      \tstate s1
      \tstate s2
      \tstate s3
      \tstate s4 end

      \ts0 -> s1 S> prob 0.7 count 7 mean (0, 0) cov (1e-6, 0, 1e-6)
      \ts0 -> s2 S> prob 0.3 count 3 mean (0, 0) cov (1e-6, 0, 1e-6)
      \ts1 -> s4 $ prob 1 count 7
      \ts2 -> s3 SA< prob 1 count 3 mean (0, 0) cov (1e-6, 0, 1e-6)
      \ts3 -> s4 $ prob 1 count 3
      }
      """;
  private static final int[] ZERO = {0, 0};
  /** c_tr: the transition takes what the four noise rates leave, 0.7. */
  private static final double TR = -UniversalCode.log2(0.7);

  private static Automaton load(Path dir, String provenance) throws Exception {
    return loadText(dir, MODEL.formatted(provenance));
  }

  /** The model of {@code text}, which must load without errors. */
  private static Automaton loadText(Path dir, String text) throws Exception {
    Path file = Files.createTempFile(dir, "model", ".tadam");
    Files.writeString(file, text);
    ModelFiles.Loaded loaded = ModelText.files().load(file);
    assertFalse(loaded.hasErrors(), loaded.issues().toString());
    return loaded.automaton();
  }

  private static List<int[]> zeros(int n) {
    return Collections.nCopies(n, ZERO);
  }

  @Test
  void theLikelihoodFollowsTheBestPathNotTheLocallyBestEdge(@TempDir Path dir) throws Exception {
    WordScorer scorer = new WordScorer(load(dir, ""));
    WordScorer.Score both = scorer.score(List.of("S>", "SA<"), zeros(2));
    assertEquals(UniversalCode.log2(0.3), both.logLikelihood(), 1e-9);
    assertEquals(WordCode.Status.MATCHED, both.status());
    // the exact-path code: c_tr a letter, add-½ smoothed edge codes from the counts, no value code
    assertEquals(3 * TR - UniversalCode.log2(3.5 / 11), both.bits(), 1e-9);
    WordScorer.Score one = scorer.score(List.of("S>"), zeros(1));
    assertEquals(UniversalCode.log2(0.7), one.logLikelihood(), 1e-9);
    assertEquals(2 * TR - UniversalCode.log2(7.5 / 11), one.bits(), 1e-9);
  }

  @Test
  void aLongWordThatParsesCountsAsParsedThoughItsLikelihoodIsBelowTheSentinel(@TempDir Path dir)
      throws Exception {
    Automaton loop = loadText(dir, """
        automaton loop {
        \tprotocol tcp
        \tstate s0 initial
        \tstate s1 end

        \ts0 -> s0 A> prob 0.5 count 5 mean (0, 0) cov (1e-6, 0, 1e-6)
        \ts0 -> s1 $ prob 0.5 count 5
        }
        """);
    WordScorer scorer = new WordScorer(loop);
    // values far from the law: each letter costs the likelihood floor, 10^-100 (−332 bits)
    List<String> symbols = Collections.nCopies(4, "A>");
    List<int[]> far = Collections.nCopies(4, new int[] {50, 50});
    assertTrue(scorer.logLikelihood(symbols, far) < WordScorer.UNPARSED);
    assertTrue(scorer.parses(symbols));
    assertFalse(scorer.parses(List.of("S>")));
    assertEquals(1, Coverage.parsed(loop, List.of(
        org.tadam.capture.word.TimedWord.of("t", symbols, far),
        org.tadam.capture.word.TimedWord.of("t", List.of("S>"), zeros(1)))));
  }

  @Test
  void aWordNoPathSpellsPaysTheCheaperOfAlignmentAndExplicitCode(@TempDir Path dir)
      throws Exception {
    WordScorer scorer = new WordScorer(load(dir, ""));
    WordScorer.Score s = scorer.score(List.of("SA<"), zeros(1));
    assertEquals(WordScorer.UNPARSED, s.logLikelihood());
    assertTrue(s.status() != WordCode.Status.MATCHED);
    // three symbols in the model, no recorded training alphabet
    double explicit = 2 * DataCodes.explicitLetterBits(3, ZERO);
    assertTrue(s.bits() <= explicit + 1e-12, s + " vs explicit " + explicit);
  }

  @Test
  void aLongWordIsNotAlignedAndItsExplicitCodeUsesTheTrainingAlphabet(@TempDir Path dir)
      throws Exception {
    int n = WordCode.MAX_ALIGNED_LETTERS + 10;
    List<String> word = Collections.nCopies(n, "SA<");
    WordScorer.Score s = new WordScorer(load(dir, "")).score(word, zeros(n));
    assertEquals(WordCode.Status.UNCORRECTED, s.status());
    assertEquals((n + 1) * DataCodes.explicitLetterBits(3, ZERO), s.bits(), 1e-9);
    // a learned model records its training alphabet, which may hold symbols the model lost
    Automaton recorded = load(dir, "\tprovenance {\n\t\tconnections 10\n\t\toptions \"alphabet=7\"\n\t}");
    assertEquals(7, new ModelGraph(recorded).alphabetSize());
    assertEquals((n + 1) * DataCodes.explicitLetterBits(7, ZERO),
        new WordScorer(recorded).score(word, zeros(n)).bits(), 1e-9);
  }

  @Test
  void aWordThatParsesOnlyThroughAFarLetterPaysItsCheaperNoisyAlignment(@TempDir Path dir)
      throws Exception {
    // a query, then a response or (0.3) a retry after 60 bins and a response: the duplicated
    // query "Q Q R" parses as query, retry, response, its second letter 60 bins from the retry's
    // law, and costs less as a duplicate (issue 12: charged its exact path, frequent duplicates
    // became structure)
    Automaton retry = loadText(dir, """
        automaton retry {
        \tprotocol udp
        \tnoise missing 0.1 spurious 0.1 duplicated 0.05 swapped 0.05
        \tstate s0 initial
        \tstate s1
        \tstate s2
        \tstate s3
        \tstate s4 end

        \ts0 -> s1 > replay prob 1 count 10 mean (0, 40) cov (1e-6, 0, 1e-6)
        \ts1 -> s2 < replay prob 0.7 count 7 mean (0, 0) cov (1e-6, 0, 1e-6)
        \ts1 -> s3 > replay prob 0.3 count 3 mean (60, 40) cov (1, 0, 1e-6)
        \ts3 -> s2 < replay prob 1 count 3 mean (0, 0) cov (1e-6, 0, 1e-6)
        \ts2 -> s4 $ prob 1 count 10
        }
        """);
    WordScorer scorer = new WordScorer(retry);
    List<String> word = List.of("> replay", "> replay", "< replay");
    List<int[]> values = List.of(new int[] {0, 40}, new int[] {0, 40}, ZERO);
    assertTrue(scorer.parses(word));
    WordScorer.Score s = scorer.score(word, values);
    assertEquals(WordCode.Status.CORRECTED, s.status());
    // Q, R and $ as transitions (add-½ smoothed codes from the counts), the duplicate at c_re
    // with its value at the repeated edge's mean
    double expected = 3 * TR - UniversalCode.log2(7.5 / 11) - UniversalCode.log2(0.05);
    assertEquals(expected, s.bits(), 1e-6);
    // its exact path pays the retry's floored iat cell (10^-3) and the retry's transition
    double exact = 4 * TR - UniversalCode.log2(3.5 / 11) - UniversalCode.log2(1e-3);
    assertTrue(s.bits() < exact - 5, s + " vs exact path " + exact);
    // the same letters without the duplicate are the exact path, coded as such
    assertEquals(WordCode.Status.MATCHED,
        scorer.score(List.of("> replay", "< replay"), List.of(new int[] {0, 40}, ZERO)).status());
  }
}
