package org.tadam.pcap;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * Streaming reader for classic pcap and pcapng files; the format is recognised by its magic
 * number. Frames are handed to a consumer one at a time (see {@link RawPacket} for the buffer
 * lifetime); memory does not depend on the file size.
 *
 * <p>Recoverable problems (a truncated last record, a corrupt pcapng block, a packet for an
 * undeclared interface) are counted in the {@link ReadReport}. Unrecoverable ones (empty file,
 * wrong magic, a record longer than {@link #MAX_RECORD} or a block longer than {@link #MAX_BLOCK},
 * a broken block trailer) end the file with a {@link CaptureFormatException}; what was delivered
 * before stays valid and the exception is also stored in the report.
 */
public final class CaptureReader {
  /** Largest classic-pcap record accepted (the largest snaplen tools use is 256 KiB). */
  public static final int MAX_RECORD = 256 * 1024;
  /** Largest pcapng block accepted. */
  public static final int MAX_BLOCK = 16 * 1024 * 1024;

  static final int PCAP_US = 0xA1B2C3D4;
  static final int PCAP_NS = 0xA1B23C4D;
  static final int PCAPNG_SHB = 0x0A0D0D0A;

  private CaptureReader() {
  }

  public static ReadReport read(Path file, Consumer<RawPacket> sink) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      return read(ch, file.toString(), sink);
    }
  }

  /**
   * Reads a whole capture from a channel.
   *
   * @param source name used in reports and error messages
   * @throws CaptureFormatException on an unrecoverable format error (also stored in the report)
   * @throws IOException when the channel itself fails
   */
  public static ReadReport read(ReadableByteChannel channel, String source,
      Consumer<RawPacket> sink) throws IOException {
    return read(channel, source, sink, new ReadReport(source));
  }

  /** As {@link #read(ReadableByteChannel, String, Consumer)}, filling a caller-owned report. */
  public static ReadReport read(ReadableByteChannel channel, String source,
      Consumer<RawPacket> sink, ReadReport report) throws IOException {
    int size = ChannelBuffer.DEFAULT_SIZE;
    if (channel instanceof FileChannel file) {
      // Small files (the common case in test corpora) do not need a 1 MiB window.
      size = (int) Math.max(64 * 1024, Math.min(size, file.size() + 1));
    }
    ChannelBuffer in = new ChannelBuffer(channel, size);
    try {
      if (!in.ensure(4)) {
        throw new CaptureFormatException(source, 0, 0,
            in.available() == 0 ? "empty file" : "file too short for a capture header");
      }
      int magicBe = Bytes.i32(in.array(), in.pos(), true);
      int magicLe = Bytes.i32(in.array(), in.pos(), false);
      if (magicBe == PCAPNG_SHB) {
        new PcapngReader(in, source, sink, report).run();
      } else if (magicBe == PCAP_US || magicBe == PCAP_NS || magicLe == PCAP_US
          || magicLe == PCAP_NS) {
        new PcapReader(in, source, sink, report).run();
      } else {
        throw new CaptureFormatException(source, 0, 0, String.format(
            "not a pcap or pcapng file (magic 0x%08x)", magicBe));
      }
    } catch (CaptureFormatException e) {
      report.error(e);
      throw e;
    } finally {
      report.bytes(in.offset());
    }
    return report;
  }
}
