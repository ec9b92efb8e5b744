package org.tadam.capture.flow;

/**
 * Zeek-like connection outcome (Zeek conn.log {@code conn_state}), derived from which of SYN,
 * SYN-ACK, FIN and RST each side sent. UDP flows are S0 (one direction only) or SF (both).
 */
public enum ConnState {
  /** SYN seen, no reply. */
  S0,
  /** Established, not terminated. */
  S1,
  /** Normal establishment and termination (FIN from both sides). */
  SF,
  /** SYN answered by a RST. */
  REJ,
  /** Established, originator sent FIN, no FIN from the responder. */
  S2,
  /** Established, responder sent FIN, no FIN from the originator. */
  S3,
  /** Established, originator aborted with RST. */
  RSTO,
  /** Established, responder sent RST. */
  RSTR,
  /** Originator sent SYN then RST, no SYN-ACK seen. */
  RSTOS0,
  /** Responder sent SYN-ACK then RST, no SYN from the originator seen. */
  RSTRH,
  /** Originator sent SYN then FIN, no SYN-ACK seen ("half open"). */
  SH,
  /** Responder sent SYN-ACK then FIN, no SYN from the originator seen. */
  SHR,
  /** No SYN seen: mid-stream traffic. */
  OTH;

  /** @param orig OR of the TCP flags the initiator sent; {@code resp} likewise */
  static ConnState ofTcp(int orig, int resp) {
    boolean origSyn = (orig & 0x02) != 0;
    boolean respSyn = (resp & 0x02) != 0;
    boolean origFin = (orig & 0x01) != 0;
    boolean respFin = (resp & 0x01) != 0;
    boolean origRst = (orig & 0x04) != 0;
    boolean respRst = (resp & 0x04) != 0;
    if (!origSyn) {
      if (respSyn && respRst) {
        return RSTRH;
      }
      if (respSyn && respFin) {
        return SHR;
      }
      return OTH;
    }
    if (!respSyn) {
      if (respRst) {
        return REJ;
      }
      if (origRst) {
        return RSTOS0;
      }
      return origFin ? SH : S0;
    }
    if (origRst) {
      return RSTO;
    }
    if (respRst) {
      return RSTR;
    }
    if (origFin && respFin) {
      return SF;
    }
    return origFin ? S2 : respFin ? S3 : S1;
  }
}
