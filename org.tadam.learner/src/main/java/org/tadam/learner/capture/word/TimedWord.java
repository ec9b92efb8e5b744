package org.tadam.learner.capture.word;

import java.util.ArrayList;
import java.util.List;
import org.tadam.learner.capture.flow.Connection;
import org.tadam.learner.capture.flow.PacketSummary;

/**
 * The timed word of one connection: its service and its letters (the end marker {@code $} is
 * implicit). {@code connection} is null for words read back from a word file.
 */
public record TimedWord(String service, List<Letter> letters, Connection connection) {

  public TimedWord {
    letters = List.copyOf(letters);
  }

  /** Builds the word of a connection: one letter per kept packet. */
  public static TimedWord of(Connection c, SymbolAbstraction alphabet,
      ValueQuantisation quantisation) {
    List<Letter> letters = new ArrayList<>(c.packets().size());
    long previous = c.startNanos();
    for (PacketSummary p : c.packets()) {
      int iat = quantisation.iat(p.timestampNanos() - previous);
      previous = Math.max(previous, p.timestampNanos());
      letters.add(new Letter(alphabet.symbol(c.protocol(), p),
          new int[] {iat, quantisation.size(p.payloadLength())}));
    }
    return new TimedWord(c.service(), letters, c);
  }
}
