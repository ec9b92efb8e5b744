package org.tadam.spark.generate;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import org.tadam.pcap.AtomicOutput;
import org.tadam.pcap.Records;

/**
 * Merges the shards of a generation job into one time-ordered capture: a k-way merge on (timestamp in ns, shard
 * number). Shards hold consecutive ranges of connection numbers and each is in the single run's order, so this
 * order is the single run's order (equal times go to the lower connection number). Shards are nanosecond pcap
 * files (so that no tie is made by rounding); the merged file is pcap with micro- or nanosecond timestamps.
 */
public final class PcapMerge {
  private static final int NANOS_MAGIC = 0xa1b23c4d;
  private static final int BUFFER = 1 << 20;

  private PcapMerge() {
  }

  /** @return the number of packets written */
  public static long merge(List<Path> shards, Path target, boolean nanos) throws IOException {
    long[] packets = {0};
    AtomicOutput.write(target, raw -> {
      OutputStream out = new BufferedOutputStream(raw, BUFFER);
      List<Shard> open = new ArrayList<>();
      try {
        byte[] header = null;
        for (int i = 0; i < shards.size(); i++) {
          Shard s = new Shard(i, shards.get(i));
          open.add(s);
          byte[] h = s.header;
          if (header == null) {
            header = h.clone();
          }
        }
        if (header == null) {
          throw new IOException("no shard to merge");
        }
        int snaplen = littleEndian(header, 16);
        int linkType = littleEndian(header, 20);
        byte[] fileHeader = new byte[Records.PCAP_FILE_HEADER];
        Records.pcapFileHeader(fileHeader, 0, nanos, snaplen, linkType, false);
        out.write(fileHeader);
        PriorityQueue<Shard> queue = new PriorityQueue<>((a, b) -> a.time != b.time
            ? Long.compare(a.time, b.time) : Integer.compare(a.number, b.number));
        for (Shard s : open) {
          if (s.advance()) {
            queue.add(s);
          }
        }
        byte[] recordHeader = new byte[Records.PCAP_RECORD_HEADER];
        while (!queue.isEmpty()) {
          Shard s = queue.poll();
          Records.pcapRecordHeader(recordHeader, 0, s.time, nanos, s.captured, s.original, false);
          out.write(recordHeader);
          out.write(s.frame, 0, s.captured);
          packets[0]++;
          if (s.advance()) {
            queue.add(s);
          }
        }
        out.flush();
      } finally {
        for (Shard s : open) {
          s.in.close();
        }
      }
    });
    return packets[0];
  }

  private static int littleEndian(byte[] b, int at) {
    return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
  }

  /** One shard being read: its next record. */
  private static final class Shard {
    final int number;
    final DataInputStream in;
    final byte[] header = new byte[Records.PCAP_FILE_HEADER];
    final byte[] recordHeader = new byte[Records.PCAP_RECORD_HEADER];
    byte[] frame = new byte[2048];
    long time;
    int captured;
    int original;

    Shard(int number, Path file) throws IOException {
      this.number = number;
      InputStream raw = Files.newInputStream(file);
      this.in = new DataInputStream(new BufferedInputStream(raw, BUFFER));
      in.readFully(header);
      if (littleEndian(header, 0) != NANOS_MAGIC) {
        in.close();
        throw new IOException(file + ": not a nanosecond pcap shard");
      }
    }

    boolean advance() throws IOException {
      try {
        in.readFully(recordHeader);
      } catch (EOFException e) {
        return false;
      }
      long seconds = littleEndian(recordHeader, 0) & 0xffffffffL;
      time = seconds * 1_000_000_000L + (littleEndian(recordHeader, 4) & 0xffffffffL);
      captured = littleEndian(recordHeader, 8);
      original = littleEndian(recordHeader, 12);
      if (captured > frame.length) {
        frame = new byte[captured];
      }
      in.readFully(frame, 0, captured);
      return true;
    }
  }
}
