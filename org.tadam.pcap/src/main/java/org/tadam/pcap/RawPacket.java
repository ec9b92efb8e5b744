package org.tadam.pcap;

/**
 * One captured frame as stored in the file. {@code data} is the reader's internal buffer: the bytes
 * {@code data[offset .. offset+capturedLength)} are only valid during the callback that receives
 * this record (the reader reuses the buffer so that reading allocates nothing per byte); copy what
 * must outlive it.
 *
 * @param number 1-based packet number in the file
 * @param fileOffset byte offset of the record (pcap) or block (pcapng) header
 * @param interfaceIndex pcapng interface id (0 for classic pcap)
 * @param linkType LINKTYPE_* value of the interface
 * @param timestampNanos capture time in nanoseconds since the epoch
 * @param originalLength length of the frame on the wire (may exceed capturedLength: snaplen cut)
 */
public record RawPacket(long number, long fileOffset, int interfaceIndex, int linkType,
    long timestampNanos, byte[] data, int offset, int capturedLength, int originalLength) {

  /** Copies the bytes out of the reader's buffer, for packets that must be kept. */
  public RawPacket detach() {
    byte[] copy = new byte[capturedLength];
    System.arraycopy(data, offset, copy, 0, capturedLength);
    return new RawPacket(number, fileOffset, interfaceIndex, linkType, timestampNanos, copy, 0,
        capturedLength, originalLength);
  }
}
