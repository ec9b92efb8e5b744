package org.tadam.eval.holdout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tadam.eval.sample.ConnectionStats;
import org.tadam.eval.sample.ServiceKey;

/**
 * The real capture cut in two per service by connection start time: the first half (the older
 * connections; with an odd count the smaller half) and the second. Two samples of the same
 * traffic: their distances are the floor every distance to generated traffic is read against, and
 * with --learn the first half is learned from and the second is what the generated traffic must
 * look like.
 */
public record Halves(Map<ServiceKey, List<ConnectionStats>> first, Map<ServiceKey, List<ConnectionStats>> second) {

  public static Halves of(List<ConnectionStats> connections) {
    Map<ServiceKey, List<ConnectionStats>> byService = new TreeMap<>();
    for (ConnectionStats c : connections) {
      byService.computeIfAbsent(c.key(), k -> new ArrayList<>()).add(c);
    }
    Map<ServiceKey, List<ConnectionStats>> first = new TreeMap<>();
    Map<ServiceKey, List<ConnectionStats>> second = new TreeMap<>();
    byService.forEach((key, list) -> {
      List<ConnectionStats> sorted = new ArrayList<>(list);
      // a stable sort: connections that start together keep the order they were read in
      sorted.sort(Comparator.comparingInt(ConnectionStats::file).thenComparingLong(ConnectionStats::startNanos));
      int cut = sorted.size() / 2;
      first.put(key, List.copyOf(sorted.subList(0, cut)));
      second.put(key, List.copyOf(sorted.subList(cut, sorted.size())));
    });
    return new Halves(first, second);
  }

  /** The smaller half's size of a service (0 when the capture does not have it). */
  public int smaller(ServiceKey key) {
    return Math.min(first.getOrDefault(key, List.of()).size(), second.getOrDefault(key, List.of()).size());
  }
}
