package org.tadam.capture.word;

import org.tadam.capture.flow.Connection;

/**
 * JSON Lines: one object per connection with its metadata and its word, e.g.
 * {@code {"service":"http","protocol":"tcp","initiator":"127.0.0.1:40000",
 * "responder":"127.0.0.1:80","state":"SF","midstream":false,"truncated":false,"packets":10,
 * "start_ns":...,"end_ns":...,"source":"x.pcap","word":[["S>",0,0],["SA<",12,0]]}}.
 */
public final class JsonWordFormat {
  private JsonWordFormat() {
  }

  public static String line(TimedWord w) {
    StringBuilder sb = new StringBuilder(64 + 24 * w.letters().size());
    sb.append("{\"service\":");
    string(sb, w.service());
    Connection c = w.connection();
    if (c != null) {
      sb.append(",\"protocol\":\"").append(c.protocolName()).append('"');
      sb.append(",\"initiator\":");
      string(sb, c.initiator().toString());
      sb.append(",\"responder\":");
      string(sb, c.responder().toString());
      sb.append(",\"state\":\"").append(c.state()).append('"');
      sb.append(",\"midstream\":").append(c.midstream());
      sb.append(",\"truncated\":").append(c.truncated());
      sb.append(",\"packets\":").append(c.packetCount());
      sb.append(",\"start_ns\":").append(c.startNanos());
      sb.append(",\"end_ns\":").append(c.endNanos());
      sb.append(",\"source\":");
      string(sb, c.source());
    }
    sb.append(",\"word\":[");
    boolean first = true;
    for (Letter l : w.letters()) {
      sb.append(first ? "[" : ",[");
      first = false;
      string(sb, l.symbol());
      for (int v : l.values()) {
        sb.append(',').append(v);
      }
      sb.append(']');
    }
    return sb.append("]}").toString();
  }

  static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (ch < 0x20) {
            sb.append(String.format("\\u%04x", (int) ch));
          } else {
            sb.append(ch);
          }
        }
      }
    }
    sb.append('"');
  }
}
