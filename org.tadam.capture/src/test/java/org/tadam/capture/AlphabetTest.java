package org.tadam.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;
import org.tadam.capture.flow.PacketSummary;
import org.tadam.model.PayloadClass;
import org.tadam.capture.payload.PayloadClassifier;
import org.tadam.capture.payload.PayloadLabel;
import org.tadam.capture.word.SymbolAbstraction;
import org.tadam.capture.word.ValueQuantisation;
import org.tadam.model.derived.Symbols;

/** Payload classes, symbols and value quantisation. */
class AlphabetTest {
  private final PayloadClassifier classifier = new PayloadClassifier();

  private PayloadLabel classify(byte[] b) {
    return classifier.classify(b, 0, b.length, b.length);
  }

  @Test
  void randomDecisionEqualsCommonsMathChiSquareTest() {
    Random rnd = new Random(7);
    ChiSquareTest test = new ChiSquareTest();
    int randomCount = 0;
    for (int i = 0; i < 2000; i++) {
      byte[] b = new byte[5 + rnd.nextInt(200)];
      rnd.nextBytes(b);
      if (i % 3 == 0) {
        for (int k = 0; k < b.length; k += 1 + rnd.nextInt(4)) {
          b[k] = (byte) 0x80;
        }
      }
      if (PayloadClassifier.isPrintableUtf8(b, 0, b.length)) {
        continue;
      }
      long[] observed = PayloadClassifier.halfNibbleCounts(b, 0, b.length);
      double p = test.chiSquareTest(new double[] {1, 1, 1, 1}, observed);
      boolean expectedRandom = p >= PayloadClassifier.DEFAULT_ALPHA;
      assertEquals(expectedRandom, classify(b).payloadClass() == PayloadClass.RANDOM,
          "p=" + p);
      randomCount += expectedRandom ? 1 : 0;
    }
    assertTrue(randomCount > 500);
  }

  @Test
  void classes() {
    assertEquals(PayloadLabel.EMPTY, classifier.classify(new byte[0], 0, 0, 0));
    assertEquals(new PayloadLabel(PayloadClass.TEXT, "GET"),
        classify("GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII)));
    assertEquals(new PayloadLabel(PayloadClass.TEXT, "220"),
        classify("220 mail ready\r\n".getBytes(StandardCharsets.US_ASCII)));
    assertEquals(PayloadLabel.TEXT, classify("{\"a\":1}".getBytes(StandardCharsets.UTF_8)));
    assertEquals(PayloadLabel.TEXT, classify("Supercalifragilistic".getBytes(
        StandardCharsets.UTF_8)), "tokens over 10 characters are dropped");
    assertEquals(new PayloadLabel(PayloadClass.TEXT, "Gr"),
        classify("Grüße".getBytes(StandardCharsets.UTF_8)));
    assertEquals(PayloadLabel.REPLAY, classify(new byte[] {0, 0, 0, 1, 0, 0, 0, 2, 0, 0}));
    assertEquals(PayloadLabel.REPLAY, classifier.classify(new byte[0], 0, 0, 100),
        "nothing captured");
    assertFalse(PayloadClassifier.isPrintableUtf8(new byte[] {'a', (byte) 0xC3, 'b'}, 0, 3));
  }

  @Test
  void symbols() {
    SymbolAbstraction full = SymbolAbstraction.standard();
    PacketSummary get = new PacketSummary(0, true, 0x18, 79,
        new PayloadLabel(PayloadClass.TEXT, "GET"));
    assertEquals("PA> text \"GET\"", full.symbol(6, get));
    assertEquals("PA> text", new SymbolAbstraction(true, false).symbol(6, get));
    assertEquals("PA>", SymbolAbstraction.flagsOnly().symbol(6, get));
    assertEquals("< random", full.symbol(17,
        new PacketSummary(0, false, 0, 100, PayloadLabel.RANDOM)));
    assertEquals("SFRPAUEC", Symbols.flagLetters(0xFF));
    assertEquals("SA", Symbols.flagLetters(0x12));
    // the symbol text is the model's: it reads back into the same metamodel symbol and prints the same
    for (String text : new String[] {full.symbol(6, get), "< random", "> replay", "FA<", "$"}) {
      assertEquals(text, Symbols.toText(Symbols.parse(text)));
    }
    assertEquals("SA<", Symbols.canonicalText("AS<"));
  }

  @Test
  void quantisation() {
    ValueQuantisation q = ValueQuantisation.standard();
    assertEquals(0, q.iat(0));
    assertEquals(0, q.iat(-5_000));
    assertEquals(0, q.iat(1_000));
    assertEquals(10, q.iat(10_000));
    assertEquals(30, q.iat(1_000_000));
    assertEquals(33, q.iat(2_000_000));
    assertEquals(1500, q.size(1500));
    ValueQuantisation logSize = new ValueQuantisation(true, 1000, true);
    assertEquals(3, logSize.size(1500));
    assertEquals(0, logSize.size(0));
    ValueQuantisation millis = new ValueQuantisation(false, 1_000_000, false);
    assertEquals(3, millis.iat(2_600_000));
    assertEquals("iat=round(10*log10(max(1,iat/1000ns))) size=bytes", q.describe());
  }
}
