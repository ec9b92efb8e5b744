package org.tadam.capture.word;

import java.util.ArrayList;
import java.util.List;
import org.tadam.capture.flow.Connection;
import org.tadam.capture.flow.PacketSummary;

/**
 * The timed word of one connection: its service and its letters (the end marker {@code $} is
 * implicit). {@code connection} is null for words read back from a word file or made by a program;
 * consumers of words (the learner, the scorer) use the letters and {@link #payload(int)} only.
 */
public record TimedWord(String service, List<Letter> letters, Connection connection) {

  public TimedWord {
    letters = List.copyOf(letters);
  }

  /** A word without a connection, from parallel lists of symbols and value vectors. */
  public static TimedWord of(String service, List<String> symbols, List<int[]> values) {
    if (symbols.size() != values.size()) {
      throw new IllegalArgumentException(symbols.size() + " symbols but " + values.size() + " value vectors");
    }
    List<Letter> letters = new ArrayList<>(symbols.size());
    for (int i = 0; i < symbols.size(); i++) {
      letters.add(new Letter(symbols.get(i), values.get(i)));
    }
    return new TimedWord(service, letters, null);
  }

  /** The symbols of the letters, in order. */
  public List<String> symbols() {
    return letters.stream().map(Letter::symbol).toList();
  }

  /** The value vectors of the letters, in order. */
  public List<int[]> values() {
    return letters.stream().map(Letter::values).toList();
  }

  /** Payload bytes the capture kept for letter {@code i}, or null (none kept, or no capture). */
  public byte[] payload(int i) {
    if (connection == null || connection.payloads() == null || i >= connection.payloads().size()) {
      return null;
    }
    return connection.payloads().get(i);
  }

  /**
   * The payload length of letter {@code i}'s packet on the wire, or -1 (no capture). Shorter than {@link #payload}
   * for a message the capture joined from several segments.
   */
  public int payloadLength(int i) {
    if (connection == null || i >= connection.packets().size()) {
      return -1;
    }
    return connection.packets().get(i).payloadLength();
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
