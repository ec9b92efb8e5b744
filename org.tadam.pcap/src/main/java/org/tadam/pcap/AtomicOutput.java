package org.tadam.pcap;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file atomically: into a temporary file in the same directory, renamed over the target
 * only when writing succeeded, so readers never see a half-written file and a failed write leaves
 * the previous one. A target that exists and is neither a regular file nor a directory (/dev/null,
 * a FIFO) is written in place: a rename would replace the device itself, and as root {@code -o
 * /dev/null} left a private regular file there. The one home of this rule for the command line,
 * the generator and its jars (org.tadam.dsl's AtomicFiles keeps a copy: that bundle imports no
 * other TADAM bundle).
 */
public final class AtomicOutput {
  /** Body of a write that may fail with an I/O error. */
  @FunctionalInterface
  public interface Body {
    void write(OutputStream out) throws IOException;
  }

  /** A write to a file that exists and is empty (opened with WRITE, not TRUNCATE: see #replace). */
  @FunctionalInterface
  public interface ToFile<T> {
    T write(Path file) throws IOException;
  }

  private AtomicOutput() {
  }

  /** Whether {@code target} is a device, FIFO or socket: written in place, never renamed over. */
  public static boolean isSpecial(Path target) {
    return Files.exists(target) && !Files.isRegularFile(target) && !Files.isDirectory(target);
  }

  /** Streams {@code body} to {@code target}, creating its directory if needed. */
  public static void write(Path target, Body body) throws IOException {
    Path abs = target.toAbsolutePath();
    Files.createDirectories(abs.getParent());
    replace(abs, file -> {
      try (OutputStream out = new BufferedOutputStream(
          Files.newOutputStream(file, StandardOpenOption.WRITE), 1 << 16)) {
        body.write(out);
      }
      return null;
    });
  }

  /**
   * Lets {@code write} fill a new temporary file beside {@code target} (its directory must exist),
   * then renames it over the target; a special target is handed over itself. The temporary file
   * gets the usual rw-r--r-- (a fresh temporary file is private). Callers open it with WRITE only:
   * ext4 flushes a file truncated to zero when it is closed (auto_da_alloc), 0.2 s per GB.
   */
  public static <T> T replace(Path target, ToFile<T> write) throws IOException {
    Path abs = target.toAbsolutePath();
    if (isSpecial(abs)) {
      return write.write(abs);
    }
    Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
    try {
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: keep its defaults
      }
      T result = write.write(tmp);
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
      return result;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
