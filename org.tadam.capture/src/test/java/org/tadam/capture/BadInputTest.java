package org.tadam.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tadam.capture.flow.Connection;
import org.tadam.pcap.Bytes;
import org.tadam.pcap.CaptureFormatException;
import org.tadam.pcap.CaptureReader;
import org.tadam.pcap.LinkType;
import org.tadam.pcap.PcapWriter;
import org.tadam.pcap.ReadReport;
import org.tadam.pcap.SkipReason;

/** Every kind of bad input ends in a count or in the one documented exception. */
class BadInputTest {

  private static ReadReport read(byte[] bytes) throws IOException {
    return CaptureReader.read(Channels.newChannel(new ByteArrayInputStream(bytes)), "bad.pcap",
        p -> { });
  }

  private static CaptureFormatException fails(byte[] bytes) {
    return assertThrows(CaptureFormatException.class, () -> read(bytes));
  }

  @Test
  void emptyAndForeignFiles() {
    assertTrue(fails(new byte[0]).getMessage().contains("empty file"));
    assertTrue(fails("hello world, not a capture".getBytes()).getMessage().contains("magic"));
    assertTrue(fails(new byte[] {(byte) 0xD4, (byte) 0xC3, (byte) 0xB2, (byte) 0xA1, 2, 0})
        .getMessage().contains("truncated pcap file header"));
  }

  @Test
  void truncatedLastRecordKeepsEverythingBefore() throws IOException {
    byte[] http = Fixtures.bytes("http.pcap");
    ReadReport r = read(Arrays.copyOf(http, http.length - 10));
    assertEquals(64, r.frames());
    assertEquals(1, r.skips().count(SkipReason.TRUNCATED_RECORD));
    ReadReport ng = read(Arrays.copyOf(Fixtures.bytes("http.pcapng"), 9604 - 3));
    assertEquals(64, ng.frames());
    assertEquals(1, ng.skips().count(SkipReason.TRUNCATED_RECORD));
  }

  @Test
  void absurdRecordLengthStopsTheFileWithOffset() {
    byte[] http = Fixtures.bytes("http.pcap");
    // Record 1 starts at 24; its length fields are at 32 and 36.
    int second = 24 + 16 + (int) Bytes.u32(http, 32, false);
    Bytes.put32(http, second + 8, 5_000_000, false);
    CaptureFormatException e = fails(http);
    assertEquals(second, e.offset());
    assertEquals(1, e.packetsRead());
    assertTrue(e.getMessage().contains("bad.pcap") && e.getMessage().contains("absurd"));
  }

  @Test
  void brokenPcapngBlocks() throws IOException {
    byte[] ng = Fixtures.bytes("http.pcapng");
    byte[] trailer = ng.clone();
    // SHB is 28 bytes, IDB 20: the first EPB starts at 48; damage its trailing length.
    int epbLen = (int) Bytes.u32(ng, 52, false);
    Bytes.put32(trailer, 48 + epbLen - 4, epbLen + 4, false);
    assertTrue(fails(trailer).getMessage().contains("trailer"));
    byte[] badCapLen = ng.clone();
    Bytes.put32(badCapLen, 48 + 20, 100_000, false);
    ReadReport r = read(badCapLen);
    assertEquals(64, r.frames());
    assertEquals(1, r.skips().count(SkipReason.CORRUPT_BLOCK));
    byte[] badIface = ng.clone();
    Bytes.put32(badIface, 48 + 8, 7, false);
    assertEquals(1, read(badIface).skips().count(SkipReason.PACKET_BEFORE_INTERFACE));
    byte[] huge = ng.clone();
    Bytes.put32(huge, 52, 0x7FFFFFF0, false);
    assertTrue(fails(huge).getMessage().contains("absurd pcapng block length"));
  }

  @Test
  void unknownLinkTypesAndNonIpFramesAreCounted(@TempDir Path dir) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PcapWriter w = new PcapWriter(out, 147, 65535, false, false)) {
      w.write(0, 0, new byte[] {1, 2, 3}, 0, 3, 3);
    }
    Path unknown = dir.resolve("user0.pcap");
    Files.write(unknown, out.toByteArray());
    out.reset();
    try (PcapWriter w = new PcapWriter(out, LinkType.ETHERNET, 65535, false, false)) {
      byte[] arp = new byte[42];
      arp[12] = 0x08;
      arp[13] = 0x06;
      w.write(0, 0, arp, 0, 42, 42);
    }
    Path arp = dir.resolve("arp.pcap");
    Files.write(arp, out.toByteArray());
    Path empty = Files.createFile(dir.resolve("empty.pcap"));
    List<Connection> cs = new ArrayList<>();
    IngestReport r = new CaptureIngest(IngestOptions.defaults()).connections(
        List.of(unknown, arp, empty, dir.resolve("missing.pcap"), Fixtures.path("udp.pcap")),
        cs::add);
    assertEquals(1, r.skipped(SkipReason.UNKNOWN_LINK_TYPE));
    assertEquals(1, r.skipped(SkipReason.NON_IP));
    assertEquals(2, cs.size());
    assertTrue(r.hasErrors());
    assertEquals(1, r.unreadable().size());
    assertTrue(r.unreadable().toString().contains("no such file"), r.unreadable().toString());
    assertNotNull(r.files().get(2).error());
    String summary = r.summary();
    assertTrue(summary.contains("UNKNOWN_LINK_TYPE") && summary.contains("empty file")
        && summary.contains("UNREADABLE"), summary);
  }
}
