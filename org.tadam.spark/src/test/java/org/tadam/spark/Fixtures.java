package org.tadam.spark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.tadam.capture.decode.DecodedPacket;
import org.tadam.capture.decode.PacketDecoder;
import org.tadam.cli.TadamCli;
import org.tadam.pcap.CaptureReader;
import org.tadam.pcap.ReadReport;

/**
 * The tests' captures, all made from the bundled sample (samples/captures/web-dns.pcap, a little-endian
 * microsecond pcap), one Spark session for every test class, and the single-machine commands run in-process.
 */
final class Fixtures {
  private static SparkSession spark;

  private Fixtures() {
  }

  static synchronized SparkSession spark() {
    if (spark == null) {
      spark = SparkSession.builder().master("local[*]").appName("tadam-spark-tests")
          .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
          .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false").getOrCreate();
      Runtime.getRuntime().addShutdownHook(new Thread(spark::stop));
    }
    return spark;
  }

  static Path sample() {
    return Path.of(System.getProperty("tadam.samples", "../samples"), "captures", "web-dns.pcap");
  }

  /** Offsets of the sample's records (after the 24-byte file header), in order. */
  static List<Long> recordOffsets(Path pcap) throws IOException {
    List<Long> offsets = new ArrayList<>();
    CaptureReader.read(pcap, raw -> offsets.add(raw.fileOffset()));
    return offsets;
  }

  /**
   * The packet number (0-based) a rotation should cut before: {@code after} packets into the first TCP handshake
   * that starts after the middle of the capture, so that a connection spans both files.
   */
  static int cutInsideConnection(Path pcap, int after) throws IOException {
    ReadReport report = new ReadReport(pcap.toString());
    PacketDecoder decoder = new PacketDecoder(report.skips());
    List<Boolean> syn = new ArrayList<>();
    CaptureReader.read(pcap, raw -> {
      DecodedPacket p = decoder.decode(raw);
      syn.add(p != null && p.isTcp() && p.has(DecodedPacket.SYN) && !p.has(DecodedPacket.ACK));
    });
    for (int i = syn.size() / 2; i < syn.size(); i++) {
      if (syn.get(i)) {
        return i + after;
      }
    }
    throw new IllegalStateException("no TCP handshake in the second half of " + pcap);
  }

  /** Writes records {@code [from, to)} of a classic pcap with its file header: one file of a rotation. */
  static Path slice(Path pcap, int from, int to, Path target) throws IOException {
    byte[] all = Files.readAllBytes(pcap);
    List<Long> offsets = recordOffsets(pcap);
    int start = (int) (long) offsets.get(from);
    int end = to >= offsets.size() ? all.length : (int) (long) offsets.get(to);
    byte[] out = new byte[24 + end - start];
    System.arraycopy(all, 0, out, 0, 24);
    System.arraycopy(all, start, out, 24, end - start);
    Files.write(target, out);
    return target;
  }

  /** The sample with every timestamp moved by whole seconds: the same traffic on another time line. */
  static Path shifted(Path pcap, int seconds, Path target) throws IOException {
    byte[] all = Files.readAllBytes(pcap);
    ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
    for (long offset : recordOffsets(pcap)) {
      b.putInt((int) offset, b.getInt((int) offset) + seconds);
    }
    Files.write(target, all);
    return target;
  }

  /** The sample cut inside its last record. */
  static Path truncated(Path pcap, Path target) throws IOException {
    byte[] all = Files.readAllBytes(pcap);
    Files.write(target, Arrays.copyOf(all, all.length - 7));
    return target;
  }

  /** Output lines and exit code of the single-machine {@code tadam} command. */
  record Run(int exit, List<String> out, String err) {
  }

  static Run tadam(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = TadamCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    List<String> lines = out.toString().lines().filter(l -> !l.isBlank()).toList();
    return new Run(exit, lines, err.toString());
  }

  static void assertContains(String text, String part) {
    assertTrue(text.contains(part), () -> "expected '" + part + "' in:\n" + text);
  }
}
