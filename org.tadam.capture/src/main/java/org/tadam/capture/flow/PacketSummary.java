package org.tadam.capture.flow;

import org.tadam.capture.payload.PayloadLabel;

/** One packet of a connection, as kept for its word. */
public record PacketSummary(long timestampNanos, boolean fromInitiator, int tcpFlags,
    int payloadLength, PayloadLabel payload) {
}
