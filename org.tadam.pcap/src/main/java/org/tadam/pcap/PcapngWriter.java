package org.tadam.pcap;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * pcapng writer: one section header per {@link #startSection()}, interfaces declared with
 * {@link #addInterface}, packets as Enhanced Packet Blocks. Timestamps are written in each
 * interface's resolution (10^-tsresol seconds).
 */
public final class PcapngWriter implements CaptureWriter {
  private final OutputStream out;
  private final boolean bigEndian;
  private final List<Integer> resolutions = new ArrayList<>();
  private final byte[] scratch = new byte[32];

  /** Starts the first section. @param out closed by {@link #close()} */
  public PcapngWriter(OutputStream out, boolean bigEndian) throws IOException {
    this.out = out;
    this.bigEndian = bigEndian;
    startSection();
  }

  /** Starts a new section; interfaces must be declared again. */
  public void startSection() throws IOException {
    out.write(scratch, 0, Records.sectionHeader(scratch, 0, bigEndian));
    resolutions.clear();
  }

  /**
   * Declares an interface in the current section.
   *
   * @param decimalResolution timestamp unit 10^-n s (6 = µs, the pcapng default; 9 = ns)
   * @return its interface index
   */
  public int addInterface(int linkType, int snaplen, int decimalResolution) throws IOException {
    out.write(scratch, 0,
        Records.interfaceDescription(scratch, 0, linkType, snaplen, decimalResolution, bigEndian));
    resolutions.add(decimalResolution);
    return resolutions.size() - 1;
  }

  @Override
  public void write(int interfaceIndex, long timestampNanos, byte[] data, int offset,
      int capturedLength, int originalLength) throws IOException {
    if (interfaceIndex < 0 || interfaceIndex >= resolutions.size()) {
      throw new IllegalArgumentException("undeclared interface " + interfaceIndex);
    }
    long divisor = 1;
    for (int i = resolutions.get(interfaceIndex); i < 9; i++) {
      divisor *= 10;
    }
    long units = Math.floorDiv(timestampNanos, divisor);
    out.write(scratch, 0, Records.epbHeader(scratch, 0, interfaceIndex, units, capturedLength,
        originalLength, bigEndian));
    out.write(data, offset, capturedLength);
    out.write(scratch, 0, Records.epbTrailer(scratch, 0, capturedLength, bigEndian));
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
