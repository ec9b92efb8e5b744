package org.tadam.capture.decode;

/**
 * A TCP or UDP packet reduced to what connection tracking needs. Addresses are held as two longs
 * (IPv4: {@code hi == 0}, {@code lo} = the 32-bit address) so that no address objects are
 * allocated per packet. {@code data[payloadOffset .. payloadOffset+payloadCaptured)} is the
 * captured part of the payload, valid only during the callback (it is the reader's buffer).
 *
 * @param payloadLength payload length on the wire (from the IP/UDP length fields)
 * @param payloadCaptured payload bytes present in the capture (less when snaplen-cut)
 */
public record DecodedPacket(long number, long fileOffset, long timestampNanos, int ipVersion,
    int protocol, long srcHi, long srcLo, long dstHi, long dstLo, int srcPort, int dstPort,
    int tcpFlags, long tcpSeq, int payloadLength, byte[] data, int payloadOffset,
    int payloadCaptured) {

  public static final int TCP = 6;
  public static final int UDP = 17;

  public static final int FIN = 0x01;
  public static final int SYN = 0x02;
  public static final int RST = 0x04;
  public static final int PSH = 0x08;
  public static final int ACK = 0x10;
  public static final int URG = 0x20;
  public static final int ECE = 0x40;
  public static final int CWR = 0x80;

  public boolean isTcp() {
    return protocol == TCP;
  }

  public boolean has(int flag) {
    return (tcpFlags & flag) != 0;
  }
}
