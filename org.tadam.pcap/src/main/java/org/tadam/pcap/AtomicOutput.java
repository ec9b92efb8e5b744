package org.tadam.pcap;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file atomically: into a temporary file in the same directory, renamed over the target
 * only when writing succeeded, so readers never see a half-written file. A target that exists and
 * is neither a regular file nor a directory (/dev/null, a FIFO) is written in place: a rename would
 * replace the device itself, and as root {@code -o /dev/null} left a private regular file there.
 */
public final class AtomicOutput {
  /** Body of a write that may fail with an I/O error. */
  @FunctionalInterface
  public interface Body {
    void write(OutputStream out) throws IOException;
  }

  private AtomicOutput() {
  }

  /** Whether {@code target} is a device, FIFO or socket: written in place, never renamed over. */
  public static boolean isSpecial(Path target) {
    return Files.exists(target) && !Files.isRegularFile(target) && !Files.isDirectory(target);
  }

  public static void write(Path target, Body body) throws IOException {
    Path abs = target.toAbsolutePath();
    if (isSpecial(abs)) {
      try (OutputStream out = new BufferedOutputStream(
          Files.newOutputStream(abs, StandardOpenOption.WRITE), 1 << 16)) {
        body.write(out);
      }
      return;
    }
    Path dir = abs.getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
    boolean done = false;
    try {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
        body.write(out);
      }
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
      done = true;
    } finally {
      if (!done) {
        Files.deleteIfExists(tmp);
      }
    }
  }
}
