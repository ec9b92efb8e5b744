package org.tadam.learner.noise;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The four kinds of packet-level noise TADAM explains (Part B item 6). */
public enum NoiseKind {
  /** A packet is missing from the observation (deletion, filled by a shortest path). */
  MISSING,
  /** An extra packet was observed (addition, skipped and encoded explicitly). */
  SPURIOUS,
  /** A packet was observed twice (re-emission of the previous letter). */
  DUPLICATED,
  /** Two adjacent packets were observed in swapped order (transposition). */
  SWAPPED;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses "missing,spurious,…" or "none"/"all". */
  public static Set<NoiseKind> parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.equals("none") || t.isEmpty()) {
      return EnumSet.noneOf(NoiseKind.class);
    }
    if (t.equals("all")) {
      return EnumSet.allOf(NoiseKind.class);
    }
    EnumSet<NoiseKind> kinds = EnumSet.noneOf(NoiseKind.class);
    for (String part : t.split(",")) {
      try {
        kinds.add(valueOf(part.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unknown noise kind '" + part.trim()
            + "' (expected missing, spurious, duplicated, swapped, all or none)");
      }
    }
    return kinds;
  }
}
