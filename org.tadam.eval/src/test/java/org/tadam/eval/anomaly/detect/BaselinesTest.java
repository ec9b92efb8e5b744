package org.tadam.eval.anomaly.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.tadam.capture.word.TimedWord;
import org.tadam.eval.anomaly.TrainingGroup;

/** The baselines on a toy corpus whose probabilities can be written down. */
class BaselinesTest {
  /** a = "S>", b = "SA<", c = "R<" (size 0 everywhere): the corpus is a b, a b, a c. */
  private static TimedWord word(String... symbols) {
    List<int[]> values = new ArrayList<>();
    for (int i = 0; i < symbols.length; i++) {
      values.add(new int[] {0, 0});
    }
    return TimedWord.of("toy", List.of(symbols), values);
  }

  private static TrainingGroup corpus() {
    return new TrainingGroup("toy", "tcp", "toy", new TreeSet<>(), List.of(word("S>", "SA<"), word("S>", "SA<"), word("S>", "R<")),
        List.of("toy.pcap"));
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  @Test
  void theMarkovChainCountsTransitionsWithAddOneSmoothing() {
    MarkovChainDetector.Chain chain = (MarkovChainDetector.Chain) new MarkovChainDetector().train(corpus());
    TokenAlphabet alphabet = chain.alphabet();
    assertEquals(3, alphabet.size());
    int a = alphabet.encode(word("S>"))[0];
    int b = alphabet.encode(word("SA<"))[0];
    // 5 outcomes after a token: 3 tokens, the unknown token, the end; a was followed by b twice in 3
    assertEquals(3.0 / 8, chain.probability(a, b), 1e-12);
    double[] p = new double[5];
    for (int t = 0; t < 5; t++) {
      p[t] = chain.probability(a, t);
    }
    assertEquals(1.0, java.util.Arrays.stream(p).sum(), 1e-12);
    // the word a b: start → a (3 of 3 starts), a → b, b → end (2 of 2)
    double bits = -log2(4.0 / 8) - log2(3.0 / 8) - log2(3.0 / 7);
    Detector.Verdict v = chain.score(word("S>", "SA<"));
    assertEquals(bits / 3, v.score(), 1e-12);
    assertEquals("cost", v.reason());
    assertEquals("outside the model's alphabet", chain.score(word("S>", "F>")).reason());
  }

  @Test
  void baumWelchNeverLowersTheLikelihoodAndTheModelIsADistribution() {
    List<int[]> sequences = List.of(new int[] {0, 1, 2}, new int[] {0, 1, 1, 2}, new int[] {0, 2}, new int[] {1, 0, 2});
    long[] weights = {5, 3, 2, 1};
    HiddenMarkovModel hmm = HiddenMarkovModel.random(3, 3, 7);
    double previous = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < 25; i++) {
      double ll = hmm.baumWelchStep(sequences, weights, 0);
      assertTrue(ll >= previous - 1e-9, "iteration " + i + ": " + ll + " after " + previous);
      previous = ll;
    }
    assertTrue(previous > HiddenMarkovModel.random(3, 3, 7).baumWelchStep(sequences, weights, 0) + 1, "it learned something");
    // the probabilities of all sequences of one length add up to 1
    double sum = 0;
    for (int x = 0; x < 3; x++) {
      for (int y = 0; y < 3; y++) {
        sum += Math.pow(2, hmm.log2Likelihood(new int[] {x, y}));
      }
    }
    assertEquals(1.0, sum, 1e-9);
  }

  @Test
  void theHmmScoresItsTrainingWordsBelowAStrangeOne() {
    Detector.Model m = new HmmDetector(1).train(corpus());
    double normal = m.score(word("S>", "SA<")).score();
    assertTrue(Double.isFinite(normal));
    assertTrue(m.score(word("SA<", "SA<", "SA<", "S>")).score() > normal);
    assertEquals("outside the model's alphabet", m.score(word("F>")).reason());
  }

  @Test
  void theStateMergingDfaAcceptsItsTrainingWords() {
    TrainingGroup g = corpus();
    TokenAlphabet alphabet = new TokenAlphabet(g.words());
    List<int[]> encoded = g.words().stream().map(alphabet::encode).toList();
    var dfa = StateMergingDetector.learn(alphabet.size(), encoded);
    for (int[] w : encoded) {
      assertTrue(StateMergingDetector.accepts(dfa, w), java.util.Arrays.toString(w));
    }
    Detector.Model m = new StateMergingDetector().train(g);
    double normal = m.score(word("S>", "SA<")).score();
    assertTrue(m.score(word("SA<", "S>", "R<")).score() > normal);
    assertTrue(Double.isFinite(m.score(word("F>", "F>")).score()));
  }
}
