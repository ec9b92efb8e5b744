package org.tadam.capture.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tadam.pcap.CaptureReader;
import org.tadam.pcap.LinkType;
import org.tadam.pcap.PcapWriter;

/**
 * Builds a large classic pcap by concatenating the Ethernet frames of many captures, over and over
 * until a size is reached. Timestamps are rebased so that time only moves forward, as in one long
 * real capture: inter-arrival times are kept, except that gaps (and backward steps) are clamped to
 * [0, 120 s] and each copied file starts 120 s after the previous one, so idle UDP flows end.
 */
final class SyntheticCapture {
  private static final long MAX_GAP = 120_000_000_000L;
  private SyntheticCapture() {
  }

  static void build(List<Path> sources, Path target, long minBytes) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".part");
    long[] clock = {1_700_000_000_000_000_000L};
    long[] written = {24};
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20);
        PcapWriter w = new PcapWriter(out, LinkType.ETHERNET, 262144, false, false)) {
      while (written[0] < minBytes) {
        for (Path src : sources) {
          long[] previous = {Long.MIN_VALUE};
          try {
            CaptureReader.read(src, p -> {
              if (p.linkType() != LinkType.ETHERNET) {
                return;
              }
              long gap = previous[0] == Long.MIN_VALUE ? 0 : p.timestampNanos() - previous[0];
              previous[0] = p.timestampNanos();
              clock[0] += Math.max(0, Math.min(MAX_GAP, gap));
              long ts = clock[0];
              try {
                w.write(0, ts, p.data(), p.offset(), p.capturedLength(), p.originalLength());
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
              written[0] += 16 + p.capturedLength();
            });
          } catch (IOException e) {
            // A damaged source contributes what could be read before the damage.
          }
          clock[0] += MAX_GAP;
          if (written[0] >= minBytes) {
            break;
          }
        }
      }
    }
    Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }
}
