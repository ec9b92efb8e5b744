package org.tadam.learner.capture.io;

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
  private static final byte[] PADDING = new byte[4];

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
    Bytes.put32(scratch, 0, CaptureReader.PCAPNG_SHB, bigEndian);
    Bytes.put32(scratch, 4, 28, bigEndian);
    Bytes.put32(scratch, 8, PcapngReader.BYTE_ORDER_MAGIC, bigEndian);
    Bytes.put16(scratch, 12, 1, bigEndian);
    Bytes.put16(scratch, 14, 0, bigEndian);
    Bytes.put32(scratch, 16, -1, bigEndian);
    Bytes.put32(scratch, 20, -1, bigEndian);
    Bytes.put32(scratch, 24, 28, bigEndian);
    out.write(scratch, 0, 28);
    resolutions.clear();
  }

  /**
   * Declares an interface in the current section.
   *
   * @param decimalResolution timestamp unit 10^-n s (6 = µs, the pcapng default; 9 = ns)
   * @return its interface index
   */
  public int addInterface(int linkType, int snaplen, int decimalResolution) throws IOException {
    if (decimalResolution < 0 || decimalResolution > 9) {
      throw new IllegalArgumentException("resolution must be 0..9: " + decimalResolution);
    }
    boolean option = decimalResolution != 6;
    int len = option ? 32 : 20;
    Bytes.put32(scratch, 0, PcapngReader.IDB, bigEndian);
    Bytes.put32(scratch, 4, len, bigEndian);
    Bytes.put16(scratch, 8, linkType, bigEndian);
    Bytes.put16(scratch, 10, 0, bigEndian);
    Bytes.put32(scratch, 12, snaplen, bigEndian);
    int o = 16;
    if (option) {
      Bytes.put16(scratch, 16, 9, bigEndian);
      Bytes.put16(scratch, 18, 1, bigEndian);
      Bytes.put32(scratch, 20, 0, bigEndian);
      scratch[20] = (byte) decimalResolution;
      Bytes.put32(scratch, 24, 0, bigEndian);
      o = 28;
    }
    Bytes.put32(scratch, o, len, bigEndian);
    out.write(scratch, 0, len);
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
    int pad = (4 - (capturedLength & 3)) & 3;
    int len = 32 + capturedLength + pad;
    Bytes.put32(scratch, 0, PcapngReader.EPB, bigEndian);
    Bytes.put32(scratch, 4, len, bigEndian);
    Bytes.put32(scratch, 8, interfaceIndex, bigEndian);
    Bytes.put32(scratch, 12, (int) (units >>> 32), bigEndian);
    Bytes.put32(scratch, 16, (int) units, bigEndian);
    Bytes.put32(scratch, 20, capturedLength, bigEndian);
    Bytes.put32(scratch, 24, originalLength, bigEndian);
    out.write(scratch, 0, 28);
    out.write(data, offset, capturedLength);
    out.write(PADDING, 0, pad);
    Bytes.put32(scratch, 0, len, bigEndian);
    out.write(scratch, 0, 4);
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
