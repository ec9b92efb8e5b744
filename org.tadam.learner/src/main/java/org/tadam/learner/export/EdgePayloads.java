package org.tadam.learner.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tadam.capture.word.TimedWord;
import org.tadam.learner.LearnedModel;
import org.tadam.learner.automaton.Corpus;
import org.tadam.learner.automaton.Edge;
import org.tadam.model.Direction;
import org.tadam.model.PacketSymbol;
import org.tadam.model.PayloadClass;
import org.tadam.model.PayloadModel;
import org.tadam.model.RandomPayload;
import org.tadam.model.Symbol;
import org.tadam.model.TadamFactory;
import org.tadam.model.derived.Symbols;

/**
 * The payload pool of each edge of one exported model, from what its training connections sent on it
 * ({@link PayloadPools}); records each pool's entries for the payload variants ({@link PoolVariants}) and its random
 * payloads for the framing of their direction ({@link DirectionFramings}).
 */
final class EdgePayloads {
  private final LearnedModel m;
  private final boolean sizeInBytes;
  private final PoolVariants variants;
  private final DirectionFramings framings;
  /**
   * Per direction (index 1: backward), whether its random payloads that start no binary records are structured
   * messages that no framing explains ({@link RandomFraming#structured}), taken over all edges, or, when they are too
   * few to tell, whether its replayed binary payloads are: a random letter with too few payloads to tell on its own
   * (one MQTT PUBLISH) is a message too when its direction's are.
   */
  private final boolean[] messages = new boolean[2];

  /** What one training connection sent on an edge. */
  private interface PayloadSink {
    void take(int member, int position, byte[] data, int length, int wire, String peer);
  }

  /** @param sizeInBytes the size value of a letter is its payload length in bytes (not decilog-bytes) */
  EdgePayloads(LearnedModel m, List<Edge> edges, boolean sizeInBytes, PoolVariants variants,
      DirectionFramings framings) {
    this.m = m;
    this.sizeInBytes = sizeInBytes;
    this.variants = variants;
    this.framings = framings;
    RandomFraming[] byDirection = { new RandomFraming(), new RandomFraming() };
    RandomFraming[] replayed = { new RandomFraming(), new RandomFraming() };
    for (Edge e : edges) {
      Symbol symbol = Symbols.parse(m.corpus().alphabet().get(e.symbol()));
      if (symbol instanceof PacketSymbol p && p.getToken() == null
          && (p.getPayloadClass() == PayloadClass.RANDOM || p.getPayloadClass() == PayloadClass.REPLAY)) {
        int d = p.getDirection() == Direction.BACKWARD ? 1 : 0;
        RandomFraming framing = p.getPayloadClass() == PayloadClass.RANDOM ? byDirection[d] : replayed[d];
        payloads(e, false, (member, position, data, length, wire, peer) -> framing.add(data, length, 1));
      }
    }
    for (int d = 0; d < 2; d++) {
      // too few random payloads to tell on their own: the direction's binary messages tell (an NTP server whose
      // replies all start with their version and mode, two of which passed the test of randomness)
      messages[d] = byDirection[d].total() < RandomFraming.MIN_STRUCTURE_SAMPLES ? replayed[d].structured()
          : !byDirection[d].applyTo(TadamFactory.eINSTANCE.createRandomPayload()) && byDirection[d].structured();
    }
  }

  /** The pool of edge {@code e}, or null when it sends no payload or the capture kept nothing of them. */
  PayloadModel of(Edge e, PacketSymbol symbol) {
    PayloadClass pc = symbol.getPayloadClass();
    if (pc == PayloadClass.EMPTY) {
      return null;
    }
    PayloadPools pools = new PayloadPools();
    List<Integer> members = new ArrayList<>();
    List<byte[]> payloads = new ArrayList<>();
    List<Integer> lengths = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    List<Integer> wires = new ArrayList<>();
    List<String> peers = new ArrayList<>();
    payloads(e, true, (member, position, data, length, wire, peer) -> {
      peers.add(peer);
      pools.add(data, length, 1, data != null && data.length < wire);
      members.add(member);
      payloads.add(data);
      lengths.add(length);
      positions.add(position);
      wires.add(wire);
    });
    boolean backward = symbol.getDirection() == Direction.BACKWARD;
    PayloadModel model = pools.toModel(pc, symbol.getToken() != null, messages[backward ? 1 : 0]);
    if (model instanceof RandomPayload random) {
      framings.add(random, pools.framing(), backward);
      variants.addLengths(random, members.stream().mapToInt(Integer::intValue).toArray(),
          lengths.stream().mapToInt(Integer::intValue).toArray());
    } else if (model != null) {
      // which entry each occurrence sent, matched once for the places, segments and variants
      int[] index = PoolEntries.indexOf(model, payloads);
      EntryPlaces.write(model, index, positions);
      EntrySegments.write(model, index, payloads, wires);
      EntryAnswers.write(model, index, peers);
      variants.add(model, members.stream().mapToInt(Integer::intValue).toArray(), index);
    }
    return model;
  }

  /** The payloads training connections sent on edge {@code e}, in the order of their occurrences. */
  private void payloads(Edge e, boolean withPeers, PayloadSink sink) {
    Corpus c = m.corpus();
    long[] occurrences = new long[e.occurrenceCount()];
    for (int i = 0; i < occurrences.length; i++) {
      occurrences[i] = e.occurrence(i);
    }
    Arrays.sort(occurrences);
    for (long occ : occurrences) {
      int w = Edge.word(occ);
      int pos = Edge.position(occ);
      int[] v = c.value(w, pos);
      String peer = withPeers ? peerToken(c, w, pos) : null;
      for (int member : c.members(w)) {
        TimedWord word = m.samples().get(member);
        byte[] data = word.payload(pos);
        sink.take(member, pos, data, sizeInBytes && v.length > 1 ? v[1] : data == null ? 0 : data.length,
            word.payloadLength(pos), peer);
      }
    }
  }

  /** Per alphabet symbol its parsed form, parsed once. */
  private Symbol[] parsed;
  /** Per corpus word, per letter the symbol of the other side's last payload letter before it (-1: none); lazily. */
  private int[][] peerSymbols;

  /**
   * The token of the last payload letter of word {@code w} before letter {@code pos} sent by the other side than
   * that letter's; null when there is none or it has no token.
   */
  private String peerToken(Corpus c, int w, int pos) {
    int peer = peerSymbols(c, w)[pos];
    return peer < 0 ? null : ((PacketSymbol) symbol(c, peer)).getToken();
  }

  /**
   * {@link #peerSymbols} of word {@code w}, made in one pass: the letters of a long one-sided stream (a server's
   * thousand data segments after one request) each look back to the same request, which a search backwards from
   * every letter would walk over again and again.
   */
  private int[] peerSymbols(Corpus c, int w) {
    if (peerSymbols == null) {
      peerSymbols = new int[c.size()][];
      parsed = new Symbol[c.alphabet().size()];
    }
    if (peerSymbols[w] == null) {
      int[] peers = new int[c.length(w)];
      int[] last = { -1, -1 };
      for (int i = 0; i < peers.length; i++) {
        int id = c.symbol(w, i);
        if (symbol(c, id) instanceof PacketSymbol p) {
          int d = p.getDirection() == Direction.BACKWARD ? 1 : 0;
          peers[i] = last[1 - d];
          if (p.getPayloadClass() != PayloadClass.EMPTY) {
            last[d] = id;
          }
        } else {
          peers[i] = -1;
        }
      }
      peerSymbols[w] = peers;
    }
    return peerSymbols[w];
  }

  private Symbol symbol(Corpus c, int id) {
    if (parsed[id] == null) {
      parsed[id] = Symbols.parse(c.alphabet().get(id));
    }
    return parsed[id];
  }
}
