package org.tadam.learner.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tadam.learner.LearnedModel;
import org.tadam.learner.LearnerOptions;
import org.tadam.capture.word.TimedWord;
import org.tadam.learner.mdl.DataCodes;
import org.tadam.learner.noise.NoiseKind;
import org.tadam.learner.truth.Compare;
import org.tadam.learner.truth.NoiseInjector;
import org.tadam.learner.truth.TruthAutomaton;
import org.tadam.learner.truth.TruthControl;

/**
 * Sections 1 and 5 of the learner report: words sampled from known automata, noise injected at
 * rate r, learned, and compared with the truth; section 5 repeats the cells from 1000 words on
 * with the floor Part B had before its amendment (10^-3 for the whole [iat, size] cell).
 */
final class GroundTruthBench {
  private static final double[] RATES = {0, 0.01, 0.02, 0.05, 0.10};
  /** The value floor (per component) of the section-5 contrast: 10^-3 for the 2-D cell. */
  static final double OLD_FLOOR = Math.sqrt(1e-3);
  private static final String TABLE_HEAD =
      "| words | r | states | edges | isomorphic | JS (bits) | seconds | kept from truth "
      + "| Δ bits (min … max) | Δ bits of the seeds not isomorphic |\n"
      + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";

  /**
   * Per value floor, over the cells of the target: seeds recovered, seeds run, and the
   * seeds missed because the objective prefers another automaton or because the search stopped
   * short.
   */
  private final TreeMap<Double, int[]> target = new TreeMap<>(Comparator.reverseOrder());
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
    return full ? 5 : 2;
  }

  void section() {
    md.append("## 1. Ground truth under noise\n\n")
        .append("Words are sampled from three known automata (`TruthAutomaton` in the test sources): ")
        .append("a TCP session (handshake, request/response exchanges, teardown), a request/response ")
        .append("protocol with an error branch, and a UDP query/response with one retry. The noise ")
        .append("injector (`NoiseInjector`) hits each letter with probability r and then deletes, ")
        .append("duplicates, swaps it with the next letter, or inserts a random letter before it (one ")
        .append("of the four, uniformly), each as the noise model describes it: a duplicate repeats ")
        .append("the letter's values, a spurious letter has a symbol drawn uniformly and values drawn ")
        .append("from the law its explicit code assumes (P(v) ∝ 2^−L(v), L the log* code, within ")
        .append("iat bins 0–59 and sizes 0–1499), a swap exchanges letters of different symbols. A ")
        .append("contrast per automaton uses laws of their own instead (spurious values uniform, half ")
        .append("the sizes 0; swaps of letters of one symbol too), as the injector did before. The coverage floor is off here (`--min-coverage 0`): ")
        .append("the injector puts noise in about r·L letters of a word of L, so far more than 5 % of ")
        .append("the words carry it, and a floor of 95 % parsed words would make structure of noise ")
        .append("that is known to be noise. Per cell: learned states/edges (truth in the header), ")
        .append("structure isomorphic to the truth (untimed, split-edge variants merged) in how many ")
        .append("seeds, Jensen–Shannon divergence of the untimed languages over words of at most 8 ")
        .append("packets (bits; mean over seeds), learning time (mean), and a control: the same ")
        .append("search started at the truth's structure instead of the bigram automaton (one ")
        .append("edge per truth edge; `TruthStart`), twice: once with the words the injector left ")
        .append("alone on the truth's path and the noisy ones left to the noise model, once with ")
        .append("every word the truth parses on its path; the cheaper end counts. \"Kept\" = in ")
        .append("how many seeds that search ends isomorphic to the truth; Δ = learned total cost ")
        .append("minus that search's total cost, smallest and largest over the seeds, then for ")
        .append("each seed whose learned structure is not isomorphic its Δ and whether the search ")
        .append("from the truth kept it or left it. Such a seed with Δ ≤ 0, or one where the ")
        .append("search from the truth left it too: the MDL objective of Part B prefers another ")
        .append("automaton to the truth, so no search would recover it under that code. Δ > 0 ")
        .append("and \"kept\": the search from the bigram start stopped short of the truth.\n\n")
        .append("Sizes ").append(Arrays.toString(sizes())).append(", ").append(seeds(1000))
        .append(" seeds per cell").append(full ? "" : " (quick grid: `full` adds 5000 words and 5 seeds)")
        .append(".\n\n");
    for (TruthAutomaton t : List.of(TruthAutomaton.tcpSession(), TruthAutomaton.requestResponse(),
        TruthAutomaton.udpQuery())) {
      md.append("### ").append(t.name()).append(" (truth: ").append(t.states())
          .append(" states, ").append(t.edges().size()).append(" edges)\n\n").append(TABLE_HEAD);
      for (int size : sizes()) {
        for (double rate : RATES) {
          row(t, size, rate, EnumSet.allOf(NoiseKind.class), DataCodes.PER_COMPONENT_FLOOR);
        }
      }
      md.append("\nNoise-unaware contrast (all noise kinds off, same words):\n\n").append(TABLE_HEAD);
      for (double rate : new double[] {0.02, 0.05, 0.10}) {
        row(t, 1000, rate, EnumSet.noneOf(NoiseKind.class), DataCodes.PER_COMPONENT_FLOOR);
      }
      int largest = sizes()[sizes().length - 1];
      md.append("\nNoise with laws of its own (spurious values with iat uniform in 0–59 and size 0 ")
          .append("or uniform in 0–1499, swaps of letters of one symbol too), noise-aware, ")
          .append(largest).append(" words:\n\n").append(TABLE_HEAD);
      for (double rate : new double[] {0.05, 0.10}) {
        row(t, largest, rate, EnumSet.allOf(NoiseKind.class), DataCodes.PER_COMPONENT_FLOOR,
            NoiseInjector.Law.OWN);
      }
      md.append('\n');
      flush.run();
    }
  }

  void valueFloorSection() {
    md.append("## 5. The value floor\n\n")
        .append("The cells of section 1 from 1000 words on, learned with the floor Part B had ")
        .append("before its amendment, 10^-3 for the whole [iat, size] cell (`--value-floor ")
        .append(String.format(Locale.ROOT, "%.4f", OLD_FLOOR)).append("` per component), instead ")
        .append("of today's 10^-3 per component; words, seeds and everything else unchanged. With ")
        .append("that old floor, every `PA<` letter of the TCP session ")
        .append("(N(35, 3) × N(1400, 100) and N(30, 2) × N(900, 80): 2-D cell masses of at most ")
        .append("5.3·10^-4 and 9.9·10^-4) costs the same 9.97 bits under any law, so the two ")
        .append("responses, which tell the state after the request from the state after the ")
        .append("server's early ACK, cannot be told apart by their sizes; and any law wider than ")
        .append("that, e.g. one fitted to a handful of noisy letters, costs no more than 9.97 bits ")
        .append("a letter either.\n\n");
    int[] sizes = full ? new int[] {1000, 5000} : new int[] {1000};
    for (TruthAutomaton t : List.of(TruthAutomaton.tcpSession(), TruthAutomaton.requestResponse(),
        TruthAutomaton.udpQuery())) {
      md.append("### ").append(t.name()).append(", old cell floor 10^-3\n\n")
          .append(TABLE_HEAD);
      for (int size : sizes) {
        for (double rate : RATES) {
          row(t, size, rate, EnumSet.allOf(NoiseKind.class), OLD_FLOOR);
        }
      }
      md.append('\n');
      flush.run();
    }
    md.append("The issue's target, structure recovered at 5 % noise from 1000 words on (all three ")
        .append("automata, every seed of those cells), and why the other seeds were missed (the ")
        .append("control of section 1):\n\n")
        .append("| value floor | seeds recovered | missed: the objective prefers another automaton ")
        .append("| missed: the search stopped short |\n|---|---:|---:|---:|\n");
    target.forEach((floor, tally) -> md.append(String.format(Locale.ROOT,
        "| %s | %d/%d (%.0f %%) | %d | %d |%n",
        floor == DataCodes.PER_COMPONENT_FLOOR ? "10^-3 per component (Part B, default)" : "10^-3 a cell (before the amendment)", tally[0], tally[1],
        100.0 * tally[0] / tally[1], tally[2], tally[3])));
    md.append('\n');
    flush.run();
  }

  private void row(TruthAutomaton t, int size, double rate, EnumSet<NoiseKind> kinds,
      double floor) {
    row(t, size, rate, kinds, floor, NoiseInjector.Law.MODEL);
  }

  private void row(TruthAutomaton t, int size, double rate, EnumSet<NoiseKind> kinds,
      double floor, NoiseInjector.Law law) {
    int seeds = seeds(size);
    int iso = 0;
    int kept = 0;
    double js = 0;
    double sec = 0;
    double lowest = Double.POSITIVE_INFINITY;
    double highest = Double.NEGATIVE_INFINITY;
    TreeSet<String> states = new TreeSet<>();
    TreeSet<String> edges = new TreeSet<>();
    List<String> missed = new ArrayList<>();
    int objectiveMisses = 0;
    for (int s = 1; s <= seeds; s++) {
      Cell c = learn(t, size, rate, s, kinds, floor, law);
      iso += c.isomorphic() ? 1 : 0;
      if (!c.isomorphic()) {
        missed.add(String.format(Locale.ROOT, "%.1f %s", c.versusTruth(),
            c.truthKept() ? "kept" : "left"));
        objectiveMisses += c.versusTruth() <= 0 || !c.truthKept() ? 1 : 0;
      }
      kept += c.truthKept() ? 1 : 0;
      js += c.js();
      sec += c.seconds();
      lowest = Math.min(lowest, c.versusTruth());
      highest = Math.max(highest, c.versusTruth());
      states.add(Integer.toString(c.states()));
      edges.add(Integer.toString(c.edges()));
    }
    if (rate == 0.05 && size >= 1000 && !kinds.isEmpty()
        && law == NoiseInjector.Law.MODEL) {
      int[] tally = target.computeIfAbsent(floor, f -> new int[4]);
      tally[0] += iso;
      tally[1] += seeds;
      tally[2] += objectiveMisses;
      tally[3] += seeds - iso - objectiveMisses;
    }
    md.append(String.format(Locale.ROOT,
        "| %d | %.0f %% | %s | %s | %d/%d | %.4f | %.1f | %d/%d | %.1f … %.1f | %s |%n", size,
        rate * 100, String.join(",", states), String.join(",", edges), iso, seeds, js / seeds,
        sec / seeds, kept, seeds, lowest, highest, missed.isEmpty() ? "–" : String.join(", ", missed)));
    System.err.printf(Locale.ROOT, "%s %d %.2f %s floor %s: iso %d/%d js %.4f %.1fs kept %d Δ %.1f…%.1f%n",
        t.name(), size, rate, kinds.isEmpty() ? "noise-unaware" : "noise-aware", floor, iso, seeds,
        js / seeds, sec / seeds, kept, lowest, highest);
    flush.run();
  }

  private Cell learn(TruthAutomaton t, int size, double rate, long seed, EnumSet<NoiseKind> kinds,
      double floor, NoiseInjector.Law law) {
    Random r = new Random(seed);
    List<TimedWord> words = t.sample(size, r);
    TreeSet<String> alphabet = new TreeSet<>();
    t.edges().forEach(e -> alphabet.add(e.symbol()));
    alphabet.remove("$");
    List<TimedWord> sampled = words;
    if (rate > 0) {
      words = NoiseInjector.inject(words, rate, new ArrayList<>(alphabet), r, law);
    }
    boolean[] untouched = new boolean[words.size()];
    for (int i = 0; i < untouched.length; i++) {
      untouched[i] = NoiseInjector.same(sampled.get(i), words.get(i));
    }
    LearnedModel m = LearnerBench.learn(words, LearnerOptions.defaults().withThreads(threads)
        .withNoise(kinds).withValueFloor(floor).withMinCoverage(0));
    Compare.Untimed truth = Compare.of(t);
    Compare.Untimed got = Compare.of(LearnerBench.export(m, t.name()));
    double js = Compare.jensenShannon(Compare.language(truth, 8), Compare.language(got, 8));
    // the same search started at the truth's structure instead of the bigram automaton, twice:
    // with the injector's untouched words on the truth's path, and with every word it parses
    TruthControl.Outcome clean = TruthControl.search(t, m, kinds, floor, threads,
        w -> Arrays.stream(m.corpus().members(w)).anyMatch(i -> untouched[i]));
    TruthControl.Outcome parsed = TruthControl.search(t, m, kinds, floor, threads, w -> true);
    TruthControl.Outcome near = parsed.cost() < clean.cost() ? parsed : clean;
    System.err.printf(Locale.ROOT, "  seed %d: learned %.1f bits%s; from the truth %.1f%s (clean"
        + " words on its path), %.1f%s (every word it parses)%n", seed, m.totalBits(),
        Compare.isomorphic(truth, got) ? " (isomorphic)" : "", clean.cost(),
        clean.kept() ? " (kept)" : "", parsed.cost(), parsed.kept() ? " (kept)" : "");
    return new Cell(m.automaton().stateCount(), m.automaton().edgeCount(),
        Compare.isomorphic(truth, got), js, m.seconds(), m.totalBits() - near.cost(),
        near.kept());
  }
}
