package org.tadam.eval.anomaly.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tadam.eval.EvalException;

class WordLabelFileTest {

  @Test
  void labelsWordsByNumberAndLeavesTheOthersUnlabelled(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("l.tsv"), "word\tlabel\n# a comment\n3\tnoisy\n\n1\tnormal\n");
    assertEquals(Arrays.asList("normal", null, "noisy", null), WordLabelFile.read(file, 4));
  }

  @Test
  void aBadRowNamesTheFileAndLine(@TempDir Path dir) throws Exception {
    assertEquals(dir.resolve("a.tsv") + ":2: word must be a whole number, not 'x'", message(dir, "a.tsv", "1\tnormal\nx\tnoisy\n"));
    assertEquals(dir.resolve("b.tsv") + ":2: word 1 is labelled twice", message(dir, "b.tsv", "1\tnormal\n1\tnoisy\n"));
    assertEquals(dir.resolve("c.tsv") + ":1: word 0 is not in the test word file (4 words)", message(dir, "c.tsv", "0\tnormal\n"));
    assertEquals(dir.resolve("d.tsv") + ":1: expected 2 tab-separated columns (word label), found 3",
        message(dir, "d.tsv", "1\tnormal\textra\n"));
    assertEquals(dir.resolve("e.tsv") + ":1: the label must be one word, not 'two words'", message(dir, "e.tsv", "1\ttwo words\n"));
  }

  private static String message(Path dir, String name, String text) throws Exception {
    Path file = Files.writeString(dir.resolve(name), text);
    return assertThrows(EvalException.class, () -> WordLabelFile.read(file, 4)).getMessage();
  }
}
