package org.tadam.pcap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * pcapng: sections (SHB, each with its own byte order), interfaces (IDB with if_tsresol and
 * if_tsoffset), packets (EPB, SPB, obsolete OPB). Other blocks are skipped by their length.
 */
final class PcapngReader {
  static final int IDB = 1;
  static final int OPB = 2;
  static final int SPB = 3;
  static final int EPB = 6;
  static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;

  private record Interface(int linkType, int snaplen, int resolution, long offsetSeconds) {
    long toNanos(long units) {
      long ns;
      if ((resolution & 0x80) == 0) {
        int exp = resolution;
        if (exp <= 9) {
          ns = units * POW10[9 - exp];
        } else {
          ns = exp - 9 < POW10.length ? units / POW10[exp - 9] : 0;
        }
      } else {
        int k = resolution & 0x7F;
        if (k == 0) {
          ns = units * 1_000_000_000L;
        } else if (k >= 63) {
          ns = (long) (units * Math.scalb(1e9, -k));
        } else {
          long whole = units >>> k;
          long frac = units & ((1L << k) - 1);
          ns = whole * 1_000_000_000L + (long) (Math.scalb((double) frac, -k) * 1e9);
        }
      }
      return ns + offsetSeconds * 1_000_000_000L;
    }
  }

  private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L,
      10_000_000L, 100_000_000L, 1_000_000_000L, 10_000_000_000L, 100_000_000_000L,
      1_000_000_000_000L, 10_000_000_000_000L, 100_000_000_000_000L, 1_000_000_000_000_000L,
      1_000_000_000_000_000_000L};

  private final ChannelBuffer in;
  private final String source;
  private final Consumer<RawPacket> sink;
  private final ReadReport report;
  private final List<Interface> interfaces = new ArrayList<>();
  private boolean be;
  private long number;
  private long lastTimestamp;

  PcapngReader(ChannelBuffer in, String source, Consumer<RawPacket> sink, ReadReport report) {
    this.in = in;
    this.source = source;
    this.sink = sink;
    this.report = report;
  }

  void run() throws IOException {
    report.format("pcapng");
    while (true) {
      if (!in.ensure(12)) {
        if (in.available() > 0) {
          report.skips().count(SkipReason.TRUNCATED_RECORD, source, number + 1, in.offset());
          in.skip(in.available());
        }
        return;
      }
      byte[] b = in.array();
      int p = in.pos();
      long blockOffset = in.offset();
      int type = Bytes.i32(b, p, be);
      if (Bytes.i32(b, p, true) == CaptureReader.PCAPNG_SHB) {
        int bom = Bytes.i32(b, p + 8, false);
        if (bom == BYTE_ORDER_MAGIC) {
          be = false;
        } else if (Integer.reverseBytes(bom) == BYTE_ORDER_MAGIC) {
          be = true;
        } else {
          throw new CaptureFormatException(source, blockOffset, number,
              String.format("bad pcapng byte-order magic 0x%08x", bom));
        }
        type = CaptureReader.PCAPNG_SHB;
        interfaces.clear();
        report.section();
      }
      long total = Bytes.u32(b, p + 4, be);
      if (total < 12 || (total & 3) != 0 || total > CaptureReader.MAX_BLOCK) {
        throw new CaptureFormatException(source, blockOffset, number,
            "absurd pcapng block length " + total + " (block type " + type + ")");
      }
      int len = (int) total;
      if (!in.ensure(len)) {
        report.skips().count(SkipReason.TRUNCATED_RECORD, source, number + 1, blockOffset);
        in.skip(in.available());
        return;
      }
      b = in.array();
      p = in.pos();
      if (Bytes.i32(b, p + len - 4, be) != len) {
        throw new CaptureFormatException(source, blockOffset, number,
            "pcapng block trailer length does not match header length " + len);
      }
      block(type, b, p, len, blockOffset);
      in.skip(len);
    }
  }

  private void block(int type, byte[] b, int p, int len, long blockOffset) {
    int body = p + 8;
    int bodyLen = len - 12;
    switch (type) {
      case IDB -> {
        if (bodyLen < 8) {
          report.skips().count(SkipReason.CORRUPT_BLOCK, source, number, blockOffset);
          return;
        }
        int linkType = Bytes.u16(b, body, be);
        int snaplen = Bytes.i32(b, body + 4, be);
        int resolution = 6;
        long offsetSeconds = 0;
        int o = body + 8;
        int end = body + bodyLen;
        while (o + 4 <= end) {
          int code = Bytes.u16(b, o, be);
          int optLen = Bytes.u16(b, o + 2, be);
          if (code == 0 || o + 4 + optLen > end) {
            break;
          }
          if (code == 9 && optLen >= 1) {
            resolution = b[o + 4] & 0xFF;
          } else if (code == 14 && optLen >= 8) {
            long first = Bytes.u32(b, o + 4, be);
            long second = Bytes.u32(b, o + 8, be);
            offsetSeconds = be ? (first << 32) | second : (second << 32) | first;
          }
          o += 4 + ((optLen + 3) & ~3);
        }
        interfaces.add(new Interface(linkType, snaplen, resolution, offsetSeconds));
        report.linkTypes().add(linkType);
      }
      case EPB, OPB -> {
        boolean obsolete = type == OPB;
        if (bodyLen < 20) {
          report.skips().count(SkipReason.CORRUPT_BLOCK, source, number + 1, blockOffset);
          return;
        }
        int ifId = obsolete ? Bytes.u16(b, body, be) : Bytes.i32(b, body, be);
        long units = (Bytes.u32(b, body + 4, be) << 32) | Bytes.u32(b, body + 8, be);
        long capLen = Bytes.u32(b, body + 12, be);
        long origLen = Bytes.u32(b, body + 16, be);
        if (capLen > bodyLen - 20) {
          report.skips().count(SkipReason.CORRUPT_BLOCK, source, number + 1, blockOffset);
          return;
        }
        number++;
        if (ifId < 0 || ifId >= interfaces.size()) {
          report.frame((int) capLen, (int) Math.min(origLen, Integer.MAX_VALUE));
          report.skips().count(SkipReason.PACKET_BEFORE_INTERFACE, source, number, blockOffset);
          return;
        }
        Interface itf = interfaces.get(ifId);
        lastTimestamp = itf.toNanos(units);
        deliver(blockOffset, ifId, itf, b, body + 20, (int) capLen,
            (int) Math.min(origLen, Integer.MAX_VALUE));
      }
      case SPB -> {
        if (bodyLen < 4) {
          report.skips().count(SkipReason.CORRUPT_BLOCK, source, number + 1, blockOffset);
          return;
        }
        long origLen = Bytes.u32(b, body, be);
        number++;
        if (interfaces.isEmpty()) {
          report.frame(0, 0);
          report.skips().count(SkipReason.PACKET_BEFORE_INTERFACE, source, number, blockOffset);
          return;
        }
        Interface itf = interfaces.get(0);
        long capLen = Math.min(origLen, bodyLen - 4);
        if (itf.snaplen() > 0) {
          capLen = Math.min(capLen, itf.snaplen());
        }
        // SPBs carry no timestamp: reuse the last one so inter-arrival times stay sane.
        deliver(blockOffset, 0, itf, b, body + 4, (int) capLen,
            (int) Math.min(origLen, Integer.MAX_VALUE));
      }
      default -> {
        // SHB (already handled), name resolution, statistics, custom and unknown blocks.
      }
    }
  }

  private void deliver(long blockOffset, int ifId, Interface itf, byte[] b, int off, int capLen,
      int origLen) {
    report.frame(capLen, origLen);
    sink.accept(new RawPacket(number, blockOffset, ifId, itf.linkType(), lastTimestamp, b, off,
        capLen, origLen));
  }
}
