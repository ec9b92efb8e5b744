package org.tadam.eval.sample;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A connection's 5-tuple in one text form whatever the direction, so that what an outside tool
 * prints (tshark's fields, nDPI's flow lines) finds our connection: the two endpoints in sorted
 * order, addresses in Java's literal form (IPv6 uncompressed).
 */
public record FlowTuple(String key) {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  /** Tools print the same few addresses on every line; parsing each once is enough. */
  private static final Map<String, String> NORMAL = new ConcurrentHashMap<>();

  /** @param protocol "tcp" or "udp" */
  public static FlowTuple of(String protocol, String addressA, int portA, String addressB, int portB) {
    String a = normal(addressA) + "#" + portA;
    String b = normal(addressB) + "#" + portB;
    return new FlowTuple(protocol + " " + (a.compareTo(b) <= 0 ? a + " " + b : b + " " + a));
  }

  /** An IP literal in one form; text that is not an IP literal is kept as it is (it then matches nothing). */
  static String normal(String address) {
    String a = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
    // only literals reach InetAddress, which parses them and never looks a name up
    if (!a.contains(":") && !IPV4.matcher(a).matches()) {
      return a;
    }
    if (NORMAL.size() > 100_000) {
      NORMAL.clear();
    }
    return NORMAL.computeIfAbsent(a, FlowTuple::parse);
  }

  private static String parse(String literal) {
    try {
      return InetAddress.getByName(literal).getHostAddress();
    } catch (UnknownHostException | SecurityException e) {
      return literal;
    }
  }
}
