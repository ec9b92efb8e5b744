package org.tadam.eval.anomaly.labels;

/**
 * One row of a labels file: a connection named by its protocol, its two endpoints (client first,
 * as the file writes them; matched in either direction) and the time of its first packet.
 *
 * @param line the row's line number in its file (1-based), for messages
 * @param firstMicros the first packet's time in microseconds since the epoch
 */
public record LabelRow(int line, String protocol, HostAddress clientAddress, int clientPort,
    HostAddress serverAddress, int serverPort, long firstMicros, String label) {

  /** The row as people read it: {@code tcp 127.0.0.1:51564 > 127.0.0.1:25 at 1796247416.171292}. */
  public String describe() {
    return protocol + " " + clientText() + " > " + serverText() + " at " + Micros.text(firstMicros);
  }

  private String clientText() {
    return text(clientAddress, clientPort);
  }

  private String serverText() {
    return text(serverAddress, serverPort);
  }

  private static String text(HostAddress a, int port) {
    if (a.version() == 4) {
      long v = a.lo();
      return ((v >>> 24) & 0xFF) + "." + ((v >>> 16) & 0xFF) + "." + ((v >>> 8) & 0xFF) + "." + (v & 0xFF) + ":" + port;
    }
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < 8; i++) {
      long word = i < 4 ? a.hi() >>> (48 - 16 * i) : a.lo() >>> (48 - 16 * (i - 4));
      sb.append(i == 0 ? "" : ":").append(Long.toHexString(word & 0xFFFF));
    }
    return sb.append("]:").append(port).toString();
  }
}
