package org.tadam.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tadam.pcap.CaptureReader;
import org.tadam.pcap.RawPacket;
import org.tadam.pcap.ReadReport;

/** Hand-built pcapng blocks the writer never produces: SPB, OPB, binary if_tsresol, tsoffset. */
class PcapngBlocksTest {

  private static void block(ByteBuffer bb, int type, byte[] body) {
    int len = 12 + ((body.length + 3) & ~3);
    bb.putInt(type).putInt(len).put(body);
    for (int i = body.length; i < ((body.length + 3) & ~3); i++) {
      bb.put((byte) 0);
    }
    bb.putInt(len);
  }

  private static byte[] body(int size, java.util.function.Consumer<ByteBuffer> fill) {
    ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    fill.accept(b);
    return b.array();
  }

  @Test
  void simpleAndObsoletePacketBlocksAndBinaryResolution() throws IOException {
    ByteBuffer bb = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);
    block(bb, 0x0A0D0D0A, body(16, b -> b.putInt(0x1A2B3C4D).putShort((short) 1)
        .putShort((short) 0).putLong(-1)));
    // IDB: RAW, snaplen 4, if_tsresol = 2^-10 s, if_tsoffset = 100 s, end of options.
    block(bb, 1, body(32, b -> b.putShort((short) 101).putShort((short) 0).putInt(4)
        .putShort((short) 9).putShort((short) 1).put((byte) 0x8A).put(new byte[3])
        .putShort((short) 14).putShort((short) 8).putLong(100).putInt(0)));
    // OPB: interface 0, drops 0, timestamp 3 * 1024 + 512 units = 3.5 s, caplen 3, len 3.
    block(bb, 2, body(23, b -> b.putShort((short) 0).putShort((short) 0).putInt(0)
        .putInt(3 * 1024 + 512).putInt(3).putInt(3).put(new byte[] {1, 2, 3})));
    // SPB: original length 6, captured = min(6, snaplen 4).
    block(bb, 3, body(12, b -> b.putInt(6).put(new byte[] {9, 8, 7, 6, 5, 4})));
    // An unknown block type is skipped by its length.
    block(bb, 0x00000BAD, new byte[] {1, 2, 3, 4});
    List<RawPacket> packets = new ArrayList<>();
    ReadReport r = CaptureReader.read(Channels.newChannel(new ByteArrayInputStream(
        java.util.Arrays.copyOf(bb.array(), bb.position()))), "mem", p -> packets.add(
            p.detach()));
    assertEquals(2, r.frames());
    assertEquals(103_500_000_000L, packets.get(0).timestampNanos());
    assertEquals(3, packets.get(0).capturedLength());
    assertEquals(4, packets.get(1).capturedLength());
    assertEquals(6, packets.get(1).originalLength());
    assertEquals(103_500_000_000L, packets.get(1).timestampNanos(), "SPB reuses the last time");
    assertEquals(1, r.snaplenCut());
  }
}
