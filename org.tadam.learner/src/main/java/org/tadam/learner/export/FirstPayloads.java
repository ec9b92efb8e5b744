package org.tadam.learner.export;

import java.util.List;
import org.tadam.capture.word.Letter;
import org.tadam.capture.word.TimedWord;
import org.tadam.model.Automaton;
import org.tadam.model.Direction;
import org.tadam.model.L4Protocol;
import org.tadam.model.PacketSymbol;
import org.tadam.model.PayloadClass;
import org.tadam.model.Symbol;
import org.tadam.model.derived.Symbols;

/**
 * Who sent the first payload of each training connection. The generator makes the other side's data wait for
 * that side only when nearly all connections agree; the automaton's paths cannot say it, since merged states make
 * a majority look like a rule (FTP data connections are downloads, server first, or uploads, client first).
 */
final class FirstPayloads {
  private FirstPayloads() {
  }

  /** Writes the counts into {@code automaton}; nothing for words without payload or a model of UDP. */
  static void count(Automaton automaton, List<TimedWord> samples) {
    if (automaton.getProtocol() == L4Protocol.UDP) {
      return;
    }
    int client = 0;
    int server = 0;
    for (TimedWord w : samples) {
      for (Letter letter : w.letters()) {
        Symbol symbol = Symbols.parse(letter.symbol());
        if (symbol instanceof PacketSymbol p && p.getPayloadClass() != null && p.getPayloadClass() != PayloadClass.EMPTY) {
          if (p.getDirection() == Direction.BACKWARD) {
            server++;
          } else {
            client++;
          }
          break;
        }
      }
    }
    automaton.setFirstPayloadClient(client);
    automaton.setFirstPayloadServer(server);
  }
}
