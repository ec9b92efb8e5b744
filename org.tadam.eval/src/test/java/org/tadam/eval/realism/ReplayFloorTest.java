package org.tadam.eval.realism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tadam.eval.sample.ConnectionStats;
import org.tadam.eval.sample.ServiceKey;

class ReplayFloorTest {

  private static final ServiceKey KEY = new ServiceKey("ftp", "tcp");

  /** {@code n} connections of a capture that runs five scripts in turn: 1, 2, ... 5 client packets. */
  private static List<ConnectionStats> roundRobin(int n) {
    List<ConnectionStats> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new ConnectionStats(0, KEY, null, i, i + 1, "SF", 1 + i % 5, 1, 0, 0, new double[0], new double[0],
          new double[0], List.of()));
    }
    return out;
  }

  @Test
  void connectionsDrawnFromTheTrainingHalfDifferByChanceWhereTheHalvesAgreeExactly() {
    List<ConnectionStats> first = roundRobin(150);
    List<ConnectionStats> second = roundRobin(150);
    MetricDistance floor = SampleDistances.between(Metric.PACKETS_ORIG, first, second);
    MetricDistance replay = ReplayFloor.of(Metric.PACKETS_ORIG, first, second, 150, 7);
    assertEquals(0, floor.jsd());
    assertEquals(0, floor.ks());
    // five equally likely values, 150 draws: the KS statistic of such a sample is about 0.05, not 0
    assertTrue(replay.jsd() > 0 && replay.ks() > 0.01 && replay.ks() < 0.2, replay::toString);
    assertEquals(replay, ReplayFloor.of(Metric.PACKETS_ORIG, first, second, 150, 7), "the same seed, the same figures");
  }

  @Test
  void aTrainingHalfOfOneScriptReplaysWithoutError() {
    List<ConnectionStats> one = roundRobin(150).stream().filter(c -> c.packetsOrig() == 3).toList();
    MetricDistance replay = ReplayFloor.of(Metric.PACKETS_ORIG, one, one, 40, 1);
    assertEquals(0, replay.jsd());
    assertEquals(0, replay.emd());
    assertEquals(40, replay.valuesA());
  }

  @Test
  void nothingToDrawFromHasNoDistance() {
    assertTrue(ReplayFloor.of(Metric.PACKETS_ORIG, List.of(), roundRobin(10), 10, 1).empty());
  }
}
