package org.tadam.learner.score;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tadam.learner.noise.WordCode;
import org.tadam.model.Automaton;

/**
 * Learned models by the protocol and service they were learned for, and the one that scores a
 * connection: its service's model; else the fallback model of its protocol, when there is one
 * (e.g. a model pooled from services with few training connections); else none, and the
 * connection is spelled out ({@link SpelledWordCode}). Every connection thus gets one finite score
 * in bits per letter, with the model and the reason. Not thread-safe (the scorers keep scratch
 * space): use one per thread.
 */
public final class ServiceModels {

  /**
   * One connection's score.
   *
   * @param model the name of the model that charged it, null when none did
   * @param bits the code the model charged ({@link WordScorer.Score#bits}), or the spelled code
   * @param logLikelihood of the model's most likely path; {@link WordScorer#UNPARSED} when no path
   *     spells it, NaN without a model
   * @param status how the model encoded it, null without a model
   * @param anomaly the anomaly score in bits per letter (higher = more anomalous)
   */
  public record Scored(String model, ScoreReason reason, int letters, double bits,
      double logLikelihood, WordCode.Status status, double anomaly) {
  }

  private record Entry(String name, WordScorer scorer) {
  }

  private final Map<String, Entry> byService = new LinkedHashMap<>();
  private final Map<String, Entry> fallback = new LinkedHashMap<>();

  /**
   * Adds the model of its protocol and service (a model without a service is its protocol's model
   * for every service that has none of its own); the first model of a pair wins.
   */
  public ServiceModels add(Automaton model) {
    byService.putIfAbsent(key(protocol(model), model.getService()), entry(model));
    return this;
  }

  /** Makes the model its protocol's fallback, unless the protocol has one. */
  public ServiceModels addFallback(Automaton model) {
    fallback.putIfAbsent(protocol(model), entry(model));
    return this;
  }

  /** Whether the service has a model of its own, or its protocol one without a service. */
  public boolean covers(String protocol, String service) {
    return own(protocol, service) != null;
  }

  private Entry own(String protocol, String service) {
    Entry e = byService.get(key(protocol, service));
    return e != null ? e : byService.get(key(protocol, null));
  }

  /**
   * Scores a word given without its end letter.
   *
   * @param protocol "tcp" or "udp"
   */
  public Scored score(String protocol, String service, List<String> symbols, List<int[]> values) {
    Entry own = own(protocol, service);
    Entry e = own != null ? own : fallback.get(protocol);
    if (e == null) {
      double bits = SpelledWordCode.bits(symbols, values, "tcp".equals(protocol));
      int letters = symbols.size() + 1;
      return new Scored(null, ScoreReason.NO_MODEL, letters, bits, Double.NaN, null, bits / letters);
    }
    WordScorer.Score s = e.scorer().score(symbols, values);
    ScoreReason reason = own == null ? ScoreReason.FALLBACK_MODEL
        : s.unknownLetters() > 0 ? ScoreReason.OUTSIDE_ALPHABET : ScoreReason.COST;
    return new Scored(e.name(), reason, s.letters(), s.bits(), s.logLikelihood(), s.status(), s.anomaly());
  }

  private static Entry entry(Automaton model) {
    return new Entry(model.getName(), new WordScorer(model));
  }

  private static String protocol(Automaton model) {
    return model.getProtocol().getLiteral();
  }

  private static String key(String protocol, String service) {
    return protocol + "\u0000" + (service == null ? "" : service);
  }
}
