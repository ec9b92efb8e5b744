package org.tadam.eval.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tadam.capture.CaptureIngest;
import org.tadam.capture.IngestOptions;
import org.tadam.capture.word.TimedWord;

/** Groups as tadam learn makes them, rare services pooled per protocol, and which group scores a connection. */
class TrainingGroupsTest {

  @Test
  void rareServicesArePooledAndUnseenServicesMeetThePool(@TempDir Path dir) throws Exception {
    Traffic t = new Traffic();
    for (int i = 0; i < 12; i++) {
      t.session(40000 + i, 8000, "GET / HTTP/1.1\r\n\r\n", 10);
    }
    for (int i = 0; i < 3; i++) {
      t.exchange(41000 + i, 30000 + i, "\u0001\u0002 binary", "\u0003 binary");
    }
    List<TimedWord> words = new ArrayList<>();
    new CaptureIngest(IngestOptions.defaults()).words(List.of(t.write(dir.resolve("t.pcap"))), words::add);
    TrainingGroups groups = new TrainingGroups(words, 10, List.of("t.pcap"));
    assertEquals(List.of("http", "pooled_tcp"), groups.all().stream().map(TrainingGroup::name).toList());
    TrainingGroup pool = groups.all().get(1);
    assertTrue(pool.pooled());
    assertEquals(3, pool.words().size());
    assertEquals("http", groups.route("tcp", "http").name());
    assertEquals(pool, groups.route("tcp", "tcp/30001"));
    assertEquals(pool, groups.route("tcp", "tcp/39999"), "a service never seen in training");
    assertNull(groups.route("udp", "dns"), "no UDP training at all");
    // a minimum of one connection pools nothing
    assertEquals(4, new TrainingGroups(words, 1, List.of("t.pcap")).all().size());
  }
}
