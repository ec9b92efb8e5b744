package org.tadam.capture.flow;

import java.util.List;

/**
 * A finished TCP session or UDP flow.
 *
 * @param protocol 6 (TCP) or 17 (UDP)
 * @param midstream TCP: the first packet seen was not a SYN (the start was not captured)
 * @param truncated more than the packet cap: only the first packets are in {@code packets}
 * @param packetCount all packets of the connection, including those beyond the cap
 * @param packets the first packets (at most the cap), in capture order
 * @param payloads captured payload bytes of the first packets (index = packet index; bounded)
 * @param ending why it was emitted: "closed", "idle", "end-of-file", "evicted", "reused",
 *     "clock-reset"
 */
public record Connection(String source, int protocol, Endpoint initiator, Endpoint responder,
    String service, ConnState state, boolean midstream, boolean truncated, long packetCount,
    long startNanos, long endNanos, List<PacketSummary> packets, List<byte[]> payloads,
    String ending) {

  public String protocolName() {
    return protocol == 6 ? "tcp" : "udp";
  }
}
