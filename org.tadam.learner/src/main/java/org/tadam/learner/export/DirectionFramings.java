package org.tadam.learner.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tadam.model.RandomPayload;

/**
 * The framing learned from all random payloads sent in one direction, for the random pools of that direction that
 * could not learn a length field of their own: too few payloads, or a single length (then the field cannot be told
 * from constant bytes). A pool whose payloads agree with the direction's field gets it; one whose payloads chain
 * records gets the field of its last record; any other is written as whole records of the direction's framing
 * (pieces of records cut over segments), since bytes copied beyond a record header (a handshake message's header)
 * make parsers read random bytes as structure.
 */
final class DirectionFramings {
  private record Pending(RandomPayload pool, RandomFraming own, int direction) {
  }

  private record Field(int offset, int width, int plus) {
  }

  /** The pools of a direction that learned one field of their own: their payloads, and the largest pool. */
  private static final class Votes {
    long payloads;
    RandomPayload largest;
    long largestPayloads;
  }

  private final RandomFraming[] all = { new RandomFraming(), new RandomFraming() };
  private final List<Pending> pending = new ArrayList<>();
  /** Per direction: the pools that learned a length field of their own, by field. */
  private final List<Map<Field, Votes>> ownFields = List.of(new HashMap<>(), new HashMap<>());

  /** Records the random pool of an edge, {@code backward} when the responder sends it. */
  void add(RandomPayload pool, RandomFraming own, boolean backward) {
    int d = backward ? 1 : 0;
    all[d].addAll(own);
    if (pool.getLengthOffset() < 0) {
      pending.add(new Pending(pool, own, d));
      return;
    }
    Field field = new Field(pool.getLengthOffset(), pool.getLengthWidth(), pool.getLengthPlus());
    Votes votes = ownFields.get(d).computeIfAbsent(field, k -> new Votes());
    long payloads = own.total();
    votes.payloads += payloads;
    if (votes.largest == null || payloads > votes.largestPayloads) {
      votes.largest = pool;
      votes.largestPayloads = payloads;
    }
  }

  /**
   * The direction's framing: learned from all its random payloads; when that gives no length field (pieces of
   * records cut over segments outnumber the record starts), the field most of the pools that learned one of their
   * own share, with the header of the largest of them.
   */
  private RandomPayload framing(int d) {
    RandomPayload framing = org.tadam.model.TadamFactory.eINSTANCE.createRandomPayload();
    boolean learned = all[d].applyTo(framing);
    if (learned && framing.getLengthOffset() >= 0 || ownFields.get(d).isEmpty()) {
      return learned ? framing : null;
    }
    // most payloads, then the earliest, narrowest field with the smallest constant: no tie is left to the map's order
    Map.Entry<Field, Votes> best = ownFields.get(d).entrySet().stream()
        .max(Comparator.comparingLong((Map.Entry<Field, Votes> e) -> e.getValue().payloads)
            .thenComparingInt(e -> -e.getKey().offset()).thenComparingInt(e -> -e.getKey().width())
            .thenComparingInt(e -> -e.getKey().plus()))
        .orElseThrow();
    Field field = best.getKey();
    byte[] header = best.getValue().largest.getHeader();
    framing.setHeader(header != null && header.length >= field.offset() ? Arrays.copyOf(header, field.offset())
        : all[d].commonHead(field.offset()));
    framing.setLengthOffset(field.offset());
    framing.setLengthWidth(field.width());
    framing.setLengthPlus(field.plus());
    return framing;
  }

  /**
   * Frames the pending pools of a direction with a learned framing: with the direction's header and field when their
   * payloads agree with it, else as chained records or as whole records.
   */
  void apply() {
    RandomPayload[] learned = { framing(0), framing(1) };
    for (Pending p : pending) {
      RandomPayload framing = learned[p.direction()];
      if (framing == null) {
        continue;
      }
      RandomPayload pool = p.pool();
      if (framing.getLengthOffset() < 0) {
        if (pool.getHeader() == null && p.own().agreesWith(framing)) {
          pool.setHeader(framing.getHeader().clone());
        }
      } else if (p.own().agreesWith(framing)) {
        // the edge's own leading bytes before the field: an alert record keeps its type
        pool.setHeader(p.own().commonHead(framing.getLengthOffset()));
        pool.setLengthOffset(framing.getLengthOffset());
        pool.setLengthWidth(framing.getLengthWidth());
        pool.setLengthPlus(framing.getLengthPlus());
      } else if (!chained(pool, p.own(), framing)) {
        wholeRecords(pool, framing);
      }
    }
  }

  /**
   * Frames a pool whose payloads do not agree with the direction's length field: the pieces of records cut over
   * several segments (a certificate, 16 KB of application data), or payloads of one length. Each generated payload
   * becomes one whole record: the pool's own leading bytes up to the field when it has them (a handshake keeps its
   * type), else the direction's, then the field. A payload that began a longer record, or that continued one,
   * would make parsers read the next generated segment's bytes as a record header.
   */
  private static void wholeRecords(RandomPayload pool, RandomPayload framing) {
    int at = framing.getLengthOffset();
    byte[] own = pool.getHeader();
    pool.setHeader(own != null && own.length >= at ? Arrays.copyOf(own, at) : framing.getHeader().clone());
    pool.setLengthOffset(at);
    pool.setLengthWidth(framing.getLengthWidth());
    pool.setLengthPlus(framing.getLengthPlus());
  }

  /**
   * Frames a pool whose payloads carry several records, the first ones of constant length (a ChangeCipherSpec,
   * then the record of a Finished or of application data): the direction's record header repeats at each record
   * end, and the length field of the record that reaches the payload's end is the one that varies. The header
   * then holds the leading records whole, so each generated payload is a valid chain; without this only the
   * first record was framed and parsers read the rest as an unknown record. Records are followed within
   * {@link RandomFraming#HEAD} bytes. Returns whether the pool was framed.
   */
  private static boolean chained(RandomPayload pool, RandomFraming own, RandomPayload framing) {
    int at = framing.getLengthOffset();
    int width = framing.getLengthWidth();
    int start = 0;
    while (true) {
      long length = own.constantValue(start + at, width);
      if (length < 0 || length + framing.getLengthPlus() <= 0) {
        return false;
      }
      start += (int) length + framing.getLengthPlus();
      if (start + at + width > RandomFraming.HEAD) {
        return false;
      }
      RandomPayload next = org.tadam.model.TadamFactory.eINSTANCE.createRandomPayload();
      next.setHeader(own.commonHead(start + at));
      next.setLengthOffset(start + at);
      next.setLengthWidth(width);
      next.setLengthPlus(start + framing.getLengthPlus());
      if (own.agreesWith(next)) {
        pool.setHeader(next.getHeader());
        pool.setLengthOffset(next.getLengthOffset());
        pool.setLengthWidth(width);
        pool.setLengthPlus(next.getLengthPlus());
        return true;
      }
    }
  }
}
