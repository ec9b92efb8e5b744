package org.tadam.capture.flow;

import static org.tadam.capture.payload.AsciiBytes.digit;
import static org.tadam.capture.payload.AsciiBytes.startsWith;

/**
 * Byte signatures of protocols at the start of a connection's first payloads, for
 * {@link ServiceDetector}. Each test reads {@code b[off..off+len)} only and allocates nothing; the
 * binary ones check several independent fields so that random bytes rarely pass (estimates below).
 */
final class ContentSignatures {
  private ContentSignatures() {
  }

  /** Bytes searched for an SSH identification after other lines (a bound on the cost). */
  private static final int SSH_PREFACE = 512;

  /** SSH identification {@code SSH-d.} (RFC 4253 4.2) at the start of the payload. */
  static boolean ssh(byte[] b, int off, int len) {
    return startsWith(b, off, len, "SSH-") && len >= 6 && digit(b[off + 4]) && b[off + 5] == '.';
  }

  /**
   * SSH identification at the start of a later line within the first {@value #SSH_PREFACE} bytes
   * of a payload that starts with printable text: a server may send other lines first.
   */
  static boolean sshAfterPreface(byte[] b, int off, int len) {
    if (len == 0 || b[off] < 0x20 || b[off] > 0x7E) {
      return false;
    }
    int end = off + Math.min(len, SSH_PREFACE);
    for (int i = off; i < end - 1; i++) {
      if (b[i] == '\n' && ssh(b, i + 1, off + len - i - 1)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A TLS record header of a handshake (0x16, version 0x03 0x00..0x04, length 1..2^14+2048)
   * holding a ClientHello (1) or ServerHello (2).
   */
  static boolean tlsHandshake(byte[] b, int off, int len) {
    if (len < 6 || b[off] != 0x16 || b[off + 1] != 3 || b[off + 2] < 0 || b[off + 2] > 4) {
      return false;
    }
    int recordLength = u16(b, off + 3);
    return recordLength > 0 && recordLength <= 18432 && (b[off + 5] == 1 || b[off + 5] == 2);
  }

  /**
   * MQTT CONNECT: type 1 without flags (0x10), the remaining length (1..4 bytes of 7 bits), then
   * the protocol name "MQTT" (3.1.1, 5) or "MQIsdp" (3.1) with its 2-byte length.
   */
  static boolean mqttConnect(byte[] b, int off, int len) {
    if (len < 2 || b[off] != 0x10) {
      return false;
    }
    int i = off + 1;
    while (i < off + len && i < off + 4 && (b[i] & 0x80) != 0) {
      i++;
    }
    i++;
    return startsWith(b, i, off + len - i, "\0\4MQTT") || startsWith(b, i, off + len - i,
        "\0\6MQIsdp");
  }

  /** DNS over TCP: a 2-byte length of at least a header, then a plausible DNS message. */
  static boolean dnsOverTcp(byte[] b, int off, int len) {
    return len >= 2 + 12 && u16(b, off) >= 12 && dns(b, off + 2, Math.min(len - 2, u16(b, off)));
  }

  /**
   * A plausible DNS message (RFC 1035 4.1; also mDNS, LLMNR, NetBIOS names): a known opcode
   * (query, inverse, status, notify, update), the Z bit clear, a defined rcode, 1..16 questions
   * (or none in a response with records, as mDNS announces), at most 256 records per section, and
   * the first name well formed (labels of 1..63 bytes or a pointer, at most 255 bytes) followed by
   * a non-zero type and a known class (IN, CH, HS, NONE, ANY; the mDNS top bit ignored).
   * Random bytes pass about once in 10^6.
   */
  static boolean dns(byte[] b, int off, int len) {
    if (len < 12 + 5) {
      return false;
    }
    int flags = u16(b, off + 2);
    int opcode = flags >> 11 & 0xF;
    boolean response = (flags & 0x8000) != 0;
    int questions = u16(b, off + 4);
    int answers = u16(b, off + 6);
    int authority = u16(b, off + 8);
    int additional = u16(b, off + 10);
    if (opcode == 3 || opcode > 5 || (flags & 0x40) != 0 || (flags & 0xF) > 10
        || answers > 256 || authority > 256 || additional > 256) {
      return false;
    }
    if (questions == 0 ? !response || answers + authority + additional == 0 : questions > 16) {
      return false;
    }
    int end = off + len;
    int i = off + 12;
    int nameLength = 0;
    while (true) {
      if (i >= end) {
        return false;
      }
      int label = b[i] & 0xFF;
      if (label == 0) {
        i++;
        break;
      }
      if ((label & 0xC0) == 0xC0) {
        i += 2;
        break;
      }
      if (label > 63 || (nameLength += label + 1) > 255) {
        return false;
      }
      i += label + 1;
    }
    if (i + 4 > end || u16(b, i) == 0) {
      return false;
    }
    int dnsClass = u16(b, i + 2) & 0x7FFF;
    return dnsClass == 1 || dnsClass == 3 || dnsClass == 4 || dnsClass == 254 || dnsClass == 255;
  }

  /**
   * An NTP packet (RFC 5905): 48 bytes, or 68/72 with a MAC; version 1..4; mode 1..5 (symmetric,
   * client, server, broadcast); stratum at most 16; poll 0..17; precision -32..0. Control (mode 6)
   * and private (mode 7) messages are left to the port table. Random bytes pass about once in 5000
   * 48-byte datagrams.
   */
  static boolean ntp(byte[] b, int off, int len) {
    if (len != 48 && len != 68 && len != 72) {
      return false;
    }
    int version = b[off] >> 3 & 7;
    int mode = b[off] & 7;
    int stratum = b[off + 1] & 0xFF;
    int poll = b[off + 2];
    int precision = b[off + 3];
    return version >= 1 && version <= 4 && mode >= 1 && mode <= 5 && stratum <= 16 && poll >= 0
        && poll <= 17 && precision >= -32 && precision <= 0;
  }

  private static int u16(byte[] b, int i) {
    return (b[i] & 0xFF) << 8 | b[i + 1] & 0xFF;
  }
}
