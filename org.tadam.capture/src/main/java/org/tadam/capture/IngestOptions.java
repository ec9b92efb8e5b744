package org.tadam.capture;

import java.util.Set;
import org.tadam.capture.flow.ServiceTable;
import org.tadam.capture.flow.TrackerOptions;
import org.tadam.capture.word.SymbolAbstraction;
import org.tadam.capture.word.ValueQuantisation;

/**
 * Everything that decides which words a capture yields.
 *
 * @param services only connections of these services become words (empty = all)
 */
public record IngestOptions(TrackerOptions tracker, ServiceTable services,
    SymbolAbstraction alphabet, ValueQuantisation quantisation, Set<String> serviceFilter) {

  public IngestOptions {
    serviceFilter = Set.copyOf(serviceFilter);
  }

  public static IngestOptions defaults() {
    return new IngestOptions(TrackerOptions.defaults(), ServiceTable.standard(),
        SymbolAbstraction.standard(), ValueQuantisation.standard(), Set.of());
  }

  public IngestOptions withTracker(TrackerOptions t) {
    return new IngestOptions(t, services, alphabet, quantisation, serviceFilter);
  }

  public IngestOptions withServices(ServiceTable s) {
    return new IngestOptions(tracker, s, alphabet, quantisation, serviceFilter);
  }

  public IngestOptions withAlphabet(SymbolAbstraction a) {
    return new IngestOptions(tracker, services, a, quantisation, serviceFilter);
  }

  public IngestOptions withServiceFilter(Set<String> filter) {
    return new IngestOptions(tracker, services, alphabet, quantisation, filter);
  }
}
