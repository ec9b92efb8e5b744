package org.tadam.pcap;

import java.io.Closeable;
import java.io.IOException;

/** Writes frames to a capture file; implementations buffer and must be closed. */
public interface CaptureWriter extends Closeable {

  /**
   * @param interfaceIndex pcapng interface (must have been declared); ignored by classic pcap
   */
  void write(int interfaceIndex, long timestampNanos, byte[] data, int offset, int capturedLength,
      int originalLength) throws IOException;

  /** Writes a packet as read, keeping its interface, timestamp and lengths. */
  default void write(RawPacket p) throws IOException {
    write(p.interfaceIndex(), p.timestampNanos(), p.data(), p.offset(), p.capturedLength(),
        p.originalLength());
  }
}
