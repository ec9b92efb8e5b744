package org.tadam.eval.anomaly.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tadam.eval.EvalException;

/** Reading label rows, and the one-line errors naming file and line. */
class LabelFileTest {
  private static final String GOOD = "tcp\t127.0.0.1\t51564\t127.0.0.1\t25\t1796247416.171292\tnormal";

  @Test
  void rowsAreReadWithTheirLineNumbers(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("l.tsv"), "proto\tclient_ip\tclient_port\tserver_ip\tserver_port\tfirst_ts\tlabel\n"
        + GOOD + "\n# note\nudp\t::1\t5353\t::1\t53\t1796247416.5\tudpflood-hping3\n");
    List<LabelRow> rows = LabelFile.read(file);
    assertEquals(2, rows.size());
    assertEquals(2, rows.get(0).line());
    assertEquals(1_796_247_416_171_292L, rows.get(0).firstMicros());
    assertEquals(25, rows.get(0).serverPort());
    assertEquals(4, rows.get(1).line());
    assertEquals(new HostAddress(6, 0, 1), rows.get(1).clientAddress());
    assertEquals(1_796_247_416_500_000L, rows.get(1).firstMicros());
    assertEquals("udpflood-hping3", rows.get(1).label());
  }

  @Test
  void aBadRowIsRejectedWithFileAndLine(@TempDir Path dir) throws Exception {
    assertEquals(dir.resolve("l.tsv") + ":2: expected 7 tab-separated columns (" + LabelFile.COLUMNS + "), found 5",
        error(dir, GOOD + "\ntcp\t127.0.0.1\t1\t127.0.0.1\t25\n"));
    assertEquals(dir.resolve("l.tsv") + ":1: server_port must be a port 0..65535, not '70000'",
        error(dir, GOOD.replace("\t25\t", "\t70000\t")));
    assertEquals(dir.resolve("l.tsv") + ":1: first_ts must be seconds since the epoch, e.g. 1796247416.171292, not 'yesterday'",
        error(dir, GOOD.replace("1796247416.171292", "yesterday")));
    assertEquals(dir.resolve("l.tsv") + ":1: client_ip is not an IP address: '127.0.0.256'", error(dir, GOOD.replace("127.0.0.1\t5", "127.0.0.256\t5")));
    assertEquals(dir.resolve("l.tsv") + ":1: proto must be tcp or udp, not 'icmp'", error(dir, GOOD.replace("tcp", "icmp")));
    assertEquals(dir.resolve("l.tsv") + ":1: the label must be one word, not ''", error(dir, GOOD.replace("normal", "")));
    EvalException missing = assertThrows(EvalException.class, () -> LabelFile.read(dir.resolve("none.tsv")));
    assertEquals(dir.resolve("none.tsv") + ": no such file", missing.getMessage());
  }

  private static String error(Path dir, String text) throws Exception {
    Path file = Files.writeString(dir.resolve("l.tsv"), text);
    return assertThrows(EvalException.class, () -> LabelFile.read(file)).getMessage();
  }

  @Test
  void addressesParseAsCaptureKeepsThem() {
    assertEquals(new HostAddress(4, 0, 0x7F000001L), HostAddress.parse("127.0.0.1"));
    assertEquals(new HostAddress(6, 0x20010DB800000000L, 0x0000000000000001L), HostAddress.parse("2001:db8::1"));
    assertEquals(HostAddress.parse("0:0:0:0:0:0:0:1"), HostAddress.parse("::1"));
    for (String bad : List.of("1.2.3", "1.2.3.4.5", "::1::", "1:2:3:4:5:6:7:8:9", "12345::", "localhost", "")) {
      assertThrows(IllegalArgumentException.class, () -> HostAddress.parse(bad), bad);
    }
  }

  @Test
  void timesAreMicroseconds() {
    assertEquals(1_000_000L, Micros.parse("1"));
    assertEquals(1_000_001L, Micros.parse("1.0000005"));
    assertEquals(1_000_000L, Micros.parse("1.0000004999"));
    assertEquals("1796247416.171292", Micros.text(Micros.parse("1796247416.171292")));
    assertEquals(2L, Micros.ofNanos(1500));
    assertEquals(3L, Micros.ofNanos(2500));
  }
}
