package org.tadam.eval.realism;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tadam.capture.flow.PacketSummary;
import org.tadam.capture.payload.PayloadLabel;

/** Zeek's conn_state of hand-made TCP packet sequences, one per name and the cases where order matters. */
class ZeekConnStateTest {

  /** "S> SA< A> PA> FA<": flags (S F R P A), direction; P carries 10 bytes of payload. */
  static List<PacketSummary> packets(String spec) {
    List<PacketSummary> out = new ArrayList<>();
    long t = 0;
    for (String letter : spec.trim().split("\\s+")) {
      boolean orig = letter.endsWith(">");
      int flags = 0;
      for (char c : letter.substring(0, letter.length() - 1).toCharArray()) {
        flags |= switch (c) {
          case 'F' -> 0x01;
          case 'S' -> 0x02;
          case 'R' -> 0x04;
          case 'P' -> 0x08;
          case 'A' -> 0x10;
          default -> throw new IllegalArgumentException(letter);
        };
      }
      int len = (flags & 0x08) != 0 ? 10 : 0;
      out.add(new PacketSummary(t += 1000, orig, flags, len, PayloadLabel.EMPTY));
    }
    return out;
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "S> SA< A> PA> A< PA< A> FA> A< FA< A>, SF",
      "S>, S0",
      "S> S> S>, S0",
      "S> RA<, REJ",
      "S> SA< A> PA> R>, RSTO",
      "S> SA< A> PA> RA<, RSTR",
      "S> SA< A> PA> PA<, S1",
      "S> SA< A> FA> A<, S2",
      "S> SA< A> FA< A>, S3",
      "S> R>, RSTOS0",
      "SA< R<, RSTRH",
      "S> F>, SH",
      "SA< FA<, SHR",
      "PA> PA<, OTH",
      // the order matters: a RST after both FINs is still a normal close (the flags alone say RSTO)
      "S> SA< A> FA> FA< R>, SF",
      // a RST after one FIN, the other side never closing: the reset counts
      "S> SA< A> FA> RA<, RSTR",
      // Zeek's history test: the originator's ACK before its RST makes it OTH, not RSTOS0
      "S> A> R>, OTH",
      // a RST after the SYN with no data either way, from both sides, is a rejection
      "S> R> R<, REJ",
      // the responder ACKing the SYN before its SYN-ACK (some stacks do) is still an answer
      "S> A< SA< A> FA> FA<, SF",
  })
  void tcp(String spec, String expected) {
    assertEquals(expected, ZeekConnState.of(6, packets(spec)));
  }

  @Test
  void udpIsSfWhenAnsweredElseS0() {
    List<PacketSummary> query = List.of(new PacketSummary(0, true, 0, 30, PayloadLabel.EMPTY));
    List<PacketSummary> answered = List.of(query.get(0), new PacketSummary(5, false, 0, 60, PayloadLabel.EMPTY));
    assertEquals("S0", ZeekConnState.of(17, query));
    assertEquals("SF", ZeekConnState.of(17, answered));
  }
}
