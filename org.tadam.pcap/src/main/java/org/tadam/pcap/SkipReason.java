package org.tadam.pcap;

/** Why a frame (or a part of a file) did not become a tracked TCP/UDP packet. */
public enum SkipReason {
  TRUNCATED_RECORD("file ends inside a record or block"),
  CORRUPT_BLOCK("pcapng block with inconsistent lengths (block skipped)"),
  PACKET_BEFORE_INTERFACE("pcapng packet for an undeclared interface"),
  UNKNOWN_LINK_TYPE("link type not supported"),
  NON_IP("frame does not carry IPv4/IPv6"),
  TRUNCATED_HEADER("capture cut inside the link/IP/TCP/UDP header"),
  CORRUPT_IP("invalid IP header"),
  CORRUPT_TCP("invalid TCP header"),
  CORRUPT_UDP("invalid UDP header"),
  IP_FRAGMENT("IP fragment never completed (timeout, end of file, memory bound or missing pieces)"),
  IP_FRAGMENT_DUPLICATE("IP fragment whose bytes had all been received already (first copy kept)"),
  IP_FRAGMENT_OVERLAP("IPv6 fragment overlapping another (RFC 5722): the whole datagram dropped"),
  IP_FRAGMENT_INVALID("IP fragment empty, unaligned, beyond 65535 bytes or past the datagram end"),
  OTHER_IP_PROTOCOL("IP protocol other than TCP/UDP (ICMP, ESP, ...)");

  private final String description;

  SkipReason(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
