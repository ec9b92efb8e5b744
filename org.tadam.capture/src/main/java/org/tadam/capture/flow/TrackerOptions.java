package org.tadam.capture.flow;

import org.tadam.capture.payload.PayloadClassifier;

/**
 * Connection-tracking policy.
 *
 * @param udpTimeoutNanos a UDP flow idle this long ends (default 60 s)
 * @param tcpTimeoutNanos an open TCP session idle this long ends (default 300 s, Zeek's
 *     tcp_inactivity_timeout)
 * @param closedLingerNanos a closed TCP session (RST, or FIN both ways) is kept this long for late
 *     ACKs and retransmissions before it is emitted (default 120 s, about TIME_WAIT = 2 MSL);
 *     a new SYN ends it at once
 * @param maxPackets packets kept per connection (default 1000); longer ones are truncated
 * @param payloadPackets payload bytes are kept for this many first packets (default 64; 0 = none)
 * @param payloadBytes at most this many payload bytes per kept packet (default 16 384: an SSH key
 *     exchange reply or a TLS server flight is one message of a few kilobytes, and a cut one replays
 *     as a malformed message)
 * @param payloadBudget at most this many payload bytes per connection in all (default 32 768), so
 *     that bulk transfers do not hold 64 full segments each
 * @param maxOpenConnections above this many open connections the least recently active one is
 *     emitted early ("evicted"); bounds memory on huge captures (default 100 000)
 * @param classifyPayloads compute payload classes; when off every packet is labelled Empty
 *     (faster when the alphabet ignores payload classes)
 * @param randomAlpha significance level of the χ² randomness test of payload classes (Part B:
 *     0.05): a payload is Random when its p-value is at least this. Each truly random payload
 *     fails the test with this probability, so an encrypted session of 40 packets has a few
 *     Replay letters at random places; a smaller level keeps such sessions' symbols stable
 */
public record TrackerOptions(long udpTimeoutNanos, long tcpTimeoutNanos, long closedLingerNanos,
    int maxPackets, int payloadPackets, int payloadBytes, int payloadBudget, int maxOpenConnections,
    boolean classifyPayloads, double randomAlpha) {

  public static final long SECOND = 1_000_000_000L;
  /** How a model's provenance records the level of the randomness test it was learned with. */
  public static final String RANDOM_ALPHA_KEY = "random-alpha=";

  public TrackerOptions {
    if (udpTimeoutNanos <= 0) {
      throw new IllegalArgumentException("the UDP idle timeout (--udp-timeout) must be a positive number of seconds, not "
          + udpTimeoutNanos / (double) SECOND);
    }
    if (tcpTimeoutNanos <= 0 || closedLingerNanos < 0) {
      throw new IllegalArgumentException("the TCP timeouts must be positive");
    }
    if (maxPackets < 1 || maxOpenConnections < 1) {
      throw new IllegalArgumentException("packet and connection caps must be at least 1");
    }
    if (!(randomAlpha > 0 && randomAlpha < 1)) {
      throw new IllegalArgumentException("the randomness test's level must be in (0, 1), not "
          + randomAlpha);
    }
    if (payloadPackets < 0 || payloadBytes < 0 || payloadBudget < 0) {
      throw new IllegalArgumentException("payload retention must not be negative");
    }
  }

  public static TrackerOptions defaults() {
    return new TrackerOptions(60 * SECOND, 300 * SECOND, 120 * SECOND, 1000, 64, 16_384, 32_768, 100_000,
        true, PayloadClassifier.DEFAULT_ALPHA);
  }

  public TrackerOptions withUdpTimeoutSeconds(double seconds) {
    return new TrackerOptions((long) (seconds * SECOND), tcpTimeoutNanos, closedLingerNanos,
        maxPackets, payloadPackets, payloadBytes, payloadBudget, maxOpenConnections, classifyPayloads,
        randomAlpha);
  }

  public TrackerOptions withMaxPackets(int n) {
    return new TrackerOptions(udpTimeoutNanos, tcpTimeoutNanos, closedLingerNanos, n,
        payloadPackets, payloadBytes, payloadBudget, maxOpenConnections, classifyPayloads,
        randomAlpha);
  }

  public TrackerOptions withPayloadRetention(int packets, int bytes) {
    return new TrackerOptions(udpTimeoutNanos, tcpTimeoutNanos, closedLingerNanos, maxPackets,
        packets, bytes, payloadBudget, maxOpenConnections, classifyPayloads,
        randomAlpha);
  }

  public TrackerOptions withPayloadBudget(int bytes) {
    return new TrackerOptions(udpTimeoutNanos, tcpTimeoutNanos, closedLingerNanos, maxPackets,
        payloadPackets, payloadBytes, bytes, maxOpenConnections, classifyPayloads, randomAlpha);
  }

  public TrackerOptions withClassifyPayloads(boolean on) {
    return new TrackerOptions(udpTimeoutNanos, tcpTimeoutNanos, closedLingerNanos, maxPackets,
        payloadPackets, payloadBytes, payloadBudget, maxOpenConnections, on, randomAlpha);
  }

  public TrackerOptions withMaxOpenConnections(int n) {
    return new TrackerOptions(udpTimeoutNanos, tcpTimeoutNanos, closedLingerNanos, maxPackets,
        payloadPackets, payloadBytes, payloadBudget, n, classifyPayloads, randomAlpha);
  }

  public TrackerOptions withRandomAlpha(double alpha) {
    return new TrackerOptions(udpTimeoutNanos, tcpTimeoutNanos, closedLingerNanos, maxPackets,
        payloadPackets, payloadBytes, payloadBudget, maxOpenConnections, classifyPayloads, alpha);
  }

  /**
   * The level a model's provenance options record ({@link #RANDOM_ALPHA_KEY}), or Part B's 0.05
   * when they record none (models learned before the option).
   */
  public static double randomAlphaOf(String provenanceOptions) {
    if (provenanceOptions != null) {
      for (String token : provenanceOptions.split("\\s+")) {
        if (token.startsWith(RANDOM_ALPHA_KEY)) {
          try {
            return Double.parseDouble(token.substring(RANDOM_ALPHA_KEY.length()));
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("provenance option " + token + " is not a number");
          }
        }
      }
    }
    return PayloadClassifier.DEFAULT_ALPHA;
  }
}
