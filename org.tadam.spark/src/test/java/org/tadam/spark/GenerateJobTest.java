package org.tadam.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shards merged give the bytes of one generator run on one machine (the jar run as a separate java process). */
class GenerateJobTest {
  @TempDir
  static Path dir;
  private static Path jar;

  @BeforeAll
  static void compile() {
    jar = dir.resolve("mix.jar");
    Path scenario = Path.of(System.getProperty("tadam.samples", "../samples"), "mix.tadamscenario");
    Fixtures.Run run = Fixtures.tadam("compile", scenario.toString(), "-o", jar.toString());
    assertEquals(0, run.exit(), run.err());
  }

  private static byte[] single(String... args) throws IOException, InterruptedException {
    Path out = Files.createTempFile(dir, "single", ".pcap");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.toString()));
    command.addAll(List.of(args));
    command.addAll(List.of("-o", out.toString()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), log);
    return Files.readAllBytes(out);
  }

  @Test
  void mergedShardsAreTheSingleRun() throws Exception {
    Path shards = dir.resolve("shards");
    List<GenerateJob.Shard> written = GenerateJob.run(Fixtures.spark(), jar,
        new GenerateJob.Settings(7, 3000, 0, false, 3), shards);
    assertEquals(3, written.size());
    assertEquals(3000, written.stream().mapToLong(s -> s.to() - s.from()).sum());
    Path merged = dir.resolve("merged.pcap");
    long packets = GenerateJob.merge(written, merged, false);
    assertEquals(written.stream().mapToLong(GenerateJob.Shard::packets).sum(), packets);
    assertArrayEquals(single("--seed", "7", "--connections", "3000"), Files.readAllBytes(merged));
  }

  @Test
  void aDurationWithLearnedNoiseInNanosecondsToo() throws Exception {
    Path shards = dir.resolve("noisy");
    List<GenerateJob.Shard> written = GenerateJob.run(Fixtures.spark(), jar,
        new GenerateJob.Settings(11, 0, 15_000_000_000L, true, 4), shards);
    assertTrue(written.stream().allMatch(s -> s.to() > s.from()), "every shard has connections");
    Path merged = dir.resolve("noisy.pcap");
    GenerateJob.merge(written, merged, true);
    assertArrayEquals(single("--seed", "11", "--duration", "15s", "--noise", "learned", "--format", "pcap-ns"),
        Files.readAllBytes(merged));
    byte[] otherSeed = single("--seed", "12", "--duration", "15s", "--noise", "learned", "--format", "pcap-ns");
    assertTrue(otherSeed.length != Files.size(merged) || !java.util.Arrays.equals(otherSeed, Files.readAllBytes(merged)),
        "the comparison can fail: another seed gives other bytes");
  }
}
