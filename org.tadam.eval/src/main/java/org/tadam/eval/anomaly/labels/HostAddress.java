package org.tadam.eval.anomaly.labels;

/**
 * An IP address literal as two longs, laid out as capture's {@code Endpoint} keeps it (IPv4 in the
 * low 32 bits of {@code lo}). Parsed here rather than by {@code InetAddress.getByName}, which would
 * look a mistyped address up in the DNS.
 */
public record HostAddress(int version, long hi, long lo) {

  /** Parses a dotted IPv4 or a (possibly compressed) IPv6 literal. */
  public static HostAddress parse(String text) {
    if (text.indexOf(':') < 0) {
      return new HostAddress(4, 0, ipv4(text));
    }
    int[] groups = ipv6(text);
    long hi = 0;
    long lo = 0;
    for (int i = 0; i < 8; i++) {
      if (i < 4) {
        hi = (hi << 16) | groups[i];
      } else {
        lo = (lo << 16) | groups[i];
      }
    }
    return new HostAddress(6, hi, lo);
  }

  private static long ipv4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException("not an IP address: " + text);
    }
    long value = 0;
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
        throw new IllegalArgumentException("not an IP address: " + text);
      }
      int octet = Integer.parseInt(p);
      if (octet > 255) {
        throw new IllegalArgumentException("not an IP address: " + text);
      }
      value = (value << 8) | octet;
    }
    return value;
  }

  private static int[] ipv6(String text) {
    int gap = text.indexOf("::");
    if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
      throw new IllegalArgumentException("not an IP address: " + text);
    }
    String[] head = gap < 0 ? text.split(":", -1) : split(text.substring(0, gap));
    String[] tail = gap < 0 ? new String[0] : split(text.substring(gap + 2));
    if (gap < 0 ? head.length != 8 : head.length + tail.length > 7) {
      throw new IllegalArgumentException("not an IP address: " + text);
    }
    int[] groups = new int[8];
    for (int i = 0; i < head.length; i++) {
      groups[i] = group(head[i], text);
    }
    for (int i = 0; i < tail.length; i++) {
      groups[8 - tail.length + i] = group(tail[i], text);
    }
    return groups;
  }

  private static String[] split(String part) {
    return part.isEmpty() ? new String[0] : part.split(":", -1);
  }

  private static int group(String hex, String text) {
    if (hex.isEmpty() || hex.length() > 4) {
      throw new IllegalArgumentException("not an IP address: " + text);
    }
    try {
      return Integer.parseInt(hex, 16);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not an IP address: " + text);
    }
  }
}
