package org.tadam.eval.judge;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tadam.pcap.CaptureReader;
import org.tadam.pcap.PcapWriter;

/**
 * A classic pcap copy of a capture, for a tool that cannot read the original: ndpiReader (libpcap) refuses a pcapng
 * whose interfaces differ in snapshot length, as mergecap writes them. The packets keep their bytes, times and
 * order; the copy has the largest snapshot length. Only a capture of one link type has such a copy.
 */
final class SingleLinkCopy {
  /** Snapshot length of the copy: the largest record the reader takes. */
  private static final int SNAPLEN = CaptureReader.MAX_RECORD;

  private SingleLinkCopy() {
  }

  /**
   * Writes the copy of {@code capture} into a new temporary file and returns it (the caller deletes it).
   *
   * @throws IOException when the capture cannot be read, holds no packet, or its packets have more than one link type
   */
  static Path of(Path capture) throws IOException {
    Path copy = Files.createTempFile("tadam-ndpi-", ".pcap");
    // the file header names the link type: the writer starts at the first packet, in the one pass over the capture
    PcapWriter[] writer = {null};
    int[] linkType = {-1};
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(copy), 1 << 16)) {
      CaptureReader.read(capture, p -> {
        try {
          if (writer[0] == null) {
            writer[0] = new PcapWriter(out, p.linkType(), SNAPLEN, true, false);
            linkType[0] = p.linkType();
          } else if (p.linkType() != linkType[0]) {
            throw new IOException(capture + " mixes link types " + linkType[0] + " and " + p.linkType()
                + ": no single pcap holds it");
          }
          writer[0].write(0, p.timestampNanos(), p.data(), p.offset(), p.capturedLength(), p.originalLength());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      if (writer[0] == null) {
        throw new IOException(capture + " holds no packet");
      }
    } catch (IOException | UncheckedIOException e) {
      Files.deleteIfExists(copy);
      throw e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
    }
    return copy;
  }
}
