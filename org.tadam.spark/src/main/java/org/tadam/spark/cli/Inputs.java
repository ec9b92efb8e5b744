package org.tadam.spark.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Capture files named on the command line: files as given, directories searched for captures by name. */
final class Inputs {
  private Inputs() {
  }

  /**
   * Files in the order given; the captures under a directory sorted by path. A capture's name contains
   * ".pcap" or ".cap", so that rotated files ({@code x.pcap1}, {@code x.pcap2}) are found too.
   */
  static List<String> expand(List<Path> args) throws IOException {
    List<String> files = new ArrayList<>();
    for (Path a : args) {
      if (Files.isDirectory(a)) {
        try (Stream<Path> s = Files.walk(a)) {
          s.filter(Files::isRegularFile).filter(p -> {
            String n = p.getFileName().toString();
            return n.contains(".pcap") || n.contains(".cap");
          }).map(p -> p.toAbsolutePath().toString()).sorted().forEach(files::add);
        }
      } else {
        files.add(a.toAbsolutePath().toString());
      }
    }
    return files;
  }
}
