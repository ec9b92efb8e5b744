package org.tadam.learner.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tadam.capture.flow.ConnState;
import org.tadam.capture.flow.Connection;
import org.tadam.capture.flow.Endpoint;
import org.tadam.capture.word.TimedWord;

class PortWeightsTest {

  private static TimedWord toPort(int port) {
    Connection c = new Connection("t.pcap", 6, new Endpoint(4, 0, 1, 40000), new Endpoint(4, 0, 2, port), "ssh",
        ConnState.SF, false, false, 0, 0, 0, List.of(), List.of(), null);
    return new TimedWord("ssh", List.of(), c);
  }

  @Test
  void eachPortWeighsItsConnections() {
    List<TimedWord> words = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      words.add(toPort(i == 7 ? 80 : 22));
    }
    assertEquals(List.of(29, 1), PortWeights.of(List.of(22, 80), words));
    assertEquals(List.of(1, 29), PortWeights.of(List.of(80, 22), words));
  }

  @Test
  void nothingToWeigh() {
    List<TimedWord> words = List.of(toPort(22), toPort(22));
    assertEquals(List.of(), PortWeights.of(List.of(22), words), "one port");
    assertEquals(List.of(), PortWeights.of(List.of(22, 80), words), "a port that served none of the words");
    assertEquals(List.of(), PortWeights.of(List.of(22, 80), List.of(new TimedWord("ssh", List.of(), null))),
        "words without connections");
  }
}
