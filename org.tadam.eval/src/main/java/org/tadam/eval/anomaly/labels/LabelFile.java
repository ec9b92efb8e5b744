package org.tadam.eval.anomaly.labels;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tadam.eval.EvalException;

/**
 * Reads a labels file: one row per connection, seven tab-separated columns
 * {@code proto client_ip client_port server_ip server_port first_ts label}; an optional header row
 * starting with {@code proto}, blank lines and lines starting with {@code #} are skipped. A row
 * that does not parse stops the reading with the file and line named.
 */
public final class LabelFile {
  /** The columns, in order, as the header names them. */
  public static final String COLUMNS = "proto client_ip client_port server_ip server_port first_ts label";
  private static final int COLUMN_COUNT = 7;

  private LabelFile() {
  }

  public static List<LabelRow> read(Path file) throws EvalException {
    List<String> lines = lines(file);
    List<LabelRow> rows = new ArrayList<>();
    boolean first = true;
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (first && line.startsWith("proto\t")) {
        first = false;
        continue;
      }
      first = false;
      try {
        rows.add(row(n + 1, line));
      } catch (IllegalArgumentException e) {
        throw new EvalException(file + ":" + (n + 1) + ": " + e.getMessage());
      }
    }
    return rows;
  }

  /** The lines of a labels file, its absence or unreadability said with its name. */
  static List<String> lines(Path file) throws EvalException {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new EvalException(file + ": no such file");
    } catch (AccessDeniedException e) {
      throw new EvalException(file + ": permission denied");
    } catch (IOException e) {
      throw new EvalException(file + ": cannot be read: " + e.getMessage());
    }
  }

  /** Parses one row; the exception's message says what is wrong with it. */
  static LabelRow row(int line, String text) {
    String[] c = text.split("\t", -1);
    if (c.length != COLUMN_COUNT) {
      throw new IllegalArgumentException("expected " + COLUMN_COUNT + " tab-separated columns (" + COLUMNS + "), found "
          + c.length);
    }
    String protocol = c[0].trim().toLowerCase(Locale.ROOT);
    if (!protocol.equals("tcp") && !protocol.equals("udp")) {
      throw new IllegalArgumentException("proto must be tcp or udp, not '" + c[0] + "'");
    }
    long first;
    try {
      first = Micros.parse(c[5].trim());
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("first_ts must be seconds since the epoch, e.g. 1796247416.171292, not '" + c[5] + "'");
    }
    String label = c[6].trim();
    if (label.isEmpty() || label.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("the label must be one word, not '" + c[6] + "'");
    }
    return new LabelRow(line, protocol, address(c[1], "client_ip"), port(c[2], "client_port"),
        address(c[3], "server_ip"), port(c[4], "server_port"), first, label);
  }

  private static HostAddress address(String text, String column) {
    try {
      return HostAddress.parse(text.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(column + " is not an IP address: '" + text + "'");
    }
  }

  private static int port(String text, String column) {
    try {
      int port = Integer.parseInt(text.trim());
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(column + " must be a port 0..65535, not '" + text + "'");
  }
}
