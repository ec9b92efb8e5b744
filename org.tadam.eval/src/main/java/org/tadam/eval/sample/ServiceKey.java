package org.tadam.eval.sample;

/**
 * What is compared as one: a service as capture's service detection names it ({@code tadam words}
 * gives the same names) over one transport protocol, as {@code tadam learn} groups connections.
 *
 * @param protocol "tcp" or "udp"
 */
public record ServiceKey(String service, String protocol) implements Comparable<ServiceKey> {

  @Override
  public int compareTo(ServiceKey o) {
    int c = service.compareTo(o.service);
    return c != 0 ? c : protocol.compareTo(o.protocol);
  }

  /** The name people read: the service, with its protocol when the service also runs over the other one. */
  public String label(boolean bothProtocols) {
    return bothProtocols ? service + "/" + protocol : service;
  }
}
