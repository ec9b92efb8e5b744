package org.tadam.pcap;

/**
 * The byte layout of pcap and pcapng headers and records, written into a byte array at an offset. The one
 * place that knows these layouts: the streaming writers ({@link PcapWriter}, {@link PcapngWriter}) and the
 * generator runtime, which builds records in place in its own buffers, both write through it.
 */
public final class Records {
  /** Bytes of a classic pcap file header. */
  public static final int PCAP_FILE_HEADER = 24;
  /** Bytes of a classic pcap record header. */
  public static final int PCAP_RECORD_HEADER = 16;
  /** Bytes of a pcapng Section Header Block without options. */
  public static final int SECTION_HEADER = 28;
  /** Bytes of an Enhanced Packet Block before the packet data. */
  public static final int EPB_HEADER = 28;

  private Records() {
  }

  /** Classic pcap file header, version 2.4. @return bytes written ({@link #PCAP_FILE_HEADER}) */
  public static int pcapFileHeader(byte[] b, int at, boolean nanos, int snaplen, int linkType,
      boolean bigEndian) {
    Bytes.put32(b, at, nanos ? CaptureReader.PCAP_NS : CaptureReader.PCAP_US, bigEndian);
    Bytes.put16(b, at + 4, 2, bigEndian);
    Bytes.put16(b, at + 6, 4, bigEndian);
    Bytes.put32(b, at + 8, 0, bigEndian);
    Bytes.put32(b, at + 12, 0, bigEndian);
    Bytes.put32(b, at + 16, snaplen, bigEndian);
    Bytes.put32(b, at + 20, linkType, bigEndian);
    return PCAP_FILE_HEADER;
  }

  /** Classic pcap record header; the frame follows it. @return bytes written ({@link #PCAP_RECORD_HEADER}) */
  public static int pcapRecordHeader(byte[] b, int at, long timestampNanos, boolean nanos,
      int capturedLength, int originalLength, boolean bigEndian) {
    long seconds = Math.floorDiv(timestampNanos, 1_000_000_000L);
    long fraction = Math.floorMod(timestampNanos, 1_000_000_000L);
    Bytes.put32(b, at, (int) seconds, bigEndian);
    Bytes.put32(b, at + 4, (int) (nanos ? fraction : fraction / 1000), bigEndian);
    Bytes.put32(b, at + 8, capturedLength, bigEndian);
    Bytes.put32(b, at + 12, originalLength, bigEndian);
    return PCAP_RECORD_HEADER;
  }

  /** pcapng Section Header Block, version 1.0, section length unknown. @return bytes written */
  public static int sectionHeader(byte[] b, int at, boolean bigEndian) {
    Bytes.put32(b, at, CaptureReader.PCAPNG_SHB, bigEndian);
    Bytes.put32(b, at + 4, SECTION_HEADER, bigEndian);
    Bytes.put32(b, at + 8, PcapngReader.BYTE_ORDER_MAGIC, bigEndian);
    Bytes.put16(b, at + 12, 1, bigEndian);
    Bytes.put16(b, at + 14, 0, bigEndian);
    Bytes.put32(b, at + 16, -1, bigEndian);
    Bytes.put32(b, at + 20, -1, bigEndian);
    Bytes.put32(b, at + 24, SECTION_HEADER, bigEndian);
    return SECTION_HEADER;
  }

  /** Bytes of an Interface Description Block of this timestamp resolution. */
  public static int interfaceLength(int decimalResolution) {
    return decimalResolution == 6 ? 20 : 32;
  }

  /**
   * pcapng Interface Description Block; the option {@code if_tsresol} is written only when the resolution
   * is not the default 6 (µs). @return bytes written ({@link #interfaceLength})
   */
  public static int interfaceDescription(byte[] b, int at, int linkType, int snaplen,
      int decimalResolution, boolean bigEndian) {
    if (decimalResolution < 0 || decimalResolution > 9) {
      throw new IllegalArgumentException("resolution must be 0..9: " + decimalResolution);
    }
    int length = interfaceLength(decimalResolution);
    Bytes.put32(b, at, PcapngReader.IDB, bigEndian);
    Bytes.put32(b, at + 4, length, bigEndian);
    Bytes.put16(b, at + 8, linkType, bigEndian);
    Bytes.put16(b, at + 10, 0, bigEndian);
    Bytes.put32(b, at + 12, snaplen, bigEndian);
    int o = at + 16;
    if (length > 20) {
      Bytes.put16(b, o, 9, bigEndian);
      Bytes.put16(b, o + 2, 1, bigEndian);
      Bytes.put32(b, o + 4, 0, bigEndian);
      b[o + 4] = (byte) decimalResolution;
      Bytes.put32(b, o + 8, 0, bigEndian);
      o += 12;
    }
    Bytes.put32(b, o, length, bigEndian);
    return length;
  }

  /** Total bytes of an Enhanced Packet Block carrying this many captured bytes. */
  public static int epbLength(int capturedLength) {
    return EPB_HEADER + ((capturedLength + 3) & ~3) + 4;
  }

  /**
   * Enhanced Packet Block header; the packet data follows it, then {@link #epbTrailer}.
   *
   * @param units timestamp in the interface's resolution
   * @return bytes written ({@link #EPB_HEADER})
   */
  public static int epbHeader(byte[] b, int at, int interfaceIndex, long units, int capturedLength,
      int originalLength, boolean bigEndian) {
    Bytes.put32(b, at, PcapngReader.EPB, bigEndian);
    Bytes.put32(b, at + 4, epbLength(capturedLength), bigEndian);
    Bytes.put32(b, at + 8, interfaceIndex, bigEndian);
    Bytes.put32(b, at + 12, (int) (units >>> 32), bigEndian);
    Bytes.put32(b, at + 16, (int) units, bigEndian);
    Bytes.put32(b, at + 20, capturedLength, bigEndian);
    Bytes.put32(b, at + 24, originalLength, bigEndian);
    return EPB_HEADER;
  }

  /**
   * The end of an Enhanced Packet Block, written just after its packet data: zero padding to 32 bits,
   * then the block length again. @return bytes written
   */
  public static int epbTrailer(byte[] b, int at, int capturedLength, boolean bigEndian) {
    int pad = (4 - (capturedLength & 3)) & 3;
    for (int i = 0; i < pad; i++) {
      b[at + i] = 0;
    }
    Bytes.put32(b, at + pad, epbLength(capturedLength), bigEndian);
    return pad + 4;
  }
}
