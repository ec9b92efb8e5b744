package org.tadam.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tadam.spark.cli.Commands;

/** Inputs that are not there are said in one line, before any Spark session starts. */
class BadInputTest {

  private static String[] run(int[] exit, String... args) {
    PrintStream stderr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      exit[0] = Commands.execute(args);
    } finally {
      System.setErr(stderr);
    }
    return captured.toString(StandardCharsets.UTF_8).lines().toArray(String[]::new);
  }

  @Test
  void missingWordsAndJarAreOneLineAndExitTwo(@TempDir Path dir) {
    int[] exit = new int[1];
    String[] learn = run(exit, "learn", dir.resolve("none.parquet").toString(), "-o", dir.resolve("models").toString());
    assertEquals(2, exit[0]);
    assertEquals(1, learn.length, String.join("\n", learn));
    assertTrue(learn[0].startsWith("tadam spark learn: " + dir.resolve("none.parquet") + ": no such directory"), learn[0]);

    String[] generate = run(exit, "generate", dir.resolve("none.jar").toString(), "--connections", "10", "-o",
        dir.resolve("shards").toString());
    assertEquals(2, exit[0]);
    assertEquals(1, generate.length, String.join("\n", generate));
    assertTrue(generate[0].contains("none.jar"), generate[0]);
  }
}
