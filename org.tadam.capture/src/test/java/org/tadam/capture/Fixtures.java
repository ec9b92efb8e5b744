package org.tadam.capture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.tadam.capture.flow.Connection;
import org.tadam.capture.word.TimedWord;

/** Access to the bundled capture fixtures. */
final class Fixtures {
  static final List<String> ALL = List.of("http.pcap", "http.pcapng", "http-ns-be.pcap",
      "http-raw.pcap", "http-sll.pcap", "http-sll2.pcap", "http-vlan.pcap", "mixed-be.pcapng",
      "udp.pcap", "udp-null.pcap", "udp-loop.pcap");
  /** IPv4 and IPv6 fragments (not in ALL: its frames do not each decode to a packet). */
  static final String FRAGMENTED = "dns-frag.pcap";

  private Fixtures() {
  }

  static Path path(String name) {
    try {
      return Path.of(Fixtures.class.getResource("/org/tadam/capture/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] bytes(String name) {
    try {
      return Files.readAllBytes(path(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Stream<String> all() {
    return ALL.stream();
  }

  static List<Connection> connections(IngestOptions options, Path... files) {
    List<Connection> out = new ArrayList<>();
    new CaptureIngest(options).connections(List.of(files), out::add);
    return out;
  }

  static List<TimedWord> words(IngestOptions options, Path... files) {
    List<TimedWord> out = new ArrayList<>();
    new CaptureIngest(options).words(List.of(files), out::add);
    return out;
  }
}
