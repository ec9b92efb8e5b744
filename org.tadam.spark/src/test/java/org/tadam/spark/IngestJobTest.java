package org.tadam.spark;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tadam.spark.ingest.FileResult;
import org.tadam.spark.ingest.IngestSettings;

/** Ingestion gives the single-machine reader's words: per file, across a rotation, and around damaged files. */
class IngestJobTest {
  @TempDir
  Path dir;

  /** The job's words as word-file lines, sorted (the single reader's order is per file, Parquet's per service). */
  private static List<String> words(String output) {
    List<String> lines = new ArrayList<>();
    for (Row r : Fixtures.spark().read().parquet(output).select(col("service"), col("word")).collectAsList()) {
      lines.add(r.getString(0) + "\t" + r.getString(1));
    }
    lines.sort(null);
    return lines;
  }

  private static List<String> sorted(List<String> lines) {
    List<String> copy = new ArrayList<>(lines);
    copy.sort(null);
    return copy;
  }

  @Test
  void independentCapturesGiveTheWordsOfTadamWords() throws IOException {
    Path a = Fixtures.sample();
    Path b = Fixtures.shifted(a, 86_400, dir.resolve("next-day.pcap"));
    String out = dir.resolve("words").toString();
    IngestJob.Result r = IngestJob.run(Fixtures.spark(), List.of(a.toString(), b.toString()), IngestSettings.defaults(),
        out);
    Fixtures.Run single = Fixtures.tadam("words", a.toString(), b.toString());
    assertEquals(0, single.exit(), single.err());
    assertEquals(sorted(single.out()), words(out));
    assertEquals(0, r.joined(), "captures a day apart share no connection");
    assertTrue(r.problems().isEmpty());
    assertTrue(Files.isDirectory(Path.of(out, "service=http")) && Files.isDirectory(Path.of(out, "service=dns")),
        "partitioned by service");
    assertEquals(single.out().size(), r.words());
    Map<String, Long> perService = single.out().stream()
        .collect(Collectors.groupingBy(l -> l.substring(0, l.indexOf('\t')), Collectors.counting()));
    assertEquals(perService, r.perService());
  }

  @Test
  void aConnectionCutByRotationIsJoinedAgain() throws IOException {
    Path whole = Fixtures.sample();
    int cut = Fixtures.cutInsideConnection(whole, 4);
    int n = Fixtures.recordOffsets(whole).size();
    Path first = Fixtures.slice(whole, 0, cut, dir.resolve("rot.pcap0"));
    Path second = Fixtures.slice(whole, cut, n, dir.resolve("rot.pcap1"));
    String out = dir.resolve("joined").toString();
    // the later file first: joining follows time, not the order of the arguments
    IngestJob.Result r = IngestJob.run(Fixtures.spark(), List.of(second.toString(), first.toString()),
        IngestSettings.defaults(), out);
    Fixtures.Run unrotated = Fixtures.tadam("words", whole.toString());
    assertEquals(sorted(unrotated.out()), words(out), "same words as the capture before rotation");
    assertTrue(r.joined() >= 1, "the handshake cut after 4 packets was joined");
    Fixtures.Run perFile = Fixtures.tadam("words", first.toString(), second.toString());
    assertNotEquals(sorted(perFile.out()), words(out), "the single reader, file by file, sees two halves");
    assertEquals(unrotated.out().size() + r.joined(), perFile.out().size());
    Row joined = Fixtures.spark().read().parquet(out).filter(col("files").gt(1)).first();
    assertEquals("rot.pcap0", joined.getString(joined.fieldIndex("source")));
  }

  @Test
  void damagedFilesAreReportedByNameAndTheOthersKept() throws IOException {
    Path good = Fixtures.sample();
    Path garbage = Files.write(dir.resolve("garbage.pcap"), "this is not a capture file at all".getBytes());
    Path cut = Fixtures.truncated(Fixtures.shifted(good, 3_600 * 5, dir.resolve("later.pcap")),
        dir.resolve("cut.pcap"));
    Path missing = dir.resolve("missing.pcap");
    List<String> inputs = List.of(good.toString(), garbage.toString(), cut.toString(), missing.toString());
    String out = dir.resolve("words").toString();
    IngestJob.Result r = IngestJob.run(Fixtures.spark(), inputs, IngestSettings.defaults(), out);
    Map<String, String> problems = r.problems().stream()
        .collect(Collectors.toMap(f -> Path.of(f.path()).getFileName().toString(), FileResult::problem));
    assertEquals(3, problems.size(), problems::toString);
    Fixtures.assertContains(problems.get("garbage.pcap"), "damaged");
    Fixtures.assertContains(problems.get("cut.pcap"), "truncated");
    Fixtures.assertContains(problems.get("missing.pcap"), "unreadable");
    assertNull(r.files().get(0).problem());
    List<String> args = new ArrayList<>(List.of("words"));
    args.addAll(inputs);
    Fixtures.Run single = Fixtures.tadam(args.toArray(String[]::new));
    assertEquals(2, single.exit(), "the single reader also fails the batch");
    assertEquals(sorted(single.out()), words(out), "every word read before the damage is kept");
    String listing = Files.readString(Path.of(out, IngestJob.INPUTS));
    for (String name : problems.keySet()) {
      Fixtures.assertContains(listing, name);
    }
    assertEquals(inputs, IngestJob.inputs(Fixtures.spark(), out));
  }
}
