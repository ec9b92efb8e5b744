package org.tadam.capture;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tadam.capture.word.TimedWord;

/**
 * The one grouping of timed words into what gets one model: a service, per L4 protocol when the service
 * runs over TCP and UDP (DNS: one automaton cannot hold both, UDP letters carry no flags), and optionally
 * per Zeek outcome. A word without a connection (read from a word file) joins its service's only group from
 * the captures, if there is exactly one. Groups come out in a fixed order (service, outcome, protocol), so
 * the same input always gives the same models.
 */
public final class ServiceGroups {
  /** Most server ports kept per group (a model lists them; more are rare and noisy). */
  private static final int MAX_PORTS = 8;

  /**
   * The words of one group.
   *
   * @param outcome Zeek outcome when grouped by outcome, else null
   * @param protocol "tcp" or "udp"; null when every word came from a word file
   * @param ports the responders' ports seen (at most 8)
   */
  public record Group(String service, String outcome, String protocol, SortedSet<Integer> ports,
      List<TimedWord> words) {
  }

  private final boolean byOutcome;
  private final Map<String, Group> groups = new TreeMap<>();

  /** @param byOutcome one group per Zeek outcome of a service as well */
  public ServiceGroups(boolean byOutcome) {
    this.byOutcome = byOutcome;
  }

  public void add(TimedWord w) {
    String outcome = byOutcome && w.connection() != null ? w.connection().state().name() : null;
    String protocol = w.connection() == null ? null : w.connection().protocolName();
    String prefix = w.service() + "\u0000" + (outcome == null ? "" : outcome) + "\u0000";
    String key = prefix + (protocol == null ? "" : protocol);
    if (protocol == null && !groups.containsKey(key)) {
      List<String> same = groups.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
      if (same.size() == 1) {
        key = same.get(0);
      }
    }
    Group g = groups.computeIfAbsent(key,
        k -> new Group(w.service(), outcome, protocol, new TreeSet<>(), new ArrayList<>()));
    if (w.connection() != null && g.ports().size() < MAX_PORTS) {
      g.ports().add(w.connection().responder().port());
    }
    g.words().add(w);
  }

  public void addAll(Collection<TimedWord> words) {
    words.forEach(this::add);
  }

  public boolean isEmpty() {
    return groups.isEmpty();
  }

  /** The groups in their fixed order. */
  public List<Group> groups() {
    return List.copyOf(groups.values());
  }

  /**
   * The group's name for people and files: the service, then its protocol when the service also runs over the
   * other protocol, then the outcome; parts separated by {@code separator} (e.g. "dns udp", "dns_udp").
   */
  public String label(Group g, String separator) {
    boolean both = g.protocol() != null && groups.values().stream().anyMatch(o -> o.service().equals(g.service())
        && o.protocol() != null && !o.protocol().equals(g.protocol()));
    return g.service() + (both ? separator + g.protocol() : "")
        + (g.outcome() == null ? "" : separator + g.outcome());
  }
}
