package org.tadam.eval.anomaly;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.tadam.capture.ServiceGroups;
import org.tadam.capture.word.TimedWord;

/**
 * The training connections grouped as {@code tadam learn} groups them (per service, per protocol
 * when a service runs over both), except that services with fewer than a minimum of connections
 * are pooled into one group per protocol: a model of three connections says little (an FTP server
 * opens each data connection on a new port, so each port was a service of a few connections), and
 * a connection of a service never seen in training still meets a model of its protocol's rare
 * traffic. Which group scores a test connection: {@link #route}.
 */
public final class TrainingGroups {
  /** The service name of a pooled group. */
  public static final String POOLED = "pooled";
  /** Most ports a pooled group lists, as {@link ServiceGroups} keeps for one service. */
  private static final int MAX_PORTS = 8;

  private final Map<String, TrainingGroup> byService = new LinkedHashMap<>();
  private final Map<String, TrainingGroup> pooled = new LinkedHashMap<>();

  /**
   * @param minConnections services with fewer training connections are pooled (1: none is)
   */
  public TrainingGroups(List<TimedWord> words, int minConnections, List<String> captures) {
    ServiceGroups groups = new ServiceGroups(false);
    groups.addAll(words);
    Map<String, List<TimedWord>> rare = new LinkedHashMap<>();
    Map<String, TreeSet<Integer>> rarePorts = new LinkedHashMap<>();
    for (ServiceGroups.Group g : groups.groups()) {
      String protocol = g.protocol() == null ? "tcp" : g.protocol();
      if (g.words().size() >= minConnections) {
        byService.put(key(protocol, g.service()), new TrainingGroup(groups.label(g, "_"), protocol, g.service(),
            g.ports(), g.words(), captures));
      } else {
        rare.computeIfAbsent(protocol, p -> new ArrayList<>()).addAll(g.words());
        TreeSet<Integer> ports = rarePorts.computeIfAbsent(protocol, p -> new TreeSet<>());
        g.ports().stream().limit(Math.max(0, MAX_PORTS - ports.size())).forEach(ports::add);
      }
    }
    rare.forEach((protocol, list) -> pooled.put(protocol, new TrainingGroup(POOLED + "_" + protocol, protocol, POOLED,
        rarePorts.get(protocol), list, captures)));
  }

  /** Every group, services first (in {@code tadam learn}'s order), then the pools. */
  public List<TrainingGroup> all() {
    List<TrainingGroup> all = new ArrayList<>(byService.values());
    all.addAll(pooled.values());
    return all;
  }

  /** The group that scores a connection: its service's, else its protocol's pool, else null. */
  public TrainingGroup route(String protocol, String service) {
    TrainingGroup own = byService.get(key(protocol, service));
    return own != null ? own : pooled.get(protocol);
  }

  private static String key(String protocol, String service) {
    return protocol + "\u0000" + service;
  }
}
