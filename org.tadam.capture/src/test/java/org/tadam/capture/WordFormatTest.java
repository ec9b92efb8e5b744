package org.tadam.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tadam.capture.word.JsonWordFormat;
import org.tadam.capture.word.ReferenceWordFormat;
import org.tadam.capture.word.TextWordFormat;
import org.tadam.capture.word.TimedWord;
import org.tadam.capture.word.WordFormatException;

class WordFormatTest {
  private final List<TimedWord> words = Fixtures.words(IngestOptions.defaults(),
      Fixtures.path("http.pcap"), Fixtures.path("udp.pcap"));

  @Test
  void textFormatIsOneLinePerConnectionAndRoundTrips() throws IOException {
    assertEquals(9, words.size());
    StringBuilder text = new StringBuilder();
    for (TimedWord w : words) {
      String line = TextWordFormat.line(w);
      assertTrue(line.matches("[^\\t\\n]+\\t[^\\t\\n(]+ \\(\\d+,\\d+\\)( [^\\t\\n(]+ \\(\\d+,\\d+\\))*"), line);
      text.append(line).append('\n');
    }
    List<TimedWord> back = new ArrayList<>();
    TextWordFormat.forEach(new BufferedReader(new StringReader("# comment\n\n" + text)), "mem",
        back::add);
    assertEquals(words.size(), back.size());
    for (int i = 0; i < words.size(); i++) {
      assertEquals(words.get(i).service(), back.get(i).service());
      assertEquals(words.get(i).letters(), back.get(i).letters());
    }
    // port 18080 has no name: the service is named by the content (issue 12 item 4)
    assertTrue(text.toString().startsWith("http\tS> (0,0) SA< ("), text.toString());
    assertTrue(text.toString().contains(" PA> text \"GET\" ("));
  }

  @Test
  void badLinesNameTheLine() {
    WordFormatException e = assertThrows(WordFormatException.class,
        () -> TextWordFormat.parse("http\tS> (0,0) SA<", "w.txt", 3));
    assertTrue(e.getMessage().startsWith("w.txt:3:"), e.getMessage());
    assertThrows(WordFormatException.class, () -> TextWordFormat.parse("no tab", "w", 1));
    assertThrows(WordFormatException.class, () -> TextWordFormat.parse("s\tA> (1,x)", "w", 1));
    assertThrows(WordFormatException.class, () -> TextWordFormat.parse("s\tA> (1,2) B> (1)", "w", 1));
    assertThrows(WordFormatException.class, () -> TextWordFormat.parse("s\tA> (1,2)  B> (1,2)", "w", 1));
    // a quoted token may hold the letter separator
    TimedWord odd = assertDoesNotThrowParse("s\tPA> text \"a (b\" (1,2) A< (3,4)");
    assertEquals("PA> text \"a (b\"", odd.letters().get(0).symbol());
    assertEquals(2, odd.letters().size());
  }

  @Test
  void serviceFilterKeepsOnlyThatService() {
    List<TimedWord> coap = Fixtures.words(IngestOptions.defaults().withServiceFilter(
        Set.of("coap")), Fixtures.path("http.pcap"), Fixtures.path("udp.pcap"));
    assertEquals(1, coap.size());
    assertEquals("coap", coap.get(0).service());
  }

  @Test
  void referenceFormatMatchesTheReferenceParser() {
    ReferenceWordFormat ref = new ReferenceWordFormat(0);
    Pattern token = Pattern.compile("([A-Za-z0-9]+):(\\d+)");
    for (TimedWord w : words) {
      String line = ref.line(w);
      String[] tokens = line.split(" ");
      assertEquals(w.letters().size(), tokens.length);
      for (int i = 0; i < tokens.length; i++) {
        assertTrue(token.matcher(tokens[i]).matches(), tokens[i]);
        String name = tokens[i].substring(0, tokens[i].indexOf(':'));
        assertEquals(w.letters().get(i).symbol(), ref.legend().get(name));
      }
    }
    assertEquals("Sf", ref.name("S>"));
    assertEquals("SAb", ref.name("SA<"));
    assertEquals("PAftextGET", ref.name("PA> text \"GET\""));
    assertTrue(ref.legendTsv().startsWith("name\tsymbol\nSf\tS>\n"));
  }

  @Test
  void jsonHasMetadataAndWord() {
    String json = JsonWordFormat.line(words.get(0));
    assertTrue(json.startsWith("{\"service\":\"http\",\"protocol\":\"tcp\""), json);
    assertTrue(json.contains("\"state\":\"SF\""));
    assertTrue(json.contains("\"word\":[[\"S>\",0,0],[\"SA<\","));
    assertTrue(json.endsWith("]]}"));
  }

  private static TimedWord assertDoesNotThrowParse(String line) {
    try {
      return TextWordFormat.parse(line, "w", 1);
    } catch (WordFormatException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  @Test
  void referenceFilesAreReadWithTheirNameAsService(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("clean_2.txt");
    Files.writeString(file, "Sf:12 SAb:43 Af:4 Ff:105\nSf:9 SAb:49 PAfrandom:20 PAbtextHTTP:277 Ff:125\n");
    List<TimedWord> words = TextWordFormat.read(file);
    assertEquals(2, words.size());
    assertEquals("clean_2", words.get(0).service());
    assertEquals(List.of("S>", "SA<", "A>", "F>"), words.get(0).symbols());
    assertEquals(List.of("S>", "SA<", "PA> random", "PA< text \"HTTP\"", "F>"), words.get(1).symbols());
    assertEquals(277, words.get(1).letters().get(3).values()[0]);
    // the writer's names read back to the same symbols
    ReferenceWordFormat writer = new ReferenceWordFormat(0);
    String line = writer.line(words.get(1));
    assertEquals(words.get(1).symbols(),
        ReferenceWordFormat.parse(line, "x", "mem", 1).symbols());

    Files.writeString(file, "Sf:12 SAb:43\nSf:12 Qx:4\n");
    WordFormatException e = assertThrows(
        WordFormatException.class, () -> TextWordFormat.read(file));
    assertTrue(e.getMessage().contains("clean_2.txt:2: 'Qx'"), e.getMessage());
  }
}
