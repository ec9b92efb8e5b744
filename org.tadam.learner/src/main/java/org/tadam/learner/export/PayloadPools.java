package org.tadam.learner.export;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tadam.model.PayloadClass;
import org.tadam.model.PayloadModel;
import org.tadam.model.RandomPayload;
import org.tadam.model.ReplayPayload;
import org.tadam.model.TadamFactory;
import org.tadam.model.TextPayload;
import org.tadam.model.WeightedBytes;
import org.tadam.model.WeightedLength;
import org.tadam.model.WeightedText;

/**
 * Collects the payloads of one edge and turns them into a bounded, weighted pool: the most frequent entries, as
 * many as {@link #size} allows (ties broken as {@link #top} says, so the pool is deterministic). Text and binary
 * payloads need the bytes the capture kept; random payloads only their lengths, unless they turn out to be
 * structured messages.
 */
final class PayloadPools {
  /** Entries kept per pool at least (when there are as many). */
  static final int POOL_SIZE = 8;
  /** Entries kept per pool of short messages at most. */
  static final int MAX_POOL_SIZE = 256;
  /**
   * Bytes a pool of messages may keep beyond {@link #POOL_SIZE} entries: short ones (DNS queries) keep more. At 4 KB,
   * the pool of the loopback DNS server's 128 answers kept 60, while the four pools of their queries kept 123: the
   * other connections' queries got another query's answer (69 of 136 generated answers named another name).
   */
  static final int POOL_BYTES = 16384;

  private final Map<Bytes, long[]> bytes = new HashMap<>();
  /** Payloads the capture cut short, kept apart from {@link #bytes} (see {@link #add(byte[], int, long, boolean)}). */
  private final Map<Bytes, long[]> cutBytes = new HashMap<>();
  private final Map<Integer, long[]> lengths = new HashMap<>();
  private final RandomFraming framing = new RandomFraming();

  private record Bytes(byte[] data) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Bytes b && Arrays.equals(b.data, data);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(data);
    }
  }

  void add(byte[] payload, int length, long weight) {
    add(payload, length, weight, false);
  }

  /**
   * {@link #add(byte[], int, long)} of a payload whose bytes the capture cut ({@code cut}: fewer kept than sent, by
   * its snap length or the tracker's byte limits): such bytes are a message only when the edge has no whole one. A
   * DNS answer cut to 56 bytes in one public capture, replayed as a whole datagram, was a malformed frame in 1 or 2 of
   * 300 generated flows.
   */
  void add(byte[] payload, int length, long weight, boolean cut) {
    if (payload != null && payload.length > 0) {
      (cut ? cutBytes : bytes).computeIfAbsent(new Bytes(payload), k -> new long[1])[0] += weight;
    }
    if (length > 0) {
      lengths.computeIfAbsent(length, k -> new long[1])[0] += weight;
    }
    framing.add(payload, length, weight);
  }

  /** What the random payloads of this pool say about their framing. */
  RandomFraming framing() {
    return framing;
  }

  /** The pool for a payload class of payloads that start no binary records, or null when there is nothing to put in it. */
  PayloadModel toModel(PayloadClass payloadClass) {
    return toModel(payloadClass, false, false);
  }

  /**
   * The pool for a payload class, or null when there is nothing to put in it.
   *
   * <p>Random payloads that no framing explains and that share bytes at their start ({@link RandomFraming#structured})
   * are replayed, not drawn as filler of their lengths: they are messages the capture's test of randomness could not
   * tell from ciphertext, and filler in their place is a frame no parser accepts. So are too few payloads to tell
   * on their own when {@code directionSends} says their direction's random payloads are such messages. Payloads
   * that start binary records ({@code recordFramed}: a TLS record, an SSH packet; the symbol has their types as its
   * token) are left to the record framing, whose headers are shared by design.
   */
  PayloadModel toModel(PayloadClass payloadClass, boolean recordFramed, boolean directionSends) {
    TadamFactory f = TadamFactory.eINSTANCE;
    switch (payloadClass) {
      case RANDOM -> {
        if (lengths.isEmpty()) {
          return null;
        }
        RandomPayload r = f.createRandomPayload();
        List<Map.Entry<Integer, long[]>> top = new ArrayList<>(lengths.entrySet());
        top.sort(Comparator.<Map.Entry<Integer, long[]>>comparingLong(e -> -e.getValue()[0])
            .thenComparing(Map.Entry::getKey));
        for (Map.Entry<Integer, long[]> e : top.subList(0, Math.min(POOL_SIZE, top.size()))) {
          WeightedLength w = f.createWeightedLength();
          w.setLength(e.getKey());
          w.setWeight((int) Math.min(Integer.MAX_VALUE, e.getValue()[0]));
          r.getLengths().add(w);
        }
        boolean messages = framing.structured()
            || directionSends && framing.total() < RandomFraming.MIN_STRUCTURE_SAMPLES;
        if (!framing.applyTo(r) && !recordFramed && messages && !messages().isEmpty()) {
          return replay(f);
        }
        return r;
      }
      case TEXT, REPLAY -> {
        List<Map.Entry<Bytes, long[]>> top = top();
        if (top.isEmpty()) {
          return null;
        }
        if (payloadClass == PayloadClass.TEXT) {
          TextPayload t = f.createTextPayload();
          for (Map.Entry<Bytes, long[]> e : top) {
            String text = utf8(e.getKey().data());
            if (text != null) {
              WeightedText w = f.createWeightedText();
              w.setText(text);
              w.setWeight((int) Math.min(Integer.MAX_VALUE, e.getValue()[0]));
              t.getEntries().add(w);
            }
          }
          return t.getEntries().isEmpty() ? null : t;
        }
        return replay(f);
      }
      default -> {
        return null;
      }
    }
  }

  /**
   * The most frequent payloads, {@link #size} of them at most, ties broken by content. When more payloads than the
   * places left are as frequent as the last one kept (often: every message of a capture is its own, an SMTP body
   * with its date), those tied payloads are ordered by length, then content, and cut into as many consecutive strata
   * as places are left; each place goes to the middle payload of its stratum, weighted with the whole stratum's
   * occurrences. The pool then keeps the lengths of the payloads it stands for and how often each was sent: the
   * first by content were often of one length only (SMTP bodies of 210 bytes, none of the 212 sent as often). Tied
   * payloads of one length keep the first by content and their own weights: measured on FTP (issue 13), whose
   * passive replies differ only in their ports, strata there changed which connections' replies the pool kept, and
   * the variants with them.
   */
  /** The whole payloads, or those the capture cut when it kept none whole. */
  private Map<Bytes, long[]> messages() {
    return bytes.isEmpty() ? cutBytes : bytes;
  }

  private List<Map.Entry<Bytes, long[]>> top() {
    Comparator<Map.Entry<Bytes, long[]>> byContent = Comparator.comparing(e -> e.getKey().data(),
        Arrays::compareUnsigned);
    List<Map.Entry<Bytes, long[]>> all = new ArrayList<>(messages().entrySet());
    all.sort(Comparator.<Map.Entry<Bytes, long[]>>comparingLong(e -> -e.getValue()[0]).thenComparing(byContent));
    int size = size(all);
    if (all.size() <= size) {
      return all;
    }
    long last = all.get(size - 1).getValue()[0];
    List<Map.Entry<Bytes, long[]>> top = new ArrayList<>();
    List<Map.Entry<Bytes, long[]>> tied = new ArrayList<>();
    for (Map.Entry<Bytes, long[]> e : all) {
      if (e.getValue()[0] > last) {
        top.add(e);
      } else if (e.getValue()[0] == last) {
        tied.add(e);
      }
    }
    int places = size - top.size();
    if (tied.stream().mapToInt(e -> e.getKey().data().length).distinct().count() == 1) {
      // one length: nothing to keep but the payloads themselves (FTP passive replies, each naming its own port, all
      // five digits), the first by content as they were
      top.addAll(tied.subList(0, places));
      return top;
    }
    tied.sort(Comparator.<Map.Entry<Bytes, long[]>>comparingInt(e -> e.getKey().data().length).thenComparing(byContent));
    for (int i = 0; i < places; i++) {
      int from = (int) ((long) i * tied.size() / places);
      int to = (int) ((long) (i + 1) * tied.size() / places);
      long weight = 0;
      for (int k = from; k < to; k++) {
        weight += tied.get(k).getValue()[0];
      }
      Map.Entry<Bytes, long[]> middle = tied.get((int) ((2L * i + 1) * tied.size() / (2L * places)));
      top.add(Map.entry(middle.getKey(), new long[] {weight}));
    }
    return top;
  }

  /**
   * How many of these payloads a pool keeps: {@link #POOL_SIZE}, or as many of their median length as
   * {@link #POOL_BYTES} holds, up to {@link #MAX_POOL_SIZE}. Eight of 244 DNS queries, each naming its host, left most
   * answers with no query of theirs, and the queries kept stood for connections that asked twice.
   */
  private static int size(List<Map.Entry<Bytes, long[]>> payloads) {
    int[] lengths = payloads.stream().mapToInt(e -> e.getKey().data().length).sorted().toArray();
    if (lengths.length == 0) {
      return POOL_SIZE;
    }
    int median = Math.max(1, lengths[lengths.length / 2]);
    return Math.max(POOL_SIZE, Math.min(MAX_POOL_SIZE, POOL_BYTES / median));
  }

  private ReplayPayload replay(TadamFactory f) {
    ReplayPayload r = f.createReplayPayload();
    for (Map.Entry<Bytes, long[]> e : top()) {
      WeightedBytes w = f.createWeightedBytes();
      w.setData(e.getKey().data());
      w.setWeight((int) Math.min(Integer.MAX_VALUE, e.getValue()[0]));
      r.getEntries().add(w);
    }
    return r;
  }

  private static String utf8(byte[] data) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
