package org.tadam.eval.realism;

import java.util.List;
import java.util.regex.Pattern;
import org.tadam.capture.flow.PacketSummary;

/**
 * Zeek's {@code conn_state} of a connection, from the order of its packets' flags: each endpoint
 * walks Zeek's TCP endpoint state machine (inactive, SYN sent, SYN-ACK sent, partial, established,
 * closed, reset; {@code TCPSessionAdapter::UpdateStateMachine}), and the pair of final states is
 * named as Zeek's {@code conn_state} function names it (base/protocols/conn/main.zeek), including
 * the history test that tells RSTOS0 from OTH. The capture module's {@code ConnState} looks only at
 * which flags each side ever sent; this walk also sees their order (a RST after both FINs is still
 * SF, a RST after a FIN answered by nothing is RSTO). Zeek's sequence-number checks (SYN-ACK
 * reversal, retransmitted FINs) are not modelled: the packets are taken as they come.
 */
public final class ZeekConnState {
  /** Names in Zeek's order of its documentation. */
  public static final List<String> NAMES = List.of("S0", "S1", "SF", "REJ", "S2", "S3", "RSTO",
      "RSTR", "RSTOS0", "RSTRH", "SH", "SHR", "OTH");

  private static final int FIN = 0x01;
  private static final int SYN = 0x02;
  private static final int RST = 0x04;
  private static final int ACK = 0x10;
  /** Zeek's test for RSTOS0: the originator's SYN, then none of its ACK/FIN/multi-flag packets, then its RST. */
  private static final Pattern RSTOS0_HISTORY = Pattern.compile("\\^?S[^HAFGIQ]*R.*");

  private enum State { INACTIVE, SYN_SENT, SYN_ACK_SENT, PARTIAL, ESTABLISHED, CLOSED, RESET }

  /** One endpoint's state, the state before its last change, and its payload bytes. */
  private static final class Endpoint {
    State state = State.INACTIVE;
    State previous = State.INACTIVE;
    long size;
    /** History letters already written (Zeek writes each kind once per endpoint). */
    int written;

    void set(State s) {
      if (s != state) {
        previous = state;
        state = s;
      }
    }
  }

  private ZeekConnState() {
  }

  /** @param protocol 6 (TCP) or 17 (UDP) */
  public static String of(int protocol, List<PacketSummary> packets) {
    if (protocol != 6) {
      // the tracker's initiator is the first sender, so Zeek's UDP_ACTIVE holds for it
      boolean answered = packets.stream().anyMatch(p -> !p.fromInitiator());
      return answered ? "SF" : "S0";
    }
    Endpoint orig = new Endpoint();
    Endpoint resp = new Endpoint();
    StringBuilder history = new StringBuilder();
    for (PacketSummary p : packets) {
      Endpoint e = p.fromInitiator() ? orig : resp;
      Endpoint peer = p.fromInitiator() ? resp : orig;
      int f = p.tcpFlags();
      history(e, f, p.payloadLength(), p.fromInitiator(), history);
      if ((f & RST) == 0) {
        e.size += p.payloadLength();
      }
      step(e, peer, orig, f, p.payloadLength(), p.fromInitiator());
    }
    return name(orig, resp, history.toString());
  }

  private static void step(Endpoint e, Endpoint peer, Endpoint orig, int f, int len, boolean isOrig) {
    boolean syn = (f & SYN) != 0;
    boolean fin = (f & FIN) != 0;
    boolean rst = (f & RST) != 0;
    boolean ack = (f & ACK) != 0;
    switch (e.state) {
      case INACTIVE -> {
        if (syn) {
          if (isOrig) {
            e.set(ack ? State.SYN_ACK_SENT : State.SYN_SENT);
          } else {
            if (peer.state == State.SYN_SENT) {
              peer.set(State.ESTABLISHED);
            }
            e.set(State.ESTABLISHED);
          }
        }
        if (fin) {
          e.set(State.CLOSED);
        }
        if (rst) {
          e.set(State.RESET);
        }
        if (e.state == State.INACTIVE) {
          // an ACK of the SYN before the SYN-ACK does not make the responder partial
          if (!isOrig && len == 0 && orig.state == State.SYN_SENT) {
            return;
          }
          e.set(ack && peer.state == State.ESTABLISHED ? State.ESTABLISHED : State.PARTIAL);
        }
      }
      case SYN_SENT, SYN_ACK_SENT -> {
        if (fin) {
          e.set(State.CLOSED);
        }
        if (rst) {
          e.set(State.RESET);
        }
      }
      case ESTABLISHED, PARTIAL -> {
        if (syn && e.state == State.PARTIAL && peer.state == State.INACTIVE && !ack) {
          e.set(State.SYN_SENT);
        }
        if (fin && !rst) {
          e.set(State.CLOSED);
          // the peer's FIN then RST was a normal close after all
          if (peer.state == State.RESET && peer.previous == State.CLOSED) {
            peer.set(State.CLOSED);
          }
        }
        if (rst) {
          e.set(State.RESET);
        }
      }
      case CLOSED -> {
        if (rst && peer.state != State.CLOSED) {
          e.set(State.RESET);
        }
      }
      case RESET -> {
        // nothing changes after a reset
      }
    }
  }

  /** Zeek's history letters, each kind once per endpoint; upper case for the originator. */
  private static void history(Endpoint e, int f, int len, boolean isOrig, StringBuilder out) {
    int controls = Integer.bitCount(f & (SYN | FIN | RST));
    char c;
    if (controls > 1) {
      c = (f & FIN) != 0 && (f & RST) != 0 ? 'I' : 'Q';
    } else if ((f & SYN) != 0) {
      c = (f & ACK) != 0 ? 'H' : 'S';
    } else if ((f & FIN) != 0) {
      c = 'F';
    } else if ((f & RST) != 0) {
      c = 'R';
    } else if (len > 0) {
      c = 'D';
    } else if ((f & ACK) != 0) {
      c = 'A';
    } else {
      return;
    }
    int bit = 1 << "SHFRDAIQ".indexOf(c);
    if ((e.written & bit) == 0) {
      e.written |= bit;
      out.append(isOrig ? c : Character.toLowerCase(c));
    }
  }

  private static String name(Endpoint o, Endpoint r, String history) {
    State os = o.state;
    State rs = r.state;
    boolean oInactive = os == State.INACTIVE || os == State.PARTIAL;
    boolean rInactive = rs == State.INACTIVE || rs == State.PARTIAL;
    if (rs == State.RESET) {
      if (os == State.SYN_SENT || os == State.SYN_ACK_SENT
          || os == State.RESET && o.size == 0 && r.size == 0) {
        return "REJ";
      }
      return oInactive ? "RSTRH" : "RSTR";
    }
    if (os == State.RESET) {
      if (rInactive) {
        return RSTOS0_HISTORY.matcher(history).matches() ? "RSTOS0" : "OTH";
      }
      return "RSTO";
    }
    if (rs == State.CLOSED && os == State.CLOSED) {
      return "SF";
    }
    if (os == State.CLOSED) {
      return rInactive ? "SH" : "S2";
    }
    if (rs == State.CLOSED) {
      return oInactive ? "SHR" : "S3";
    }
    if (os == State.SYN_SENT && rs == State.INACTIVE) {
      return "S0";
    }
    if (os == State.ESTABLISHED && rs == State.ESTABLISHED) {
      return "S1";
    }
    return "OTH";
  }
}
