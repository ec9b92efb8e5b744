package org.tadam.spark.ingest;

import java.io.Serializable;
import java.util.List;
import java.util.Set;
import org.tadam.capture.IngestOptions;
import org.tadam.capture.flow.ServiceTable;
import org.tadam.capture.flow.TrackerOptions;
import org.tadam.capture.word.SymbolAbstraction;

/**
 * The reader's options as plain values, sent to every task, which builds {@link IngestOptions} from them the way
 * {@code tadam learn} does (payload bytes of the first packets are kept: learning builds its payload pools from
 * them; the letters are the same as {@code tadam words} gives).
 *
 * @param servicePorts {@code PORT[/PROTO]=NAME} overrides of the port table
 * @param services only these services are kept (empty: all)
 * @param payloads keep the payload bytes of each connection's first packets (learning builds its payload pools
 *     from them); off: words only, what {@code tadam words} keeps
 * @param joinRotations join connections cut by a rotated capture ({@link RotationJoin}); off: every file is an
 *     independent capture, exactly as {@code tadam words} reads a list of files
 */
public record IngestSettings(List<String> servicePorts, Set<String> services, int maxPackets, double udpTimeoutSeconds,
    boolean payloadClasses, double randomAlpha, boolean payloads, boolean joinRotations) implements Serializable {

  public IngestSettings {
    servicePorts = List.copyOf(servicePorts);
    services = Set.copyOf(services);
  }

  public static IngestSettings defaults() {
    return new IngestSettings(List.of(), Set.of(), 1000, 60, true, 0.05, true, true);
  }

  /** IllegalArgumentException when a port override is malformed. */
  public IngestOptions options() {
    ServiceTable table = ServiceTable.standard();
    for (String s : servicePorts) {
      table = table.withOverride(s);
    }
    TrackerOptions tracker = TrackerOptions.defaults().withUdpTimeoutSeconds(udpTimeoutSeconds)
        .withMaxPackets(maxPackets).withClassifyPayloads(payloadClasses).withRandomAlpha(randomAlpha);
    if (!payloads) {
      tracker = tracker.withPayloadRetention(0, 0);
    }
    return IngestOptions.defaults().withServices(table).withTracker(tracker)
        .withAlphabet(payloadClasses ? SymbolAbstraction.standard() : SymbolAbstraction.flagsOnly())
        .withServiceFilter(services);
  }
}
