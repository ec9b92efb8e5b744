package org.tadam.eval.judge;

import java.util.List;

/**
 * What one outside tool said about the connections of one side: per connection a few counts (named
 * by {@code kinds}) and a label, or why there is nothing (the tool is absent or failed).
 *
 * @param status {@code ok}, {@code absent} or {@code failed}
 * @param detail the tool's version when it ran, else what went wrong
 * @param counts per connection (index of the side), per kind
 * @param labels per connection (nDPI: the protocol it named), null entries allowed
 * @param unattributed items the tool reported on frames of no connection (ARP, ICMP, ...)
 */
public record JudgeVerdicts(String tool, String status, String detail, List<String> kinds, long[][] counts,
    String[] labels, long unattributed) {

  public static JudgeVerdicts absent(String tool, String why) {
    return new JudgeVerdicts(tool, "absent", why, List.of(), new long[0][], new String[0], 0);
  }

  public static JudgeVerdicts failed(String tool, String why) {
    return new JudgeVerdicts(tool, "failed", why, List.of(), new long[0][], new String[0], 0);
  }

  public boolean ok() {
    return status.equals("ok");
  }

  /** The sum of one kind over some connections. */
  public long sum(String kind, List<Integer> connections) {
    int k = kinds.indexOf(kind);
    if (k < 0) {
      throw new IllegalArgumentException("no count named " + kind);
    }
    long s = 0;
    for (int i : connections) {
      s += counts[i][k];
    }
    return s;
  }
}
