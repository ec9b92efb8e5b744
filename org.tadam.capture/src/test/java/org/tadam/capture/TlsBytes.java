package org.tadam.capture;

import java.io.ByteArrayOutputStream;
import java.util.Random;

/** TLS records of random content for the tests of message starts and joins. */
final class TlsBytes {
  private TlsBytes() {
  }

  /** A TLS 1.2 record of {@code type} whose {@code length} bytes of content are random. */
  static byte[] record(Random random, int type, int length) {
    byte[] r = new byte[5 + length];
    random.nextBytes(r);
    r[0] = (byte) type;
    r[1] = 3;
    r[2] = 3;
    r[3] = (byte) (length >> 8);
    r[4] = (byte) length;
    return r;
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
