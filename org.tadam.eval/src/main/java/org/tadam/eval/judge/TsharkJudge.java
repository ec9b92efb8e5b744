package org.tadam.eval.judge;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import org.tadam.eval.sample.FlowTuple;
import org.tadam.eval.sample.Side;

/**
 * Wireshark's opinion: per connection, the expert items of severity error and warning that tshark
 * raises on its frames (what {@code tshark -z expert} counts as Errors and Warns) and its malformed
 * frames ({@code _ws.malformed}, the filter of the project's outside check). One tshark run per
 * capture file, printing only the frames that have such an item, with their 5-tuple and time.
 */
public final class TsharkJudge implements Judge {
  public static final List<String> KINDS = List.of("errors", "warnings", "malformed");
  /** Wireshark's severity codes (epan/proto.h PI_WARN, PI_ERROR). */
  private static final long WARN = 0x600000;
  private static final long ERROR = 0x800000;
  private static final List<String> FIELDS = List.of("frame.time_epoch", "ip.src", "ip.dst", "ipv6.src",
      "ipv6.dst", "tcp.srcport", "tcp.dstport", "udp.srcport", "udp.dstport", "_ws.expert.severity",
      "_ws.malformed");

  private final ExternalTool tool;
  private final long timeoutSeconds;

  public TsharkJudge(String executable, long timeoutSeconds) {
    this.tool = new ExternalTool(executable);
    this.timeoutSeconds = timeoutSeconds;
  }

  @Override
  public String name() {
    return "tshark";
  }

  @Override
  public JudgeVerdicts judge(Side side, PrintWriter progress) {
    if (tool.locate() == null) {
      return JudgeVerdicts.absent(name(), tool.executable() + " is not installed");
    }
    String version = tool.firstLine(List.of("-v"));
    FlowIndex index = new FlowIndex(side);
    long[][] counts = new long[side.connections().size()][KINDS.size()];
    long[] unattributed = {0};
    try {
      for (int f = 0; f < side.files().size(); f++) {
        int file = f;
        progress.println("tadam eval: tshark " + side.files().get(f));
        progress.flush();
        tool.run(arguments(side.files().get(f).toString()), line -> {
          long[] c = parse(line);
          if (c == null) {
            return;
          }
          String[] v = line.split("\t", -1);
          int i = index.find(file, tuple(v), timeNanos(v[0]));
          if (i < 0) {
            unattributed[0] += c[0] + c[1] + c[2];
            return;
          }
          for (int k = 0; k < c.length; k++) {
            counts[i][k] += c[k];
          }
        }, timeoutSeconds);
      }
    } catch (IOException e) {
      return JudgeVerdicts.failed(name(), e.getMessage());
    }
    return new JudgeVerdicts(name(), "ok", version == null ? "tshark" : version, KINDS, counts,
        new String[side.connections().size()], unattributed[0]);
  }

  static List<String> arguments(String file) {
    List<String> a = new java.util.ArrayList<>(List.of("-n", "-r", file, "-Y", "_ws.expert.severity >= 0x600000 || _ws.malformed",
        "-T", "fields", "-E", "separator=/t", "-E", "occurrence=a"));
    FIELDS.forEach(f -> {
      a.add("-e");
      a.add(f);
    });
    return a;
  }

  /** {errors, warnings, malformed} of one output line, or null for a line that is not one. */
  static long[] parse(String line) {
    String[] v = line.split("\t", -1);
    if (v.length != FIELDS.size()) {
      return null;
    }
    long errors = 0;
    long warnings = 0;
    for (String s : v[9].split(",")) {
      if (!s.isEmpty()) {
        long severity = Long.parseLong(s.strip());
        if (severity == ERROR) {
          errors++;
        } else if (severity == WARN) {
          warnings++;
        }
      }
    }
    return new long[] {errors, warnings, v[10].isEmpty() ? 0 : 1};
  }

  /** The innermost IP and transport header's 5-tuple (tunnels list the outer ones first). */
  private static FlowTuple tuple(String[] v) {
    boolean v6 = !v[3].isEmpty();
    String src = last(v6 ? v[3] : v[1]);
    String dst = last(v6 ? v[4] : v[2]);
    boolean tcp = !v[5].isEmpty();
    String sp = last(tcp ? v[5] : v[7]);
    String dp = last(tcp ? v[6] : v[8]);
    if (sp.isEmpty() || dp.isEmpty()) {
      return new FlowTuple("none");
    }
    return FlowTuple.of(tcp ? "tcp" : "udp", src, Integer.parseInt(sp), dst, Integer.parseInt(dp));
  }

  private static String last(String field) {
    int comma = field.lastIndexOf(',');
    return comma < 0 ? field : field.substring(comma + 1);
  }

  /** "1795737383.557123000" → nanoseconds, without going through a double. */
  static long timeNanos(String epoch) {
    int dot = epoch.indexOf('.');
    if (dot < 0) {
      return Long.parseLong(epoch) * 1_000_000_000L;
    }
    String fraction = (epoch.substring(dot + 1) + "000000000").substring(0, 9);
    return Long.parseLong(epoch.substring(0, dot)) * 1_000_000_000L + Long.parseLong(fraction);
  }
}
