package org.tadam.eval.holdout;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.tadam.capture.decode.DecodedPacket;
import org.tadam.capture.decode.PacketDecoder;
import org.tadam.capture.flow.Endpoint;
import org.tadam.eval.judge.FlowIndex;
import org.tadam.eval.sample.ConnectionStats;
import org.tadam.eval.sample.FlowTuple;
import org.tadam.eval.sample.Side;
import org.tadam.pcap.AtomicOutput;
import org.tadam.pcap.CaptureReader;
import org.tadam.pcap.PcapngWriter;
import org.tadam.pcap.SkipCounter;

/**
 * Writes the frames of some connections of a side into one capture (pcapng, nanosecond
 * timestamps, one interface per link type, declared when first used), e.g. the first half of the
 * real capture for {@code tadam learn}. A frame belongs to the connection of its 5-tuple that had
 * started when it was sent; frames of no TCP/UDP connection and the fragments of a reassembled
 * datagram other than the one that completed it are not written.
 */
public final class HalfWriter {
  private HalfWriter() {
  }

  /** Returns how many frames were written. */
  public static long write(Side side, Collection<ConnectionStats> keep, Path target) throws IOException {
    Set<ConnectionStats> wanted = Collections.newSetFromMap(new IdentityHashMap<>());
    wanted.addAll(keep);
    boolean[] kept = new boolean[side.connections().size()];
    for (int i = 0; i < kept.length; i++) {
      kept[i] = wanted.contains(side.connections().get(i));
    }
    FlowIndex index = new FlowIndex(side);
    long[] written = {0};
    AtomicOutput.write(target, out -> {
      PcapngWriter writer = new PcapngWriter(out, false);
      Map<Integer, Integer> interfaces = new HashMap<>();
      for (int f = 0; f < side.files().size(); f++) {
        int file = f;
        PacketDecoder decoder = new PacketDecoder(new SkipCounter());
        decoder.source(side.files().get(f).toString());
        IOException[] failure = {null};
        CaptureReader.read(side.files().get(f), raw -> {
          DecodedPacket p = decoder.decode(raw);
          if (p == null || failure[0] != null) {
            return;
          }
          int i = index.find(file, tuple(p), p.timestampNanos());
          if (i < 0 || !kept[i]) {
            return;
          }
          try {
            Integer itf = interfaces.get(raw.linkType());
            if (itf == null) {
              itf = writer.addInterface(raw.linkType(), 262_144, 9);
              interfaces.put(raw.linkType(), itf);
            }
            writer.write(itf, raw.timestampNanos(), raw.data(), raw.offset(), raw.capturedLength(), raw.originalLength());
            written[0]++;
          } catch (IOException e) {
            failure[0] = e;
          }
        });
        decoder.finish();
        if (failure[0] != null) {
          throw failure[0];
        }
      }
      writer.close();
    });
    return written[0];
  }

  private static FlowTuple tuple(DecodedPacket p) {
    String protocol = p.protocol() == DecodedPacket.TCP ? "tcp" : "udp";
    Endpoint src = new Endpoint(p.ipVersion(), p.srcHi(), p.srcLo(), p.srcPort());
    Endpoint dst = new Endpoint(p.ipVersion(), p.dstHi(), p.dstLo(), p.dstPort());
    return FlowTuple.of(protocol, src.address(), src.port(), dst.address(), dst.port());
  }
}
