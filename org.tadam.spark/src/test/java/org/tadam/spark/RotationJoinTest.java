package org.tadam.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tadam.capture.flow.TrackerOptions;
import org.tadam.spark.ingest.FileResult;
import org.tadam.spark.ingest.RotationJoin;
import org.tadam.spark.ingest.WordRow;

/** Which connection pieces are joined: same 5-tuple, files in time order, gaps within the idle timeout. */
class RotationJoinTest {
  private static final long S = 1_000_000_000L;
  private static final String FLOW = "6 10.0.0.1:40000 10.0.0.2:80";
  private static final TrackerOptions TRACKER = TrackerOptions.defaults();

  private static FileResult file(int index, long first, long last) {
    return new FileResult(index, "/captures/f" + index, 0, 0, 0, first * S, last * S, null, List.of());
  }

  private static WordRow row(int file, long seq, String flow, String protocol, boolean midstream, long start, long end,
      String ending) {
    return new WordRow("http", protocol, "OTH", midstream, false, 1, "a", "b", 80, start * S, end * S, "f" + file, file,
        seq, 1, ending, flow, "S> (0,0)", null, null);
  }

  private static List<List<String>> chains(List<FileResult> files, WordRow... rows) {
    return RotationJoin.chains(files, List.of(rows), TRACKER).stream()
        .map(c -> c.pieces().stream().map(p -> p.file() + ":" + p.seq()).toList()).toList();
  }

  @Test
  void aMidStreamContinuationInTheNextFileIsJoined() {
    List<FileResult> files = List.of(file(0, 0, 100), file(1, 100, 200));
    assertEquals(List.of(List.of("0:3", "1:0")), chains(files, row(0, 3, FLOW, "tcp", false, 90, 100, "end-of-file"),
        row(1, 0, FLOW, "tcp", true, 101, 150, "closed")));
  }

  @Test
  void aNewHandshakeAnotherTupleOrALongGapIsNot() {
    List<FileResult> files = List.of(file(0, 0, 100), file(1, 100, 200));
    WordRow tail = row(0, 3, FLOW, "tcp", false, 90, 100, "end-of-file");
    assertEquals(List.of(), chains(files, tail, row(1, 0, FLOW, "tcp", false, 101, 150, "closed")), "starts with a SYN");
    assertEquals(List.of(), chains(files, tail, row(1, 0, "6 10.0.0.1:40001 10.0.0.2:80", "tcp", true, 101, 150,
        "closed")), "other port");
    List<FileResult> apart = List.of(file(0, 0, 100), file(1, 500, 600));
    assertEquals(List.of(), chains(apart, tail, row(1, 0, FLOW, "tcp", true, 500, 550, "closed")), "idle 400 s > 300 s");
  }

  @Test
  void filesThatOverlapInTimeOrLieInOtherDirectoriesAreNotARotation() {
    WordRow tail = row(0, 3, FLOW, "tcp", false, 90, 100, "end-of-file");
    WordRow head = row(1, 0, FLOW, "tcp", true, 101, 150, "closed");
    assertEquals(List.of(), chains(List.of(file(0, 0, 100), file(1, 50, 200)), tail, head));
    FileResult elsewhere = new FileResult(1, "/other/f1", 0, 0, 0, 100 * S, 200 * S, null, List.of());
    assertEquals(List.of(), chains(List.of(file(0, 0, 100), elsewhere), tail, head));
  }

  @Test
  void aConnectionThroughThreeFilesIsOneChainAndUdpWaitsItsOwnTimeout() {
    List<FileResult> files = List.of(file(2, 200, 300), file(0, 0, 100), file(1, 100, 200));
    assertEquals(List.of(List.of("0:3", "1:0", "2:0")), chains(files,
        row(1, 0, FLOW, "tcp", true, 100, 200, "end-of-file"), row(2, 0, FLOW, "tcp", true, 201, 210, "closed"),
        row(0, 3, FLOW, "tcp", false, 90, 100, "end-of-file")));
    String dns = "17 10.0.0.1:5353 10.0.0.2:53";
    assertEquals(List.of(List.of("0:1", "1:4")), chains(files.subList(1, 3),
        row(0, 1, dns, "udp", false, 95, 99, "end-of-file"), row(1, 4, dns, "udp", false, 130, 131, "idle")));
    assertEquals(List.of(), chains(files.subList(1, 3), row(0, 1, dns, "udp", false, 95, 99, "end-of-file"),
        row(1, 4, dns, "udp", false, 170, 171, "idle")), "71 s > the UDP timeout of 60 s");
  }
}
