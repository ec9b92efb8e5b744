package org.tadam.eval.holdout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tadam.capture.flow.ServiceTable;
import org.tadam.eval.sample.ConnectionStats;
import org.tadam.eval.sample.SampleReader;
import org.tadam.eval.sample.ServiceKey;
import org.tadam.eval.sample.Side;

/** The real capture cut in two per service, and the first half written back as a capture. */
class HalvesTest {
  static final Path WEB_DNS = Path.of(System.getProperty("tadam.samples", "../samples"), "captures", "web-dns.pcap");

  @Test
  void eachServiceIsCutByStartTime() throws Exception {
    Side side = new SampleReader(ServiceTable.standard()).read("real", List.of(WEB_DNS));
    Halves h = Halves.of(side.connections());
    for (ServiceKey k : h.first().keySet()) {
      List<ConnectionStats> first = h.first().get(k);
      List<ConnectionStats> second = h.second().get(k);
      assertEquals(30, first.size(), k.toString());
      assertEquals(30, second.size(), k.toString());
      long lastOfFirst = first.stream().mapToLong(ConnectionStats::startNanos).max().orElseThrow();
      long firstOfSecond = second.stream().mapToLong(ConnectionStats::startNanos).min().orElseThrow();
      assertTrue(lastOfFirst <= firstOfSecond, k.toString());
      assertEquals(30, h.smaller(k));
    }
    assertEquals(0, h.smaller(new ServiceKey("ssh", "tcp")));
  }

  @Test
  void anOddCountGivesTheSecondHalfTheExtraConnection() {
    ServiceKey key = new ServiceKey("x", "udp");
    List<ConnectionStats> five = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      five.add(new ConnectionStats(0, key, null, 100 - i, 200, "SF", 1, 1, 0, 0, new double[0], new double[0],
          new double[0], List.of()));
    }
    Halves h = Halves.of(five);
    assertEquals(List.of(96L, 97L), h.first().get(key).stream().map(ConnectionStats::startNanos).toList());
    assertEquals(3, h.second().get(key).size());
  }

  @Test
  void theFirstHalfWrittenOutReadsBackAsTheSameConnections(@TempDir Path dir) throws Exception {
    Side side = new SampleReader(ServiceTable.standard()).read("real", List.of(WEB_DNS));
    Halves h = Halves.of(side.connections());
    List<ConnectionStats> first = h.first().values().stream().flatMap(List::stream).toList();
    Path out = dir.resolve("first.pcapng");
    long frames = HalfWriter.write(side, first, out);
    Side back = new SampleReader(ServiceTable.standard()).read("first", List.of(out));
    assertEquals(first.size(), back.connections().size());
    assertEquals(first.stream().mapToLong(c -> c.packetsOrig() + c.packetsResp()).sum(), frames);
    assertEquals(first.stream().map(c -> c.key() + " " + c.startNanos() + " " + c.symbols()).sorted().toList(),
        back.connections().stream().map(c -> c.key() + " " + c.startNanos() + " " + c.symbols()).sorted().toList());
  }
}
