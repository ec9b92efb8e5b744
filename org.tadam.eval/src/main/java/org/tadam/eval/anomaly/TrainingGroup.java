package org.tadam.eval.anomaly;

import java.util.List;
import java.util.SortedSet;
import org.tadam.capture.word.TimedWord;

/**
 * The training connections one model is learned from, by every detector alike.
 *
 * @param name for files and tables ({@code http}, {@code dns_udp}, {@code pooled_tcp})
 * @param protocol "tcp" or "udp"
 * @param service the service, or {@link TrainingGroups#POOLED} for the pool of rare services
 * @param ports the responders' ports seen
 * @param captures the training captures' names, for the models' provenance
 */
public record TrainingGroup(String name, String protocol, String service, SortedSet<Integer> ports,
    List<TimedWord> words, List<String> captures) {

  public TrainingGroup {
    words = List.copyOf(words);
    captures = List.copyOf(captures);
  }

  public boolean pooled() {
    return TrainingGroups.POOLED.equals(service);
  }
}
