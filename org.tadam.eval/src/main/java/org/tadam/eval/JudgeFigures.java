package org.tadam.eval;

import java.util.Map;

/**
 * What one outside tool said about one set of connections (a service's real or generated sample).
 *
 * @param status "ok", "absent" or "failed"; the figures are only meaningful when ok
 * @param sums per kind of count (tshark: errors, warnings, malformed; nDPI: seen, content)
 * @param topLabel nDPI: the protocol it named most often, else null
 */
public record JudgeFigures(String tool, String status, int connections, Map<String, Long> sums, String topLabel) {

  public boolean ok() {
    return status.equals("ok");
  }

  /** A count per 1000 connections. */
  public double per1000(String... kinds) {
    long s = 0;
    for (String k : kinds) {
      s += sums.getOrDefault(k, 0L);
    }
    return connections == 0 ? 0 : 1000.0 * s / connections;
  }

  /** A count as a share of the connections (nDPI's content-detection rate). */
  public double rate(String kind) {
    return connections == 0 ? 0 : (double) sums.getOrDefault(kind, 0L) / connections;
  }
}
