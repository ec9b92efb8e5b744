package org.tadam.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tadam.pcap.AtomicOutput;
import org.tadam.pcap.CaptureReader;
import org.tadam.pcap.LinkType;
import org.tadam.pcap.PcapWriter;
import org.tadam.pcap.PcapngWriter;
import org.tadam.pcap.RawPacket;
import org.tadam.pcap.ReadReport;

/** Golden-file tests: reading a fixture and writing it back gives the same bytes. */
class CaptureRoundTripTest {

  private static byte[] rewrite(String fixture, Writer writer) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<RawPacket> packets = FixtureMaker.load(Fixtures.path(fixture));
    writer.write(out, packets);
    return out.toByteArray();
  }

  interface Writer {
    void write(ByteArrayOutputStream out, List<RawPacket> packets) throws IOException;
  }

  @Test
  void tcpdumpPcapRoundTripsByteExact() throws IOException {
    byte[] again = rewrite("http.pcap", (out, ps) -> {
      try (PcapWriter w = new PcapWriter(out, LinkType.ETHERNET, 262144, false, false)) {
        for (RawPacket p : ps) {
          w.write(p);
        }
      }
    });
    assertArrayEquals(Fixtures.bytes("http.pcap"), again);
  }

  @Test
  void nanosecondBigEndianPcapRoundTripsByteExact() throws IOException {
    byte[] again = rewrite("http-ns-be.pcap", (out, ps) -> {
      try (PcapWriter w = new PcapWriter(out, LinkType.ETHERNET, 262144, true, true)) {
        for (RawPacket p : ps) {
          w.write(p);
        }
      }
    });
    assertArrayEquals(Fixtures.bytes("http-ns-be.pcap"), again);
  }

  @Test
  void pcapngRoundTripsByteExact() throws IOException {
    byte[] again = rewrite("http.pcapng", (out, ps) -> {
      try (PcapngWriter w = new PcapngWriter(out, false)) {
        w.addInterface(LinkType.ETHERNET, 262144, 6);
        for (RawPacket p : ps) {
          w.write(p);
        }
      }
    });
    assertArrayEquals(Fixtures.bytes("http.pcapng"), again);
  }

  @Test
  void allEncodingsCarryTheSameTimestampsAndLengths() throws IOException {
    List<RawPacket> base = FixtureMaker.load(Fixtures.path("http.pcap"));
    for (String f : List.of("http.pcapng", "http-ns-be.pcap", "http-sll.pcap", "http-raw.pcap")) {
      List<RawPacket> other = FixtureMaker.load(Fixtures.path(f));
      assertEquals(base.size(), other.size(), f);
      for (int i = 0; i < base.size(); i++) {
        assertEquals(base.get(i).timestampNanos(), other.get(i).timestampNanos(), f);
        assertEquals(base.get(i).originalLength() - base.get(i).capturedLength(),
            other.get(i).originalLength() - other.get(i).capturedLength(), f);
      }
    }
  }

  @Test
  void multiSectionMultiInterfaceBigEndianPcapng() throws IOException {
    List<RawPacket> packets = new ArrayList<>();
    ReadReport r = CaptureReader.read(Fixtures.path("mixed-be.pcapng"), p -> packets.add(
        p.detach()));
    assertEquals(97, r.frames());
    assertEquals(2, r.sections());
    assertEquals(List.of(LinkType.ETHERNET, LinkType.RAW, LinkType.IPV4),
        new ArrayList<>(r.linkTypes()));
    List<RawPacket> http = FixtureMaker.load(Fixtures.path("http.pcap"));
    List<RawPacket> udp = FixtureMaker.load(Fixtures.path("udp.pcap"));
    assertEquals(http.get(3).timestampNanos(), packets.get(3).timestampNanos());
    assertEquals(1, packets.get(65).interfaceIndex());
    assertEquals(udp.get(0).timestampNanos(), packets.get(65).timestampNanos());
    assertEquals(udp.get(0).timestampNanos() + 3_600_000_000_000L,
        packets.get(81).timestampNanos());
    assertEquals(LinkType.IPV4, packets.get(81).linkType());
    assertEquals(0, packets.get(81).interfaceIndex());
  }

  @Test
  void nanosecondTimestampsSurviveNanosecondFormats() throws IOException {
    long ts = 1_700_000_000_123_456_789L;
    byte[] frame = {1, 2, 3, 4, 5};
    for (boolean ng : new boolean[] {false, true}) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (ng) {
        try (PcapngWriter w = new PcapngWriter(out, true)) {
          w.addInterface(LinkType.RAW, 100, 9);
          w.write(0, ts, frame, 0, 5, 9);
        }
      } else {
        try (PcapWriter w = new PcapWriter(out, LinkType.RAW, 100, true, false)) {
          w.write(0, ts, frame, 0, 5, 9);
        }
      }
      List<RawPacket> back = new ArrayList<>();
      CaptureReader.read(java.nio.channels.Channels.newChannel(
          new java.io.ByteArrayInputStream(out.toByteArray())), "mem", p -> back.add(p.detach()));
      assertEquals(1, back.size());
      assertEquals(ts, back.get(0).timestampNanos());
      assertEquals(9, back.get(0).originalLength());
      assertArrayEquals(frame, back.get(0).data());
    }
  }

  /** A FIFO (or /dev/null) under the target's name is written through, never renamed over. */
  @Test
  void atomicOutputWritesThroughAFifo(@TempDir Path dir) throws Exception {
    Path fifo = dir.resolve("out.pcap");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor());
    java.util.concurrent.CompletableFuture<byte[]> read = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      try {
        return Files.readAllBytes(fifo);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    AtomicOutput.write(fifo, out -> out.write(new byte[] {1, 2, 3}));
    assertArrayEquals(new byte[] {1, 2, 3}, read.get(30, java.util.concurrent.TimeUnit.SECONDS));
    assertTrue(AtomicOutput.isSpecial(fifo), "still a FIFO");
    try (var s = Files.list(dir)) {
      assertEquals(1, s.count(), "no temporary file left behind");
    }
  }

  @Test
  void atomicOutputReplacesOnlyOnSuccess(@TempDir Path dir) throws IOException {
    Path target = dir.resolve("out.pcap");
    AtomicOutput.write(target, out -> out.write(new byte[] {1, 2}));
    assertArrayEquals(new byte[] {1, 2}, Files.readAllBytes(target));
    assertThrows(IOException.class, () -> AtomicOutput.write(target, out -> {
      out.write(new byte[] {9});
      throw new IOException("boom");
    }));
    assertArrayEquals(new byte[] {1, 2}, Files.readAllBytes(target));
    try (var s = Files.list(dir)) {
      assertEquals(1, s.count(), "no temporary file left behind");
    }
    assertTrue(Files.exists(target));
    assertFalse(Files.exists(dir.resolve("out.pcap.tmp")));
    assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(target)), "readable as a file written directly would be");
  }
}
