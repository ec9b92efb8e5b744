package org.tadam.pcap;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * A refillable window over a channel. Records are parsed in place in {@link #array()}; the window
 * only grows when a single record is larger than it (bounded by the readers' length caps), so
 * memory stays constant whatever the file size.
 */
final class ChannelBuffer {
  static final int DEFAULT_SIZE = 1 << 20;

  private final ReadableByteChannel channel;
  private byte[] buf;
  private ByteBuffer view;
  private int pos;
  private int limit;
  private long base;
  private boolean eof;

  ChannelBuffer(ReadableByteChannel channel, int size) {
    this.channel = channel;
    this.buf = new byte[size];
    this.view = ByteBuffer.wrap(buf);
  }

  byte[] array() {
    return buf;
  }

  /** Index in {@link #array()} of the next unread byte. */
  int pos() {
    return pos;
  }

  int available() {
    return limit - pos;
  }

  /** File offset of the next unread byte. */
  long offset() {
    return base + pos;
  }

  void skip(int n) {
    pos += n;
  }

  /**
   * Makes at least {@code n} bytes available from {@link #pos()}; false if the channel ends
   * first (then {@link #available()} tells how many bytes there were).
   */
  boolean ensure(int n) throws IOException {
    if (limit - pos >= n) {
      return true;
    }
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      base += pos;
      limit -= pos;
      pos = 0;
    }
    if (n > buf.length) {
      byte[] bigger = new byte[Math.max(n, buf.length * 2)];
      System.arraycopy(buf, 0, bigger, 0, limit);
      buf = bigger;
      view = ByteBuffer.wrap(buf);
    }
    while (limit < n && !eof) {
      view.limit(buf.length).position(limit);
      int r = channel.read(view);
      if (r < 0) {
        eof = true;
      } else {
        limit += r;
      }
    }
    return limit - pos >= n;
  }
}
