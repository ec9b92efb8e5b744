package org.tadam.pcap;

import java.io.IOException;
import java.util.function.Consumer;

/** Classic libpcap format: µs or ns timestamps, either byte order. */
final class PcapReader {
  private final ChannelBuffer in;
  private final String source;
  private final Consumer<RawPacket> sink;
  private final ReadReport report;

  PcapReader(ChannelBuffer in, String source, Consumer<RawPacket> sink, ReadReport report) {
    this.in = in;
    this.source = source;
    this.sink = sink;
    this.report = report;
  }

  void run() throws IOException {
    if (!in.ensure(24)) {
      throw new CaptureFormatException(source, 0, 0, "truncated pcap file header");
    }
    byte[] b = in.array();
    int p = in.pos();
    boolean be = Bytes.i32(b, p, true) == CaptureReader.PCAP_US
        || Bytes.i32(b, p, true) == CaptureReader.PCAP_NS;
    boolean nanos = Bytes.i32(b, p, be) == CaptureReader.PCAP_NS;
    // The upper bits of the link-type field carry FCS information, not the link type.
    int linkType = Bytes.i32(b, p + 20, be) & 0x03FFFFFF;
    report.format("pcap" + (nanos ? "/ns" : "/us") + (be ? "/be" : "/le"));
    report.linkTypes().add(linkType);
    report.section();
    in.skip(24);
    long number = 0;
    while (true) {
      if (!in.ensure(16)) {
        if (in.available() > 0) {
          report.skips().count(SkipReason.TRUNCATED_RECORD, source, number + 1, in.offset());
          in.skip(in.available());
        }
        return;
      }
      b = in.array();
      p = in.pos();
      long sec = Bytes.u32(b, p, be);
      long frac = Bytes.u32(b, p + 4, be);
      long incl = Bytes.u32(b, p + 8, be);
      long orig = Bytes.u32(b, p + 12, be);
      long recordOffset = in.offset();
      if (incl > CaptureReader.MAX_RECORD) {
        throw new CaptureFormatException(source, recordOffset, number,
            "absurd record length " + incl + " (cap " + CaptureReader.MAX_RECORD + ")");
      }
      if (!in.ensure(16 + (int) incl)) {
        report.skips().count(SkipReason.TRUNCATED_RECORD, source, number + 1, recordOffset);
        in.skip(in.available());
        return;
      }
      number++;
      long ts = sec * 1_000_000_000L + (nanos ? frac : frac * 1000L);
      int origLen = (int) Math.min(orig, Integer.MAX_VALUE);
      report.frame((int) incl, origLen);
      sink.accept(new RawPacket(number, recordOffset, 0, linkType, ts, in.array(), in.pos() + 16,
          (int) incl, origLen));
      in.skip(16 + (int) incl);
    }
  }
}
