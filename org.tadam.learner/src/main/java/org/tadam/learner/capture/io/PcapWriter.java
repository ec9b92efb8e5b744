package org.tadam.learner.capture.io;

import java.io.IOException;
import java.io.OutputStream;

/** Classic pcap writer (version 2.4), µs or ns timestamps, either byte order. */
public final class PcapWriter implements CaptureWriter {
  private final OutputStream out;
  private final boolean nanos;
  private final boolean bigEndian;
  private final byte[] header = new byte[24];

  /** @param out buffered by the caller if needed; closed by {@link #close()} */
  public PcapWriter(OutputStream out, int linkType, int snaplen, boolean nanos, boolean bigEndian)
      throws IOException {
    this.out = out;
    this.nanos = nanos;
    this.bigEndian = bigEndian;
    Bytes.put32(header, 0, nanos ? CaptureReader.PCAP_NS : CaptureReader.PCAP_US, bigEndian);
    Bytes.put16(header, 4, 2, bigEndian);
    Bytes.put16(header, 6, 4, bigEndian);
    Bytes.put32(header, 8, 0, bigEndian);
    Bytes.put32(header, 12, 0, bigEndian);
    Bytes.put32(header, 16, snaplen, bigEndian);
    Bytes.put32(header, 20, linkType, bigEndian);
    out.write(header, 0, 24);
  }

  @Override
  public void write(int interfaceIndex, long timestampNanos, byte[] data, int offset,
      int capturedLength, int originalLength) throws IOException {
    long sec = Math.floorDiv(timestampNanos, 1_000_000_000L);
    long frac = Math.floorMod(timestampNanos, 1_000_000_000L);
    Bytes.put32(header, 0, (int) sec, bigEndian);
    Bytes.put32(header, 4, (int) (nanos ? frac : frac / 1000), bigEndian);
    Bytes.put32(header, 8, capturedLength, bigEndian);
    Bytes.put32(header, 12, originalLength, bigEndian);
    out.write(header, 0, 16);
    out.write(data, offset, capturedLength);
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
