package org.tadam.eval.judge;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tadam.eval.sample.FlowTuple;
import org.tadam.eval.sample.Side;

/**
 * nDPI's opinion: whether it recognised each connection's application by its content. ndpiReader
 * ({@code -q -v 2}) prints one line per flow with the protocol and how it was found
 * ({@code [Confidence: DPI]}, also "DPI (partial)", "DPI (cache)"..., against "Match by port",
 * "Unknown"); a confidence that starts with "DPI" counts as detected by content. nDPI keeps one
 * flow per 5-tuple, so its verdict holds for every connection of that 5-tuple in the file.
 */
public final class NdpiJudge implements Judge {
  public static final List<String> KINDS = List.of("seen", "content");
  private static final Pattern FLOW = Pattern.compile(
      "^\\s*\\d+\\s+(TCP|UDP)\\s+(\\S+)\\s+<->\\s+(\\S+)\\s+\\[proto: ([^\\]]*)\\].*?\\[Confidence: ([^\\]]*)\\]");
  private static final Pattern VERSION = Pattern.compile("nDPI \\(?([0-9][^\\s)]*)");

  private final ExternalTool tool;
  private final long timeoutSeconds;

  public NdpiJudge(String executable, long timeoutSeconds) {
    this.tool = new ExternalTool(executable);
    this.timeoutSeconds = timeoutSeconds;
  }

  @Override
  public String name() {
    return "nDPI";
  }

  @Override
  public JudgeVerdicts judge(Side side, PrintWriter progress) {
    if (tool.locate() == null) {
      return JudgeVerdicts.absent(name(), tool.executable() + " is not installed (Debian package libndpi-bin)");
    }
    FlowIndex index = new FlowIndex(side);
    int n = side.connections().size();
    long[][] counts = new long[n][KINDS.size()];
    String[] labels = new String[n];
    long[] unattributed = {0};
    // "Welcome to nDPI 4.2.0" (quiet runs do not say it)
    String welcome = tool.firstLine(List.of("-h"));
    Matcher found = welcome == null ? null : VERSION.matcher(welcome);
    String version = found != null && found.find() ? "nDPI " + found.group(1) : "ndpiReader";
    try {
      for (int f = 0; f < side.files().size(); f++) {
        int file = f;
        Path capture = side.files().get(f);
        progress.println("tadam eval: ndpiReader " + capture);
        progress.flush();
        Consumer<Flow> take = flow -> {
          List<Integer> matched = index.all(file, flow.tuple());
          if (matched.isEmpty()) {
            unattributed[0]++;
          }
          for (int i : matched) {
            counts[i][0] = 1;
            counts[i][1] = flow.content() ? 1 : 0;
            labels[i] = flow.protocol();
          }
        };
        long[] flows = {0};
        String error = read(capture, take, flows);
        if (error != null && flows[0] == 0) {
          // libpcap refuses some pcapng files that tshark reads (interfaces of different snapshot lengths)
          Path copy;
          try {
            copy = SingleLinkCopy.of(capture);
          } catch (IOException e) {
            return JudgeVerdicts.failed(name(), "ndpiReader could not read " + capture + ": " + error
                + "; no pcap copy either: " + e.getMessage());
          }
          try {
            progress.println("tadam eval: ndpiReader could not read it (" + error + "); reading a pcap copy");
            progress.flush();
            error = read(copy, take, flows);
          } finally {
            Files.deleteIfExists(copy);
          }
        }
        if (error != null) {
          return JudgeVerdicts.failed(name(), "ndpiReader could not read " + capture + ": " + error);
        }
        if (flows[0] == 0 && index.hasConnections(file)) {
          return JudgeVerdicts.failed(name(), "ndpiReader printed no flow for " + capture + ", which holds connections");
        }
      }
    } catch (IOException e) {
      return JudgeVerdicts.failed(name(), e.getMessage());
    }
    return new JudgeVerdicts(name(), "ok", version, KINDS, counts, labels,
        unattributed[0]);
  }

  /**
   * Runs ndpiReader on {@code capture}, giving {@code take} each flow it prints and counting them in {@code flows};
   * returns the error it printed, or null. It says that it could not read a capture on its standard output and
   * still exits with 0.
   */
  private String read(Path capture, Consumer<Flow> take, long[] flows) throws IOException {
    String[] error = {null};
    tool.run(List.of("-q", "-v", "2", "-i", capture.toString()), line -> {
      if (error[0] == null && line.strip().startsWith("Error")) {
        error[0] = line.strip();
      }
      Flow flow = parse(line);
      if (flow != null) {
        flows[0]++;
        take.accept(flow);
      }
    }, timeoutSeconds);
    return error[0];
  }

  /** One flow line of ndpiReader's verbose output. */
  record Flow(FlowTuple tuple, String protocol, boolean content) {
  }

  static Flow parse(String line) {
    Matcher m = FLOW.matcher(line);
    if (!m.find()) {
      return null;
    }
    String[] a = endpoint(m.group(2));
    String[] b = endpoint(m.group(3));
    if (a == null || b == null) {
      return null;
    }
    String proto = m.group(4);
    int slash = proto.indexOf('/');
    String name = slash < 0 ? proto : proto.substring(slash + 1);
    FlowTuple tuple = FlowTuple.of(m.group(1).toLowerCase(java.util.Locale.ROOT), a[0], Integer.parseInt(a[1]), b[0],
        Integer.parseInt(b[1]));
    return new Flow(tuple, name, m.group(5).strip().startsWith("DPI"));
  }

  /** "127.0.0.1:80" or "[::1]:80" → {address, port}; null when it is neither. */
  private static String[] endpoint(String text) {
    int colon = text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      return null;
    }
    String port = text.substring(colon + 1);
    if (!port.chars().allMatch(Character::isDigit)) {
      return null;
    }
    return new String[] {text.substring(0, colon), port};
  }
}
