package org.tadam.learner.export;

import java.util.ArrayList;
import java.util.List;
import org.tadam.model.RandomPayload;

/**
 * The framing learned from all random payloads sent in one direction, for the random pools of that direction that
 * could not learn a length field of their own: too few payloads, or a single length (then the field cannot be told
 * from constant bytes). A pool whose payloads agree with the direction's field gets it; a pool that does not agree
 * keeps at most the bytes up to the end of the field (a TLS record header), since bytes copied beyond it (a
 * handshake message's header) make parsers read random bytes as structure.
 */
final class DirectionFramings {
  private record Pending(RandomPayload pool, RandomFraming own, int direction) {
  }

  private final RandomFraming[] all = { new RandomFraming(), new RandomFraming() };
  private final List<Pending> pending = new ArrayList<>();

  /** Records the random pool of an edge, {@code backward} when the responder sends it. */
  void add(RandomPayload pool, RandomFraming own, boolean backward) {
    all[backward ? 1 : 0].addAll(own);
    if (pool.getLengthOffset() < 0) {
      pending.add(new Pending(pool, own, backward ? 1 : 0));
    }
  }

  /** Frames the pending pools whose payloads agree with their direction's framing. */
  void apply() {
    RandomPayload[] learned = new RandomPayload[2];
    for (int d = 0; d < 2; d++) {
      RandomPayload framing = org.tadam.model.TadamFactory.eINSTANCE.createRandomPayload();
      learned[d] = all[d].applyTo(framing) ? framing : null;
    }
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
      } else if (!chained(pool, p.own(), framing) && pool.getHeader() != null) {
        int end = framing.getLengthOffset() + framing.getLengthWidth();
        pool.setHeader(java.util.Arrays.copyOf(pool.getHeader(), Math.min(end, pool.getHeader().length)));
      }
    }
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
