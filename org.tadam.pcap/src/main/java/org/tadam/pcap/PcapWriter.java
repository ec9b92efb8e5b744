package org.tadam.pcap;

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
    Records.pcapFileHeader(header, 0, nanos, snaplen, linkType, bigEndian);
    out.write(header, 0, Records.PCAP_FILE_HEADER);
  }

  @Override
  public void write(int interfaceIndex, long timestampNanos, byte[] data, int offset,
      int capturedLength, int originalLength) throws IOException {
    Records.pcapRecordHeader(header, 0, timestampNanos, nanos, capturedLength, originalLength,
        bigEndian);
    out.write(header, 0, Records.PCAP_RECORD_HEADER);
    out.write(data, offset, capturedLength);
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
