package org.tadam.pcap;

import java.io.IOException;

/**
 * The one documented error of the capture readers: the file is not a capture file, or its block
 * structure is broken beyond repair (bad magic, absurd record or block length, broken block
 * trailer). Everything delivered before the error stays valid; the message names the file, the
 * byte offset and the number of packets read so far.
 */
public final class CaptureFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final long offset;
  private final long packetsRead;

  public CaptureFormatException(String source, long offset, long packetsRead, String problem) {
    super(source + ": " + problem + " at byte offset " + offset + " (after " + packetsRead
        + " packets)");
    this.source = source;
    this.offset = offset;
    this.packetsRead = packetsRead;
  }

  public String source() {
    return source;
  }

  public long offset() {
    return offset;
  }

  public long packetsRead() {
    return packetsRead;
  }
}
