package org.tadam.eval.sample;

import java.util.ArrayList;
import java.util.List;
import org.tadam.capture.flow.Connection;
import org.tadam.capture.flow.PacketSummary;
import org.tadam.capture.word.SymbolAbstraction;
import org.tadam.eval.realism.ZeekConnState;

/**
 * What the evaluation keeps of one connection: the figures that are compared, the symbols of its
 * word, its Zeek conn_state, and where it was (file, 5-tuple, time) so that outside tools'
 * verdicts on its frames can be given back to it. Payload bytes are not kept.
 *
 * @param file index of the capture file in its side's list
 * @param iats seconds between consecutive packets of the connection (either direction)
 * @param payloadOrig payload sizes of the initiator's packets that carry payload; likewise
 *     {@code payloadResp}
 * @param symbols the symbols of its timed word, as {@code tadam words} writes them (at most
 *     {@link #MAX_SYMBOLS}, the word's letter cap)
 */
public record ConnectionStats(int file, ServiceKey key, FlowTuple tuple, long startNanos, long endNanos,
    String connState, int packetsOrig, int packetsResp, long bytesOrig, long bytesResp, double[] iats,
    double[] payloadOrig, double[] payloadResp, List<String> symbols) {

  /** Letters per word, as {@code tadam words} and {@code tadam learn} cut them. */
  public static final int MAX_SYMBOLS = 1000;

  public static ConnectionStats of(int file, Connection c, SymbolAbstraction alphabet) {
    List<PacketSummary> packets = c.packets();
    int n = packets.size();
    double[] iats = new double[Math.max(0, n - 1)];
    List<Double> orig = new ArrayList<>();
    List<Double> resp = new ArrayList<>();
    List<String> symbols = new ArrayList<>(Math.min(n, MAX_SYMBOLS));
    int packetsOrig = 0;
    long bytesOrig = 0;
    long bytesResp = 0;
    for (int i = 0; i < n; i++) {
      PacketSummary p = packets.get(i);
      if (i > 0) {
        // out-of-order timestamps count as no gap, as in the word's quantisation
        iats[i - 1] = Math.max(0, p.timestampNanos() - packets.get(i - 1).timestampNanos()) / 1e9;
      }
      if (p.fromInitiator()) {
        packetsOrig++;
        bytesOrig += p.payloadLength();
      } else {
        bytesResp += p.payloadLength();
      }
      if (p.payloadLength() > 0) {
        (p.fromInitiator() ? orig : resp).add((double) p.payloadLength());
      }
      if (i < MAX_SYMBOLS) {
        symbols.add(alphabet.symbol(c.protocol(), p).intern());
      }
    }
    ServiceKey key = new ServiceKey(c.service(), c.protocolName());
    FlowTuple tuple = FlowTuple.of(c.protocolName(), c.initiator().address(), c.initiator().port(),
        c.responder().address(), c.responder().port());
    return new ConnectionStats(file, key, tuple, c.startNanos(), c.endNanos(),
        ZeekConnState.of(c.protocol(), packets), packetsOrig, n - packetsOrig, bytesOrig, bytesResp, iats,
        toArray(orig), toArray(resp), List.copyOf(symbols));
  }

  /** The same connection counted under another service (a generated connection named by its model). */
  public ConnectionStats withKey(ServiceKey k) {
    return new ConnectionStats(file, k, tuple, startNanos, endNanos, connState, packetsOrig, packetsResp,
        bytesOrig, bytesResp, iats, payloadOrig, payloadResp, symbols);
  }

  public double durationSeconds() {
    return (endNanos - startNanos) / 1e9;
  }

  private static double[] toArray(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
