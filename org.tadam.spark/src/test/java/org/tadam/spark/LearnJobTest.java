package org.tadam.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tadam.spark.ingest.IngestSettings;

/** Learning on Spark writes the bytes tadam learn writes for the same captures. */
class LearnJobTest {
  @TempDir
  Path dir;

  private static List<String> names(Path models) throws IOException {
    try (Stream<Path> s = Files.list(models)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void modelsAreByteIdenticalToTadamLearn() throws IOException {
    Path a = Fixtures.sample();
    Path b = Fixtures.shifted(a, 86_400, dir.resolve("next-day.pcap"));
    String words = dir.resolve("words").toString();
    IngestJob.run(Fixtures.spark(), List.of(a.toString(), b.toString()), IngestSettings.defaults(), words);
    Path spark = dir.resolve("spark-models");
    List<LearnJob.Model> models = LearnJob.run(Fixtures.spark(), words, LearnJob.Settings.defaults(), spark);
    Path single = dir.resolve("models");
    Fixtures.Run run = Fixtures.tadam("learn", a.toString(), b.toString(), "-o", single.toString(), "--no-progress");
    assertEquals(0, run.exit(), run.err());
    assertEquals(names(single), names(spark));
    assertEquals(List.of("dns", "http"), models.stream().map(LearnJob.Model::label).toList());
    for (String name : names(single)) {
      assertArrayEquals(Files.readAllBytes(single.resolve(name)), Files.readAllBytes(spark.resolve(name)), name);
    }
    models.forEach(m -> assertNull(m.problem()));
    Fixtures.assertContains(Files.readString(spark.resolve("http.tadam")), "captures \"web-dns.pcap\", \"next-day.pcap\"");
  }
}
