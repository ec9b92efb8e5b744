package org.tadam.capture.flow;

/** An IP address (two longs, see {@code DecodedPacket}) and a port. */
public record Endpoint(int ipVersion, long hi, long lo, int port) {

  public String address() {
    if (ipVersion == 4) {
      return ((lo >>> 24) & 0xFF) + "." + ((lo >>> 16) & 0xFF) + "." + ((lo >>> 8) & 0xFF) + "."
          + (lo & 0xFF);
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      long word = i < 4 ? hi >>> (48 - 16 * i) : lo >>> (48 - 16 * (i - 4));
      if (i > 0) {
        sb.append(':');
      }
      sb.append(Long.toHexString(word & 0xFFFF));
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return ipVersion == 4 ? address() + ":" + port : "[" + address() + "]:" + port;
  }
}
