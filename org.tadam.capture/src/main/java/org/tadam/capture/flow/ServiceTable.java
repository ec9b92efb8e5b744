package org.tadam.capture.flow;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Port → service name, from the IANA-based data resource {@code services.tsv} plus user
 * overrides. A port without a name yields {@code tcp/PORT} or {@code udp/PORT}. A connection's
 * name ({@link #name(int, int, String)}) is, in this order: the user's override of the
 * responder's port, the name its content gives ({@link ServiceDetector}), the port's name.
 */
public final class ServiceTable {
  private static final String RESOURCE = "/org/tadam/capture/services.tsv";

  private final String[] tcp;
  private final String[] udp;
  /** The user's overrides alone (null until the first one): they win over content. */
  private final String[] tcpUser;
  private final String[] udpUser;

  private ServiceTable(String[] tcp, String[] udp, String[] tcpUser, String[] udpUser) {
    this.tcp = tcp;
    this.udp = udp;
    this.tcpUser = tcpUser;
    this.udpUser = udpUser;
  }

  /** The shipped table. */
  public static ServiceTable standard() {
    String[] tcp = new String[65536];
    String[] udp = new String[65536];
    try (InputStream in = ServiceTable.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        int port = Integer.parseInt(f[0]);
        (f[1].equals("tcp") ? tcp : udp)[port] = f[2];
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ServiceTable(tcp, udp, null, null);
  }

  /**
   * A copy with one override.
   *
   * @param spec {@code PORT=NAME} (both protocols) or {@code PORT/tcp=NAME}, {@code PORT/udp=NAME}
   * @throws IllegalArgumentException on a malformed spec
   */
  public ServiceTable withOverride(String spec) {
    int eq = spec.indexOf('=');
    if (eq <= 0 || eq == spec.length() - 1) {
      throw new IllegalArgumentException("expected PORT[/tcp|/udp]=NAME: " + spec);
    }
    String left = spec.substring(0, eq).trim();
    String name = spec.substring(eq + 1).trim();
    if (name.isEmpty() || name.chars().anyMatch(c -> c <= ' ')) {
      throw new IllegalArgumentException("service name must be non-empty without blanks: " + spec);
    }
    String proto = "";
    int slash = left.indexOf('/');
    if (slash >= 0) {
      proto = left.substring(slash + 1);
      left = left.substring(0, slash);
    }
    int port;
    try {
      port = Integer.parseInt(left);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad port in " + spec);
    }
    if (port < 0 || port > 65535 || !(proto.isEmpty() || proto.equals("tcp")
        || proto.equals("udp"))) {
      throw new IllegalArgumentException("expected PORT[/tcp|/udp]=NAME with PORT 0..65535: "
          + spec);
    }
    String[] t = Arrays.copyOf(tcp, tcp.length);
    String[] u = Arrays.copyOf(udp, udp.length);
    String[] tu = tcpUser == null ? new String[65536] : Arrays.copyOf(tcpUser, tcpUser.length);
    String[] uu = udpUser == null ? new String[65536] : Arrays.copyOf(udpUser, udpUser.length);
    if (!proto.equals("udp")) {
      t[port] = name;
      tu[port] = name;
    }
    if (!proto.equals("tcp")) {
      u[port] = name;
      uu[port] = name;
    }
    return new ServiceTable(t, u, tu, uu);
  }

  /** @return the name (the user's override, else the table's), or null when the port has none */
  public String lookup(int protocol, int port) {
    return (protocol == 6 ? tcp : udp)[port];
  }

  /** @return the user's override for the port ({@link #withOverride}), or null */
  public String override(int protocol, int port) {
    String[] user = protocol == 6 ? tcpUser : udpUser;
    return user == null ? null : user[port];
  }

  /** Name of the service on a server port, {@code tcp/PORT} when unnamed. */
  public String name(int protocol, int port) {
    return name(protocol, port, null);
  }

  /**
   * Name of a connection's service: the user's override of the server port, else the content's
   * name (unless the port's name refines it: {@link ServiceDetector#refinedBy}), else the port's
   * name, else {@code tcp/PORT}.
   *
   * @param content the name the connection's payloads gave, or null
   */
  public String name(int protocol, int port, String content) {
    String user = override(protocol, port);
    if (user != null) {
      return user;
    }
    String n = lookup(protocol, port);
    if (content != null && !ServiceDetector.refinedBy(content, n)) {
      return content;
    }
    return n != null ? n : (protocol == 6 ? "tcp/" : "udp/") + port;
  }
}
