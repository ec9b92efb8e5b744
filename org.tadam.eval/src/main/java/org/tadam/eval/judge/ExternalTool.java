package org.tadam.eval.judge;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * An outside program the evaluation may ask (tshark, ndpiReader): found on the PATH or by its
 * path, run with its output read line by line. Nothing is sent to a shell.
 */
public final class ExternalTool {
  private final String executable;

  /** @param executable a name looked up on the PATH, or a path */
  public ExternalTool(String executable) {
    this.executable = executable;
  }

  public String executable() {
    return executable;
  }

  /** The program's file, or null when it is not installed. */
  public Path locate() {
    if (executable.contains(File.separator)) {
      Path p = Path.of(executable);
      return Files.isRegularFile(p) && Files.isExecutable(p) ? p : null;
    }
    String path = System.getenv("PATH");
    for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path p = Path.of(dir, executable);
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  /**
   * Runs the program with {@code arguments}, handing each line of its standard output to
   * {@code lines}; fails when it does not end within {@code timeoutSeconds} or exits with an error.
   */
  public void run(List<String> arguments, Consumer<String> lines, long timeoutSeconds) throws IOException {
    Path program = locate();
    if (program == null) {
      throw new IOException(executable + " is not installed");
    }
    List<String> command = new ArrayList<>();
    command.add(program.toString());
    command.addAll(arguments);
    Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(nullDevice())).start();
    StringBuilder errors = new StringBuilder();
    // stderr is drained on its own thread so that a chatty tool cannot block on a full pipe
    Thread drain = new Thread(() -> keepTail(process.getErrorStream(), errors), executable + "-stderr");
    drain.setDaemon(true);
    drain.start();
    // a tool that hangs with its output open would block the reading below: the watchdog ends it
    AtomicBoolean timedOut = new AtomicBoolean();
    Thread watchdog = new Thread(() -> {
      try {
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
          timedOut.set(true);
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, executable + "-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        lines.accept(line);
      }
    }
    try {
      process.waitFor();
      watchdog.interrupt();
      drain.join(5000);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException(executable + " was interrupted");
    }
    if (timedOut.get()) {
      throw new IOException(executable + " did not finish within " + timeoutSeconds + " s");
    }
    if (process.exitValue() != 0) {
      String tail;
      synchronized (errors) {
        tail = errors.toString().strip();
      }
      throw new IOException(executable + " exited with status " + process.exitValue() + (tail.isEmpty() ? "" : ": " + tail));
    }
  }

  /** The first line the program prints for {@code arguments} (its version), or null. */
  public String firstLine(List<String> arguments) {
    List<String> lines = new ArrayList<>();
    try {
      run(arguments, l -> {
        if (lines.isEmpty() && !l.isBlank()) {
          lines.add(l.strip());
        }
      }, 60);
    } catch (IOException e) {
      return null;
    }
    return lines.isEmpty() ? null : lines.get(0);
  }

  /** Keeps the last few hundred characters of a stream (the error message of a failed run). */
  private static void keepTail(InputStream in, StringBuilder tail) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        synchronized (tail) {
          tail.append(line).append(' ');
          if (tail.length() > 400) {
            tail.delete(0, tail.length() - 400);
          }
        }
      }
    } catch (IOException e) {
      // the process is gone; what was read is enough
    }
  }

  private static File nullDevice() {
    return new File(File.separatorChar == '\\' ? "NUL" : "/dev/null");
  }
}
