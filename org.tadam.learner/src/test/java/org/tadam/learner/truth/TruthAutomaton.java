package org.tadam.learner.truth;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.tadam.capture.word.TimedWord;

/**
 * A known probabilistic timed automaton to sample words from: states 0..n−1 (0 initial, n−1 the end
 * state), edges with a symbol, a probability and an independent normal law per value (rounded to
 * integers, at least 0). Used to check that learning recovers what generated the data.
 */
public final class TruthAutomaton {
  /** One edge; {@code $} edges lead into the end state. */
  public record Edge(int source, int target, String symbol, double probability, double iatMean,
      double iatSd, double sizeMean, double sizeSd) {
  }

  private final String name;
  private final int states;
  private final List<Edge> edges = new ArrayList<>();

  public TruthAutomaton(String name, int states) {
    this.name = name;
    this.states = states;
  }

  public String name() {
    return name;
  }

  public int states() {
    return states;
  }

  public int end() {
    return states - 1;
  }

  public List<Edge> edges() {
    return edges;
  }

  public TruthAutomaton edge(int source, int target, String symbol, double probability,
      double iatMean, double iatSd, double sizeMean, double sizeSd) {
    edges.add(new Edge(source, target, symbol, probability, iatMean, iatSd, sizeMean, sizeSd));
    return this;
  }

  public TruthAutomaton end(int source, double probability) {
    edges.add(new Edge(source, states - 1, "$", probability, 0, 0, 0, 0));
    return this;
  }

  /** Draws n words (at most 60 packets each). */
  public List<TimedWord> sample(int n, Random random) {
    List<TimedWord> words = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      List<String> symbols = new ArrayList<>();
      List<int[]> values = new ArrayList<>();
      int q = 0;
      while (q != end() && symbols.size() < 60) {
        double u = random.nextDouble();
        Edge chosen = null;
        for (Edge e : edges) {
          if (e.source() == q) {
            chosen = e;
            u -= e.probability();
            if (u < 0) {
              break;
            }
          }
        }
        if (chosen == null) {
          break;
        }
        if (!chosen.symbol().equals("$")) {
          symbols.add(chosen.symbol());
          values.add(new int[] {draw(random, chosen.iatMean(), chosen.iatSd()),
              draw(random, chosen.sizeMean(), chosen.sizeSd())});
        }
        q = chosen.target();
      }
      words.add(TimedWord.of("test", symbols, values));
    }
    return words;
  }

  private static int draw(Random r, double mean, double sd) {
    return (int) Math.max(0, Math.round(mean + sd * r.nextGaussian()));
  }

  /** TCP: handshake, requests and responses (repeated), teardown; 11 states with the end state. */
  public static TruthAutomaton tcpSession() {
    return new TruthAutomaton("tcp-session", 11)
        .edge(0, 1, "S>", 1, 0, 0, 0, 0)
        .edge(1, 2, "SA<", 1, 25, 2, 0, 0)
        .edge(2, 3, "A>", 1, 20, 2, 0, 0)
        .edge(3, 4, "PA>", 1, 30, 3, 300, 40)
        .edge(4, 5, "PA<", 0.8, 35, 3, 1400, 100)
        .edge(4, 6, "A<", 0.2, 28, 2, 0, 0)
        .edge(6, 5, "PA<", 1, 30, 2, 900, 80)
        .edge(5, 3, "A>", 0.3, 40, 4, 0, 0)
        .edge(5, 7, "FA>", 0.7, 45, 4, 0, 0)
        .edge(7, 8, "FA<", 1, 22, 2, 0, 0)
        .edge(8, 9, "A>", 1, 20, 2, 0, 0)
        .end(9, 1);
  }

  /** Request/response with an error branch (4xx-like short answer and reset). */
  public static TruthAutomaton requestResponse() {
    return new TruthAutomaton("request-response", 7)
        .edge(0, 1, "PA> text \"REQ\"", 1, 10, 2, 120, 15)
        .edge(1, 2, "PA< text \"OK\"", 0.85, 30, 3, 800, 60)
        .edge(1, 3, "PA< text \"ERR\"", 0.15, 25, 2, 60, 5)
        .edge(2, 1, "PA> text \"REQ\"", 0.4, 35, 3, 120, 15)
        .edge(2, 4, "FA>", 0.6, 40, 3, 0, 0)
        .edge(3, 5, "RA>", 1, 15, 2, 0, 0)
        .edge(4, 5, "FA<", 1, 20, 2, 0, 0)
        .end(5, 1);
  }

  /** UDP query/response with one retry after a timeout, or giving up. */
  public static TruthAutomaton udpQuery() {
    return new TruthAutomaton("udp-query", 5)
        .edge(0, 1, "> replay", 1, 0, 0, 40, 4)
        .edge(1, 2, "< replay", 0.7, 28, 2, 120, 20)
        .edge(1, 3, "> replay", 0.3, 60, 1, 40, 4)
        .edge(3, 2, "< replay", 0.6, 28, 2, 120, 20)
        .end(3, 0.4)
        .end(2, 1);
  }
}
