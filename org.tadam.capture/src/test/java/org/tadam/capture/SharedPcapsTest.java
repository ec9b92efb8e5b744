package org.tadam.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tadam.capture.flow.Connection;

/**
 * Integration with the shared captures (../shared/data/pcaps, or -Dtadam.shared.pcaps=DIR) and
 * with tshark. Skipped, with a message, when either is absent.
 */
class SharedPcapsTest {
  static final Path PCAPS = Path.of(System.getProperty("tadam.shared.pcaps",
      "../../shared/data/pcaps"));
  /** Every n-th line of INDEX.tsv (-Dtadam.tshark.sample=N) joins the loopback captures. */
  private static final int SAMPLE_EVERY = Integer.getInteger("tadam.tshark.sample", 25);

  static List<Path> captures() throws IOException {
    try (Stream<Path> s = Files.walk(PCAPS)) {
      return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString()
          .endsWith(".tsv")).sorted().toList();
    }
  }

  @Test
  void readsEveryFileWithoutUnexpectedExceptions() throws IOException {
    assumeTrue(Files.isDirectory(PCAPS), "shared captures not found at " + PCAPS.toAbsolutePath());
    List<Path> files = captures();
    IngestReport r = new CaptureIngest(IngestOptions.defaults()).connections(files, c -> { });
    assertTrue(r.unreadable().isEmpty(), r.unreadable().toString());
    assertEquals(files.size(), r.files().size());
    assertEquals(r.frames(), r.trackedPackets() + r.skips().skippedFrames()
        + r.mergedFragments());
    assertTrue(r.trackedPackets() > 0.9 * r.frames(), r.summary());
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/shared-pcaps-summary.txt"), r.summary());
  }

  @Test
  void agreesWithTshark() throws Exception {
    assumeTrue(Files.isDirectory(PCAPS), "shared captures not found at " + PCAPS.toAbsolutePath());
    assumeTrue(tsharkAvailable(), "tshark not installed");
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(PCAPS.resolve("loopback"))) {
      s.sorted().forEach(files::add);
    }
    List<String> index = Files.readAllLines(PCAPS.resolve("INDEX.tsv"));
    for (int i = 1; i < index.size(); i += SAMPLE_EVERY) {
      files.add(PCAPS.resolve(index.get(i).split("\t")[13]));
    }
    StringBuilder table = new StringBuilder(
        "file\tpackets_ours\tpackets_tshark\ttcp_ours\ttcp_tshark\tudp_5tuples_ours\t"
            + "udp_flows_ours\tudp_tshark\n");
    int mismatches = 0;
    for (Path f : files) {
      List<Connection> cs = new ArrayList<>();
      IngestReport r = new CaptureIngest(IngestOptions.defaults()).connections(List.of(f),
          cs::add);
      long tcp = cs.stream().filter(c -> c.protocol() == 6).count();
      long udpFlows = cs.stream().filter(c -> c.protocol() == 17).count();
      Set<String> udpTuples = new HashSet<>();
      cs.stream().filter(c -> c.protocol() == 17).forEach(c -> udpTuples.add(
          c.initiator() + "-" + c.responder()));
      long[] t = tshark(f);
      table.append(String.join("\t", PCAPS.relativize(f).toString(), "" + r.frames(), "" + t[0],
          "" + tcp, "" + t[1], "" + udpTuples.size(), "" + udpFlows, "" + t[2])).append('\n');
      boolean loopback = f.startsWith(PCAPS.resolve("loopback"));
      assertEquals(t[0], r.frames(), "packet count of " + f);
      if (tcp != t[1] || udpTuples.size() != t[2]) {
        mismatches++;
        assertTrue(!loopback, "conversations differ from tshark on " + f + "\n" + table);
      }
    }
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/tshark-comparison.tsv"), table);
    assertTrue(mismatches <= files.size() / 4, "too many differences:\n" + table);
  }

  static boolean tsharkAvailable() {
    try {
      Process p = new ProcessBuilder("tshark", "-v").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  /** {frames, TCP conversations, UDP conversations} according to tshark. */
  static long[] tshark(Path f) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("tshark", "-n", "-r", f.toString(), "-q", "-z", "io,stat,0",
        "-z", "conv,tcp", "-z", "conv,udp").redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(120, TimeUnit.SECONDS);
    long frames = 0;
    long tcp = 0;
    long udp = 0;
    String section = "";
    for (String line : out.split("\n")) {
      if (line.startsWith("TCP Conversations")) {
        section = "tcp";
      } else if (line.startsWith("UDP Conversations")) {
        section = "udp";
      } else if (line.contains(" <> ") && line.startsWith("|")) {
        frames = Long.parseLong(line.split("\\|")[2].trim());
      } else if (line.contains("<->")) {
        if (section.equals("tcp")) {
          tcp++;
        } else {
          udp++;
        }
      }
    }
    if (frames == 0) {
      // io,stat prints no row when all packets share one timestamp: count the frames instead.
      Process q = new ProcessBuilder("tshark", "-n", "-r", f.toString(), "-T", "fields", "-e",
          "frame.number").redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String numbers = new String(q.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      q.waitFor(120, TimeUnit.SECONDS);
      frames = numbers.lines().filter(l -> !l.isBlank()).count();
    }
    return new long[] {frames, tcp, udp};
  }
}
