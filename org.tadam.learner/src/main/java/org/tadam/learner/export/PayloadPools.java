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
 * Collects the payloads of one edge and turns them into a bounded, weighted pool: the most frequent
 * entries (ties broken by content, so the pool is deterministic). Text and binary payloads need the
 * bytes the capture kept; random payloads only their lengths.
 */
final class PayloadPools {
  /** Entries kept per pool. */
  static final int POOL_SIZE = 8;

  private final Map<Bytes, long[]> bytes = new HashMap<>();
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
    if (payload != null && payload.length > 0) {
      bytes.computeIfAbsent(new Bytes(payload), k -> new long[1])[0] += weight;
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

  /** The pool for a payload class, or null when there is nothing to put in it. */
  PayloadModel toModel(PayloadClass payloadClass) {
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
        framing.applyTo(r);
        return r;
      }
      case TEXT, REPLAY -> {
        List<Map.Entry<Bytes, long[]>> top = new ArrayList<>(bytes.entrySet());
        top.sort(Comparator.<Map.Entry<Bytes, long[]>>comparingLong(e -> -e.getValue()[0])
            .thenComparing(e -> e.getKey().data(), Arrays::compareUnsigned));
        top = top.subList(0, Math.min(POOL_SIZE, top.size()));
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
        ReplayPayload r = f.createReplayPayload();
        for (Map.Entry<Bytes, long[]> e : top) {
          WeightedBytes w = f.createWeightedBytes();
          w.setData(e.getKey().data());
          w.setWeight((int) Math.min(Integer.MAX_VALUE, e.getValue()[0]));
          r.getEntries().add(w);
        }
        return r;
      }
      default -> {
        return null;
      }
    }
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
