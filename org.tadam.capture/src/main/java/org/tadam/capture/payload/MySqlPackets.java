package org.tadam.capture.payload;

/**
 * MySQL client/server protocol packets: a 3-byte little-endian payload length, a sequence id, the payload. The server
 * speaks first, with a greeting (sequence 0, protocol version 10); the client logs in (sequence 1) and then sends
 * commands, each starting over at sequence 0 with a command byte, which the server answers from sequence 1 on. Names
 * of packets for {@link BinaryRecords}' tokens: the command of a client's packet, the kind of a server's answer.
 *
 * <p>Why (issue 13): without them every MySQL segment was {@code PA> replay}; the search merged the login, the
 * queries and the quit into one letter per side, and 111 to 124 of 300 connections generated from 16 public ones had
 * a malformed packet (a login sent as a command, a quit between a query and its answer); 67 to 72 with them.
 */
final class MySqlPackets {
  /** Length and sequence id. */
  static final int HEADER = 4;
  /** Shortest greeting: protocol version, a version string, a thread id, scramble, capabilities. */
  private static final int MIN_GREETING = 30;
  private static final int MAX_VERSION = 64;

  private MySqlPackets() {
  }

  /** Payload length of the packet at {@code at}. */
  static int length(byte[] b, int at) {
    return b[at] & 0xFF | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16;
  }

  /**
   * Whether the bytes begin with a server greeting (handshake v10): sequence 0, protocol 10, a version string of
   * printable characters that starts with a digit and ends with NUL, the packet within the segment.
   */
  static boolean isGreeting(byte[] b, int off, int captured) {
    if (captured < HEADER + MIN_GREETING || b[off + 3] != 0 || b[off + 4] != 10) {
      return false;
    }
    int length = length(b, off);
    if (length < MIN_GREETING || HEADER + length > captured || b[off + 5] < '0' || b[off + 5] > '9') {
      return false;
    }
    for (int i = off + 5; i < off + 5 + MAX_VERSION && i < off + HEADER + length; i++) {
      if (b[i] == 0) {
        return true;
      }
      if (b[i] < 0x20 || b[i] > 0x7e) {
        return false;
      }
    }
    return false;
  }

  /**
   * The name of the packet at {@code at} with payload length {@code length}: for a client, {@code login} (sequence
   * 1), {@code more} (a later packet of an exchange: an authentication answer, a file's contents) or its command
   * ({@code query}, {@code quit}, {@code stmt_execute}...); for a server, {@code greeting}, {@code ok},
   * {@code error}, {@code eof}, {@code switch} (authentication switch), {@code more} (authentication data) or
   * {@code resultset} (a column count).
   */
  static String name(boolean client, byte[] b, int at, int length) {
    int seq = b[at + 3] & 0xFF;
    int first = length > 0 ? b[at + HEADER] & 0xFF : -1;
    if (client) {
      return seq == 1 ? "login" : seq != 0 ? "more" : command(first);
    }
    if (seq == 0 && first == 10) {
      return "greeting";
    }
    return switch (first) {
      case 0x00 -> "ok";
      case 0xff -> "error";
      case 0xfe -> length < 9 ? "eof" : "switch";
      case 0x01 -> length > 1 ? "more" : "resultset";
      default -> "resultset";
    };
  }

  /** Names of the command bytes (the protocol's COM_ constants, lower case). */
  private static String command(int code) {
    return switch (code) {
      case 0x01 -> "quit";
      case 0x02 -> "init_db";
      case 0x03 -> "query";
      case 0x04 -> "field_list";
      case 0x07 -> "refresh";
      case 0x09 -> "statistics";
      case 0x0a -> "process_info";
      case 0x0c -> "process_kill";
      case 0x0e -> "ping";
      case 0x11 -> "change_user";
      case 0x12 -> "binlog_dump";
      case 0x16 -> "stmt_prepare";
      case 0x17 -> "stmt_execute";
      case 0x18 -> "stmt_send_long_data";
      case 0x19 -> "stmt_close";
      case 0x1a -> "stmt_reset";
      case 0x1b -> "set_option";
      case 0x1c -> "stmt_fetch";
      case 0x1f -> "reset_connection";
      default -> code < 0 ? "empty" : "cmd" + code;
    };
  }
}
