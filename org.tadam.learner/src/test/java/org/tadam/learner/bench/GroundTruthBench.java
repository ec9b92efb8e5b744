package org.tadam.learner.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;
import org.tadam.learner.LearnedModel;
import org.tadam.learner.LearnerOptions;
import org.tadam.learner.Sample;
import org.tadam.learner.automaton.LearnAutomaton;
import org.tadam.learner.mdl.DataCodes;
import org.tadam.learner.noise.NoiseKind;
import org.tadam.learner.search.GreedySearch;
import org.tadam.learner.search.ProgressListener;
import org.tadam.learner.search.Scorer;
import org.tadam.learner.search.SearchOptions;
import org.tadam.learner.truth.Compare;
import org.tadam.learner.truth.NoiseInjector;
import org.tadam.learner.truth.TruthAutomaton;
import org.tadam.learner.truth.TruthStart;

/**
 * Sections 1 and 5 of the learner report: words sampled from known automata, noise injected at
 * rate r, learned, and compared with the truth; section 5 repeats the cells from 1000 words on
 * with a lower value floor than Part B's.
 */
final class GroundTruthBench {
  private static final double[] RATES = {0, 0.01, 0.02, 0.05, 0.10};
  /** Seeds of the 5000-word cells of the full grid (minutes per tcp-session seed on 2 cores). */
  private static final int SEEDS_5000 = 2;
  /** The value floor of the section-5 contrast. */
  static final double LOW_FLOOR = 1e-6;
  private static final String TABLE_HEAD =
      "| words | r | states | edges | isomorphic | JS (bits) | seconds | kept from truth | Δ bits (min … max) |\n"
      + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";

  private final StringBuilder md;
  private final boolean full;
  private final int threads;
  private final Runnable flush;

  GroundTruthBench(StringBuilder md, boolean full, int threads, Runnable flush) {
    this.md = md;
    this.full = full;
    this.threads = threads;
    this.flush = flush;
  }

  private record Cell(int states, int edges, boolean isomorphic, double js, double seconds,
      double versusTruth, boolean truthKept) {
  }

  private int[] sizes() {
    return full ? new int[] {200, 1000, 5000} : new int[] {200, 1000};
  }

  private int seeds(int size) {
    return !full ? 2 : size >= 5000 ? SEEDS_5000 : 5;
  }

  void section() {
    md.append("## 1. Ground truth under noise\n\n")
        .append("Words are sampled from three known automata (`TruthAutomaton` in the test sources): ")
        .append("a TCP session (handshake, request/response exchanges, teardown), a request/response ")
        .append("protocol with an error branch, and a UDP query/response with one retry. The noise ")
        .append("injector (`NoiseInjector`) hits each letter with probability r and then deletes, ")
        .append("duplicates, swaps it with the next letter, or inserts a random letter before it (one ")
        .append("of the four, uniformly). Per cell: learned states/edges (truth in the header), ")
        .append("structure isomorphic to the truth (untimed, split-edge variants merged) in how many ")
        .append("seeds, Jensen–Shannon divergence of the untimed languages over words of at most 8 ")
        .append("packets (bits; mean over seeds), learning time (mean), and a control: the same ")
        .append("search started at the truth's structure instead of the bigram automaton (one ")
        .append("edge per truth edge carrying the words the injector left alone, the noisy words ")
        .append("left to the noise model; `TruthStart`). \"Kept\" = in how many seeds that search ends isomorphic to the ")
        .append("truth; Δ = learned total cost minus that search's total cost, smallest and largest ")
        .append("over the seeds. Δ ≤ 0 in a seed that is not isomorphic means the MDL objective of ")
        .append("Part B scores what was learned at least as well as the best automaton the search ")
        .append("finds near the truth; Δ > 0 means the search from the bigram start stopped short.\n\n")
        .append("Sizes ").append(Arrays.toString(sizes())).append(", ").append(seeds(1000))
        .append(" seeds per cell").append(full ? " (" + SEEDS_5000 + " for 5000 words)"
            : " (quick grid: `full` adds 5000 words and 5 seeds)")
        .append(".\n\n");
    for (TruthAutomaton t : List.of(TruthAutomaton.tcpSession(), TruthAutomaton.requestResponse(),
        TruthAutomaton.udpQuery())) {
      md.append("### ").append(t.name()).append(" (truth: ").append(t.states())
          .append(" states, ").append(t.edges().size()).append(" edges)\n\n").append(TABLE_HEAD);
      for (int size : sizes()) {
        for (double rate : RATES) {
          row(t, size, rate, EnumSet.allOf(NoiseKind.class), DataCodes.MATCHED_FLOOR);
        }
      }
      md.append("\nNoise-unaware contrast (all noise kinds off, same words):\n\n").append(TABLE_HEAD);
      for (double rate : new double[] {0.02, 0.05, 0.10}) {
        row(t, 1000, rate, EnumSet.noneOf(NoiseKind.class), DataCodes.MATCHED_FLOOR);
      }
      md.append('\n');
      flush.run();
    }
  }

  void valueFloorSection() {
    md.append("## 5. The value floor\n\n")
        .append("The cells of section 1 from 1000 words on, learned with `--value-floor ")
        .append(LOW_FLOOR).append("` instead of Part B's 10^-3; words, seeds and everything else ")
        .append("unchanged. With the floor of Part B, every `PA<` letter of the TCP session ")
        .append("(N(35, 3) × N(1400, 100) and N(30, 2) × N(900, 80): 2-D cell masses of at most ")
        .append("5.3·10^-4 and 9.9·10^-4) costs the same 9.97 bits under any law, so the two ")
        .append("responses, which tell the state after the request from the state after the ")
        .append("server's early ACK, cannot be told apart by their sizes; and any law wider than ")
        .append("that, e.g. one fitted to a handful of noisy letters, costs no more than 9.97 bits ")
        .append("a letter either.\n\n");
    int[] sizes = full ? new int[] {1000, 5000} : new int[] {1000};
    for (TruthAutomaton t : List.of(TruthAutomaton.tcpSession(), TruthAutomaton.requestResponse(),
        TruthAutomaton.udpQuery())) {
      md.append("### ").append(t.name()).append(", value floor ").append(LOW_FLOOR).append("\n\n")
          .append(TABLE_HEAD);
      for (int size : sizes) {
        for (double rate : RATES) {
          row(t, size, rate, EnumSet.allOf(NoiseKind.class), LOW_FLOOR);
        }
      }
      md.append('\n');
      flush.run();
    }
  }

  private void row(TruthAutomaton t, int size, double rate, EnumSet<NoiseKind> kinds,
      double floor) {
    int seeds = seeds(size);
    int iso = 0;
    int kept = 0;
    double js = 0;
    double sec = 0;
    double lowest = Double.POSITIVE_INFINITY;
    double highest = Double.NEGATIVE_INFINITY;
    TreeSet<String> states = new TreeSet<>();
    TreeSet<String> edges = new TreeSet<>();
    for (int s = 1; s <= seeds; s++) {
      Cell c = learn(t, size, rate, s, kinds, floor);
      iso += c.isomorphic() ? 1 : 0;
      kept += c.truthKept() ? 1 : 0;
      js += c.js();
      sec += c.seconds();
      lowest = Math.min(lowest, c.versusTruth());
      highest = Math.max(highest, c.versusTruth());
      states.add(Integer.toString(c.states()));
      edges.add(Integer.toString(c.edges()));
    }
    md.append(String.format(Locale.ROOT,
        "| %d | %.0f %% | %s | %s | %d/%d | %.4f | %.1f | %d/%d | %.1f … %.1f |%n", size, rate * 100,
        String.join(",", states), String.join(",", edges), iso, seeds, js / seeds, sec / seeds,
        kept, seeds, lowest, highest));
    System.err.printf(Locale.ROOT, "%s %d %.2f %s floor %s: iso %d/%d js %.4f %.1fs kept %d Δ %.1f…%.1f%n",
        t.name(), size, rate, kinds.isEmpty() ? "noise-unaware" : "noise-aware", floor, iso, seeds,
        js / seeds, sec / seeds, kept, lowest, highest);
    flush.run();
  }

  private Cell learn(TruthAutomaton t, int size, double rate, long seed, EnumSet<NoiseKind> kinds,
      double floor) {
    Random r = new Random(seed);
    List<Sample> words = t.sample(size, r);
    TreeSet<String> alphabet = new TreeSet<>();
    t.edges().forEach(e -> alphabet.add(e.symbol()));
    alphabet.remove("$");
    List<Sample> sampled = words;
    if (rate > 0) {
      words = NoiseInjector.inject(words, rate, new ArrayList<>(alphabet), r);
    }
    boolean[] untouched = new boolean[words.size()];
    for (int i = 0; i < untouched.length; i++) {
      untouched[i] = NoiseInjector.same(sampled.get(i), words.get(i));
    }
    LearnedModel m = LearnerBench.learn(words, LearnerOptions.defaults().withThreads(threads)
        .withNoise(kinds).withValueFloor(floor));
    Compare.Untimed truth = Compare.of(t);
    Compare.Untimed got = Compare.of(LearnerBench.export(m, t.name()));
    double js = Compare.jensenShannon(Compare.language(truth, 8), Compare.language(got, 8));
    // the same search started at the truth's structure instead of the bigram automaton
    LearnAutomaton fromTruth = TruthStart.of(t, m.corpus(),
        w -> Arrays.stream(m.corpus().members(w)).anyMatch(i -> untouched[i]));
    fromTruth.commit();
    GreedySearch search = new GreedySearch(new SearchOptions(threads, Integer.MAX_VALUE,
        m.options().deleteMaxFraction(), true, true, true, true), new Scorer(kinds, floor),
        ProgressListener.NONE, () -> false, m.options().seed());
    Scorer.Cost truthCost = search.run(fromTruth);
    LearnedModel near = new LearnedModel(fromTruth, m.corpus(), m.samples(), truthCost.modelBits(),
        truthCost.dataBits(), truthCost.noise().rates(), m.options(), search.applied(), 0, false);
    return new Cell(m.automaton().stateCount(), m.automaton().edgeCount(),
        Compare.isomorphic(truth, got), js, m.seconds(), m.totalBits() - truthCost.total(),
        Compare.isomorphic(truth, Compare.of(LearnerBench.export(near, t.name()))));
  }
}
