package org.tadam.learner;

import java.util.ArrayList;
import java.util.List;
import org.tadam.learner.capture.flow.Connection;
import org.tadam.learner.capture.word.Letter;
import org.tadam.learner.capture.word.TimedWord;

/**
 * One training word as the learner keeps it: symbols, values, and the payload bytes the capture
 * kept per letter (null entries when not kept), used only for the payload pools of the export.
 */
public record Sample(List<String> symbols, List<int[]> values, List<byte[]> payloads,
    Connection connection) {

  public Sample {
    symbols = List.copyOf(symbols);
    values = List.copyOf(values);
    payloads = payloads == null ? null : java.util.Collections.unmodifiableList(new ArrayList<>(payloads));
  }

  public static Sample of(TimedWord w) {
    List<String> s = new ArrayList<>(w.letters().size());
    List<int[]> v = new ArrayList<>(w.letters().size());
    for (Letter l : w.letters()) {
      s.add(l.symbol());
      v.add(l.values());
    }
    return new Sample(s, v, w.connection() == null ? null : w.connection().payloads(),
        w.connection());
  }

  /** Payload bytes of letter i, or null. */
  public byte[] payload(int i) {
    return payloads == null || i >= payloads.size() ? null : payloads.get(i);
  }
}
