package org.tadam.capture.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.tadam.capture.CaptureIngest;
import org.tadam.capture.IngestOptions;
import org.tadam.capture.IngestReport;

/**
 * Throughput benchmark of capture ingestion (read + decode + connection tracking + payload
 * classification; one thread), next to tshark on the same files, written as a markdown report.
 * Not a unit test: run {@code bench/run-capture-bench.sh}.
 *
 * <p>Arguments: PCAP_DIR SYNTHETIC_FILE SIZE_MB REPORT_FILE.
 */
public final class CaptureBench {
  private static final int REPEATS = 3;
  private static final int LIVE_SAMPLE_EVERY = 500;

  private CaptureBench() {
  }

  public static void main(String[] args) throws Exception {
    Path pcaps = Path.of(args[0]);
    Path synthetic = Path.of(args[1]);
    long sizeMb = Long.parseLong(args[2]);
    Path report = Path.of(args[3]);
    List<Path> corpus;
    try (Stream<Path> s = Files.walk(pcaps)) {
      corpus = s.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".tsv"))
          .sorted().toList();
    }
    if (!Files.exists(synthetic) || Files.size(synthetic) < sizeMb << 20) {
      System.err.println("building " + synthetic);
      SyntheticCapture.build(corpus, synthetic, sizeMb << 20);
    }
    // A quarter-size copy made the same way: its live heap must match the big one's.
    Path quarter = synthetic.resolveSibling("quarter-" + synthetic.getFileName());
    if (!Files.exists(quarter) || Files.size(quarter) < sizeMb << 18) {
      SyntheticCapture.build(corpus, quarter, sizeMb << 18);
    }
    String xmx = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("-Xmx")).findFirst().orElse("default heap");
    StringBuilder md = new StringBuilder();
    md.append("# Capture ingestion benchmark\n\n");
    md.append("Command: `org.tadam.capture/bench/run-capture-bench.sh` (runs `")
        .append(CaptureBench.class.getName()).append(' ').append(String.join(" ", args))
        .append("` with `").append(xmx).append("`, pinned to one core with `taskset -c 0`)\n\n");
    md.append("Date: ").append(Instant.now()).append("; machine: ")
        .append(Runtime.getRuntime().availableProcessors()).append(" core(s) available to the JVM, Java ")
        .append(System.getProperty("java.version")).append(". One thread. Files are in the page ")
        .append("cache (each input is read once before timing), so this measures CPU cost, not ")
        .append("the disk.\n\n");
    md.append("What is timed: `CaptureIngest.connections` = streaming read + link/IP/TCP/UDP ")
        .append("decoding + connection tracking with payload classes (text/χ²) and payload ")
        .append("retention at the defaults (64 packets × 1500 bytes), connections emitted to a ")
        .append("no-op consumer. tshark: `tshark -r FILE -T fields -e frame.len > /dev/null`, ")
        .append("same files, same run.\n\n");
    md.append("| input | size | packets | connections | ours: time | ours: MB/s | ours: packets/s")
        .append(" | peak heap (live after GC) | tshark: time | tshark: MB/s | speed-up |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
    row(md, "all of data/pcaps (" + corpus.size() + " files)", corpus, true);
    row(md, "synthetic " + quarter.getFileName(), List.of(quarter), false);
    row(md, "synthetic " + synthetic.getFileName(), List.of(synthetic), true);
    md.append("\nours = best of ").append(REPEATS).append(" runs after one warm-up run; cold = ")
        .append("that first run, including JIT compilation. ");
    md.append("MB = 10^6 bytes. Peak heap = peak of the JVM heap pools during the timed runs ")
        .append("(after a GC before each input), an upper bound that includes garbage not yet ")
        .append("collected (it grows with the young generation the JVM chooses, not with the ")
        .append("input); in parentheses the live data: the largest heap occupancy after full ")
        .append("collections forced every ").append(LIVE_SAMPLE_EVERY).append(" connections in ")
        .append("an extra untimed run. ")
        .append("tshark on the corpus is one process per file, so its start-up time ")
        .append("(≈ 0.2 s) dominates there; the synthetic file is the fair comparison. ")
        .append("The live heap is bounded by the connections open at the same time (timeouts, ")
        .append("100 000 cap) times what each keeps (≤ 1000 packet summaries, ≤ 64 × 1500 ")
        .append("payload bytes), not by the file size: compare the quarter-size and the full ")
        .append("synthetic captures, which repeat the same traffic 8 and 32 times.\n");
    Files.writeString(report, md.toString());
    System.out.print(md);
  }

  private static void row(StringBuilder md, String label, List<Path> files, boolean withTshark)
      throws Exception {
    long bytes = 0;
    for (Path f : files) {
      bytes += Files.size(f);
    }
    CaptureIngest ingest = new CaptureIngest(IngestOptions.defaults());
    long c0 = System.nanoTime();
    ingest.connections(files, c -> { });
    long cold = System.nanoTime() - c0;
    System.gc();
    resetPeaks();
    long best = Long.MAX_VALUE;
    IngestReport r = null;
    for (int i = 0; i < REPEATS; i++) {
      long t0 = System.nanoTime();
      r = ingest.connections(files, c -> { });
      best = Math.min(best, System.nanoTime() - t0);
    }
    long peak = peakHeap();
    long live = liveHeap(ingest, files);
    long tshark = withTshark ? tsharkNanos(files) : 0;
    double secs = best / 1e9;
    double tsecs = tshark / 1e9;
    String tsharkCells = withTshark ? String.format("%.1f s | %.1f | %.1f×", tsecs,
        bytes / 1e6 / tsecs, tsecs / secs) : "— | — | —";
    md.append(String.format("| %s | %.1f MB | %d | %d | %.2f s | %.0f (cold: %.0f) | %.2f M "
        + "| %d MiB (%d MiB) | %s |%n", label, bytes / 1e6, r.frames(), r.connections(), secs,
        bytes / 1e6 / secs, bytes / 1e6 / (cold / 1e9), r.frames() / secs / 1e6, peak >> 20,
        live >> 20, tsharkCells));
    System.err.println(md.substring(md.lastIndexOf("| " + label)));
  }

  private static long tsharkNanos(List<Path> files) throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    for (Path f : files) {
      Process p = new ProcessBuilder("tshark", "-r", f.toString(), "-T", "fields", "-e",
          "frame.len").redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      p.waitFor(1, TimeUnit.HOURS);
    }
    return System.nanoTime() - t0;
  }

  /**
   * Live data: an extra, untimed run that forces a full collection every
   * {@value #LIVE_SAMPLE_EVERY} emitted connections and keeps the largest heap occupancy after it.
   */
  private static long liveHeap(CaptureIngest ingest, List<Path> files) {
    long[] state = new long[2];
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    ingest.connections(files, c -> {
      if (++state[0] % LIVE_SAMPLE_EVERY == 0) {
        System.gc();
        state[1] = Math.max(state[1], memory.getHeapMemoryUsage().getUsed());
      }
    });
    System.gc();
    return Math.max(state[1], memory.getHeapMemoryUsage().getUsed());
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  private static long peakHeap() {
    List<Long> peaks = new ArrayList<>();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peaks.add(pool.getPeakUsage().getUsed());
      }
    }
    return peaks.stream().mapToLong(Long::longValue).sum();
  }
}
