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
  IP_FRAGMENT("IP fragment (fragments are not reassembled)"),
  OTHER_IP_PROTOCOL("IP protocol other than TCP/UDP (ICMP, ESP, ...)");

  private final String description;

  SkipReason(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
