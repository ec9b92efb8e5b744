package org.tadam.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tadam.capture.flow.TrackerOptions;
import org.tadam.pcap.ReadReport;

/**
 * Mutated fixtures (bit flips, byte overwrites, truncations, splices; the fragment fixture too)
 * through the whole pipeline: no exception escapes (format errors are recorded as the documented
 * CaptureFormatException), every run terminates, and the counts add up. 10 000 cases by default; more with
 * {@code -Dtadam.fuzz.cases=N}, another seed with {@code -Dtadam.fuzz.seed=S}.
 */
class CaptureFuzzTest {
  private static final int CASES = Integer.getInteger("tadam.fuzz.cases", 10_000);
  private static final long SEED = Long.getLong("tadam.fuzz.seed", 20261126L);

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void mutatedCapturesNeverBreakTheReader() throws IOException {
    List<byte[]> fixtures = java.util.stream.Stream.concat(Fixtures.ALL.stream(),
        java.util.stream.Stream.of(Fixtures.FRAGMENTED)).map(Fixtures::bytes).toList();
    Random rnd = new Random(SEED);
    IngestOptions options = IngestOptions.defaults().withTracker(
        TrackerOptions.defaults().withMaxPackets(20));
    CaptureIngest ingest = new CaptureIngest(options);
    int errors = 0;
    for (int n = 0; n < CASES; n++) {
      byte[] input = mutate(fixtures, rnd);
      long[] packetsInConnections = new long[1];
      IngestReport report = ingest.connections(
          Channels.newChannel(new ByteArrayInputStream(input)), "case-" + n, c -> {
            packetsInConnections[0] += c.packetCount();
            assertEquals(Math.min(c.packetCount(), 20), c.packets().size());
            assertTrue(c.packetCount() > 0);
          });
      ReadReport file = report.files().get(0);
      assertEquals(file.frames(), report.trackedPackets() + file.skips().skippedFrames()
          + file.skips().mergedFragments(), "case " + n);
      assertEquals(report.trackedPackets(), packetsInConnections[0], "case " + n);
      assertTrue(file.bytes() <= input.length, "case " + n);
      if (file.error() != null) {
        errors++;
        assertTrue(file.error().getMessage().startsWith("case-" + n + ": "));
      }
    }
    assertTrue(errors > 0 && errors < CASES, "mutations should break some files, not all");
  }

  private static byte[] mutate(List<byte[]> fixtures, Random rnd) {
    byte[] b = fixtures.get(rnd.nextInt(fixtures.size())).clone();
    int kind = rnd.nextInt(5);
    switch (kind) {
      case 0 -> {
        int flips = 1 + rnd.nextInt(16);
        for (int i = 0; i < flips; i++) {
          int bit = rnd.nextInt(b.length * 8);
          b[bit / 8] ^= (byte) (1 << (bit % 8));
        }
      }
      case 1 -> {
        int at = rnd.nextInt(b.length - 4);
        int v = rnd.nextInt(4) == 0 ? -1 : rnd.nextInt(1 << (8 * (1 + rnd.nextInt(3))));
        b[at] = (byte) (v >> 24);
        b[at + 1] = (byte) (v >> 16);
        b[at + 2] = (byte) (v >> 8);
        b[at + 3] = (byte) v;
      }
      case 2 -> b = Arrays.copyOf(b, rnd.nextInt(b.length + 1));
      case 3 -> {
        byte[] other = fixtures.get(rnd.nextInt(fixtures.size()));
        int cut = rnd.nextInt(b.length + 1);
        int from = rnd.nextInt(other.length + 1);
        byte[] s = Arrays.copyOf(b, cut + other.length - from);
        System.arraycopy(other, from, s, cut, other.length - from);
        b = s;
      }
      default -> {
        for (int i = 0; i < 1 + rnd.nextInt(4); i++) {
          b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
        }
        b = Arrays.copyOf(b, b.length - rnd.nextInt(Math.min(64, b.length)));
      }
    }
    return b;
  }
}
