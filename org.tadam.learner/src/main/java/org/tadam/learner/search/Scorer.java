package org.tadam.learner.search;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.tadam.learner.automaton.Corpus;
import org.tadam.learner.automaton.Edge;
import org.tadam.learner.automaton.IntList;
import org.tadam.learner.automaton.LearnAutomaton;
import org.tadam.learner.mdl.DataCodes;
import org.tadam.learner.mdl.ModelCost;
import org.tadam.learner.noise.Aligner;
import org.tadam.learner.noise.AlignmentGraph;
import org.tadam.learner.noise.NoiseEm;
import org.tadam.learner.noise.NoiseKind;
import org.tadam.learner.noise.WordCode;
import org.tadam.learner.stats.Gaussian;
import org.tadam.learner.stats.ValueStats;

/**
 * The two-part MDL score L(A) + L(D|A), computed incrementally: per-edge value and parameter codes
 * and per-state transition codes are cached on the automaton and only recomputed for what an
 * operation touched (the automaton invalidates them, and its undo restores them); the words the
 * automaton no longer parses are re-aligned by the noise EM on every evaluation. Every word is
 * charged by the rule of {@link org.tadam.learner.noise.WordCode}, which {@code tadam score} uses
 * too ({@link WordCosts} splits the data cost per word).
 */
public final class Scorer {
  private final Set<NoiseKind> kinds;
  private final double valueFloor;
  /** Edge codes by statistics content, for all automata this scorer scores (one floor). */
  private final ValueCodeCache valueCodes = new ValueCodeCache();
  /** The explicit codes of every corpus word and letter, computed once: evaluations need many. */
  private volatile ExplicitCodes explicit;

  private record ExplicitCodes(Corpus corpus, double[] bits, double[][] letterBits) {
  }

  /**
   * How far a lower bound must exceed the limit, relative to it, for {@link #costBelow} to skip
   * the exact cost: far above the rounding of sums of that size, so the skip is never wrong.
   */
  private static final double BOUND_MARGIN = 1e-9;

  /**
   * Total cost split into its parts, with the noise outcome.
   *
   * @param unmatched the words the automaton does not parse, in the order of the noise outcome's
   *     per-word codes
   */
  public record Cost(double modelBits, double dataBits, NoiseEm.Outcome noise,
      List<Integer> unmatched) {
    public double total() {
      return modelBits + dataBits;
    }
  }

  /** A scorer with the cell floor of Part B for [iat, size] values (10^-3 per component, 10^-6 a cell). */
  public Scorer(Set<NoiseKind> kinds) {
    this(kinds, DataCodes.MATCHED_FLOOR);
  }

  /**
   * @param valueFloor the least cell mass a matched letter's value code assumes. The value codes
   *     cached on an automaton's edges are for one floor: score an automaton with scorers of one
   *     floor only.
   */
  public Scorer(Set<NoiseKind> kinds, double valueFloor) {
    this.kinds = Set.copyOf(kinds);
    this.valueFloor = valueFloor;
  }

  /** The least cell mass a matched letter's value code assumes (the cell floor). */
  public double valueFloor() {
    return valueFloor;
  }

  public Set<NoiseKind> kinds() {
    return kinds;
  }

  /** Incremental evaluation (refreshes the stale caches). */
  public Cost cost(LearnAutomaton a) {
    return cost(a, () -> false);
  }

  /**
   * Incremental evaluation that gives up with a {@link java.util.concurrent.CancellationException}
   * when {@code cancelled} says so (Ctrl-C while a long candidate is being scored).
   */
  public Cost cost(LearnAutomaton a, BooleanSupplier cancelled) {
    double[] parts = parts(a);
    List<Integer> words = a.unmatched();
    return finish(a, parts[0], parts[1], parts[2], a.matchedLetters(), words,
        new UnmatchedWords(a.corpus(), words, explicitCodes(a.corpus()), null),
        () -> new AutomatonView(a, valueFloor), cancelled);
  }

  /**
   * The exact cost ({@link #cost}), or null when a lower bound of it, the model and matched codes
   * plus {@link UnparsedBound} for the unparsed words (the word-status code is at least 0), shows
   * that it is not below {@code limit}: the noise EM, most of the cost of an evaluation, is then
   * not run. The search asks this of candidates it only needs to know do not improve.
   */
  public Cost costBelow(LearnAutomaton a, double limit, BooleanSupplier cancelled) {
    return costBelow(a, limit, null, cancelled);
  }

  /**
   * As {@link #costBelow(LearnAutomaton, double, BooleanSupplier)}, knowing what the first EM
   * round charged the words of a nearby automaton ({@link #firstRoundByWord}; null: nothing): the
   * same cost, sooner when the automaton is close to that one (the first round then aligns those
   * words under a ceiling near their old cost).
   */
  public Cost costBelow(LearnAutomaton a, double limit, double[] firstRoundByWord,
      BooleanSupplier cancelled) {
    double[] parts = parts(a);
    List<Integer> words = a.unmatched();
    // one view and one set of value codes for the bound and the noise EM, which need the same
    // codes of every unparsed word (none when every word parses)
    AutomatonView view = words.isEmpty() ? null : new AutomatonView(a, valueFloor);
    double[][][] valueBits = valueBits(a.corpus(), words, view);
    if (lowerBound(a, parts, words, valueBits, view) > limit + BOUND_MARGIN * Math.abs(limit)) {
      return null;
    }
    UnmatchedWords unmatched = new UnmatchedWords(a.corpus(), words, explicitCodes(a.corpus()),
        valueBits);
    unmatched.firstRoundByWord = firstRoundByWord;
    return finish(a, parts[0], parts[1], parts[2], a.matchedLetters(), words, unmatched,
        () -> view, cancelled);
  }

  /** The lower bound of {@link #cost} that {@link #costBelow} compares with its limit. */
  double lowerBound(LearnAutomaton a) {
    List<Integer> words = a.unmatched();
    AutomatonView view = new AutomatonView(a, valueFloor);
    return lowerBound(a, parts(a), words, valueBits(a.corpus(), words, view), view);
  }

  private double lowerBound(LearnAutomaton a, double[] parts, List<Integer> words,
      double[][][] valueBits, AutomatonView view) {
    Corpus c = a.corpus();
    ExplicitCodes codes = explicitCodes(c);
    return ModelCost.bits(a.stateCount(), a.edgeCount(), c.alphabet().size(), parts[0])
        + parts[2] + parts[1]
        + UnparsedBound.bits(c, words, valueBits, view, kinds, codes.letterBits(), codes.bits());
  }

  /** {@link AutomatonView#valueBits} of each word, in their order. */
  private static double[][][] valueBits(Corpus c, List<Integer> words, AutomatonView view) {
    double[][][] bits = new double[words.size()][][];
    for (int i = 0; i < bits.length; i++) {
      bits[i] = view.valueBits(c, words.get(i));
    }
    return bits;
  }

  /**
   * A cheap estimate of {@link #cost} for screening candidates: model and matched codes as exact,
   * the unmatched words charged as in {@code before} (the cost of the automaton the candidate
   * changed) where they were unmatched already, and aligned under {@code before}'s noise rates
   * otherwise ({@link NoiseEm#screen}).
   */
  public Cost screen(LearnAutomaton a, Cost before, BooleanSupplier cancelled) {
    return screen(a, before, codesByWord(before, a.corpus().size()), cancelled);
  }

  /**
   * As {@link #screen(LearnAutomaton, Cost, BooleanSupplier)} with the codes of {@code before}'s
   * unmatched words looked up once ({@link #codesByWord}) for all the candidates of one iteration.
   */
  public Cost screen(LearnAutomaton a, Cost before, WordCode.Result[] known,
      BooleanSupplier cancelled) {
    double[] parts = parts(a);
    Corpus c = a.corpus();
    double model = ModelCost.bits(a.stateCount(), a.edgeCount(), c.alphabet().size(), parts[0]);
    List<Integer> words = a.unmatched();
    NoiseEm.Outcome noise = NoiseEm.screen(kinds, parts[2] + parts[1], a.matchedLetters(),
        new UnmatchedWords(c, words, explicitCodes(c), null), i -> known[words.get(i)],
        before.noise().rates(),
        () -> new AutomatonView(a, valueFloor), cancelled);
    return withData(c, model, noise, words);
  }

  /**
   * The code of each word {@code cost} left unmatched, by word id (null for the others): an array
   * over the corpus, as every candidate's screening looks up every unmatched word (a boxed map's
   * lookups were most of what screening cost besides aligning).
   */
  public static WordCode.Result[] codesByWord(Cost cost, int corpusSize) {
    WordCode.Result[] known = new WordCode.Result[corpusSize];
    List<Integer> words = cost.unmatched();
    for (int i = 0; i < words.size(); i++) {
      known[words.get(i)] = cost.noise().words()[i];
    }
    return known;
  }


  /**
   * What the first EM round of {@code cost} charged each word it aligned cheaper than explicitly,
   * by word id (+∞ for the others): an array over the corpus, looked up by every candidate scored
   * exactly in one iteration ({@link #costBelow(LearnAutomaton, double, double[],
   * BooleanSupplier)}).
   */
  public static double[] firstRoundByWord(Cost cost, int corpusSize) {
    double[] bits = new double[corpusSize];
    Arrays.fill(bits, Double.POSITIVE_INFINITY);
    List<Integer> words = cost.unmatched();
    double[] first = cost.noise().firstRound();
    for (int i = 0; first != null && i < words.size(); i++) {
      bits[words.get(i)] = first[i];
    }
    return bits;
  }

  /**
   * Parameter, value and transition codes, refreshing the stale caches (an edge's codes from
   * {@link #valueCodes} when its statistics were seen before).
   */
  private double[] parts(LearnAutomaton a) {
    double parameters = 0;
    double values = 0;
    for (int id = 0; id < a.edgeSlots(); id++) {
      Edge e = a.edge(id);
      if (!e.alive()) {
        continue;
      }
      if (Double.isNaN(a.edgeValueBits(e))) {
        ValueStats.Content content = e.stats().content();
        ValueCodeCache.Codes codes = valueCodes.get(content);
        if (codes == null) {
          codes = new ValueCodeCache.Codes(valueBits(e, valueFloor),
              ModelCost.parameterBits(e.gaussian()));
          valueCodes.put(content, codes);
        }
        a.setEdgeBits(e, codes.valueBits(), codes.parameterBits());
      }
      parameters += a.edgeParameterBits(e);
      values += a.edgeValueBits(e);
    }
    double transitions = 0;
    for (int q = 0; q < a.stateSlots(); q++) {
      if (!a.stateAlive(q)) {
        continue;
      }
      if (Double.isNaN(a.stateBits(q))) {
        a.setStateBits(q, DataCodes.transitionBits(outCounts(a, q)));
      }
      transitions += a.stateBits(q);
    }
    return new double[] {parameters, values, transitions};
  }

  /**
   * Full recomputation from the words' paths alone, ignoring every cache (for tests: must equal
   * {@link #cost}).
   */
  public Cost fullCost(LearnAutomaton a) {
    Corpus c = a.corpus();
    ValueStats[] stats = new ValueStats[a.edgeSlots()];
    long matched = 0;
    for (int w = 0; w < c.size(); w++) {
      if (!a.matched(w)) {
        continue;
      }
      for (int i = 0; i < c.length(w); i++) {
        int e = a.edgeAt(w, i);
        if (stats[e] == null) {
          stats[e] = new ValueStats(c.dimension());
        }
        stats[e].add(c.value(w, i), c.weight(w));
        matched += c.weight(w);
      }
    }
    double parameters = 0;
    double values = 0;
    for (int id = 0; id < a.edgeSlots(); id++) {
      if (!a.edge(id).alive()) {
        continue;
      }
      Gaussian g = Gaussian.fit(stats[id]);
      parameters += ModelCost.parameterBits(g);
      double[] v = {0};
      stats[id].forEach(
          (x, wt) -> v[0] += wt * DataCodes.matchedValueBits(g.cellMass(x), valueFloor));
      values += v[0];
    }
    double transitions = 0;
    for (int q = 0; q < a.stateSlots(); q++) {
      if (!a.stateAlive(q)) {
        continue;
      }
      IntList out = a.out(q);
      long[] counts = new long[out.size()];
      for (int j = 0; j < counts.length; j++) {
        counts[j] = stats[out.get(j)].count();
      }
      transitions += DataCodes.transitionBits(counts);
    }
    List<Integer> words = a.unmatched();
    return finish(a, parameters, values, transitions, matched, words,
        new UnmatchedWords(c, words, explicitCodes(c), null),
        () -> new AutomatonView(a, valueFloor),
        () -> false);
  }

  private Cost finish(LearnAutomaton a, double parameters, double values, double transitions,
      long matchedLetters, List<Integer> words, UnmatchedWords unmatched,
      Supplier<AutomatonView> graph, BooleanSupplier cancelled) {
    Corpus c = a.corpus();
    double model = ModelCost.bits(a.stateCount(), a.edgeCount(), c.alphabet().size(), parameters);
    NoiseEm.Outcome noise = NoiseEm.run(kinds, transitions + values, matchedLetters, unmatched,
        graph::get, cancelled);
    return withData(c, model, noise, words);
  }

  private static Cost withData(Corpus c, double model, NoiseEm.Outcome noise,
      List<Integer> words) {
    // an unmatched word whose exact path is its cheapest code counts as matched (WordCode)
    long matchedWords = c.totalWeight() - noise.corrected() - noise.uncorrected();
    double data = noise.dataBits()
        + DataCodes.statusBits(matchedWords, noise.corrected(), noise.uncorrected());
    return new Cost(model, data, noise, List.copyOf(words));
  }

  private ExplicitCodes explicitCodes(Corpus c) {
    ExplicitCodes e = explicit;
    if (e == null || e.corpus() != c) {
      double[] bits = new double[c.size()];
      double[][] letterBits = new double[c.size()][];
      for (int w = 0; w < bits.length; w++) {
        bits[w] = WordCode.explicitBits(c.alphabet().size(), c.values(w));
        letterBits[w] = Aligner.letterBits(c.alphabet().size(), c.values(w));
      }
      e = new ExplicitCodes(c, bits, letterBits);
      explicit = e;
    }
    return e;
  }

  private static long[] outCounts(LearnAutomaton a, int q) {
    IntList out = a.out(q);
    long[] counts = new long[out.size()];
    for (int j = 0; j < counts.length; j++) {
      counts[j] = a.edge(out.get(j)).count();
    }
    return counts;
  }

  private static double valueBits(Edge e, double floor) {
    double[] bits = {0};
    e.stats().forEach((v, wt) -> bits[0] += wt * DataCodes.matchedValueBits(e.cellMass(v), floor));
    return bits[0];
  }

  /** Unmatched words of the corpus as seen by the EM. */
  static final class UnmatchedWords implements NoiseEm.Unmatched {
    private final Corpus c;
    private final List<Integer> words;
    private final double[] explicitBits;
    private final double[][] letterBits;
    /** each word's value codes under the view the EM will get, already computed (or null) */
    private final double[][][] valueBits;
    /** by corpus word id, its first-round cost under a nearby automaton (or null) */
    private double[] firstRoundByWord;

    UnmatchedWords(Corpus c, List<Integer> words, ExplicitCodes codes, double[][][] valueBits) {
      this.c = c;
      this.words = words;
      // the explicit codes of every word and letter are computed once per corpus: the noise EM
      // computed each unparsed word's letter codes again under every candidate
      this.explicitBits = codes.bits();
      this.letterBits = codes.letterBits();
      this.valueBits = valueBits;
    }

    @Override
    public int size() {
      return words.size();
    }

    @Override
    public int[] symbols(int i) {
      return c.symbols(words.get(i));
    }

    @Override
    public int[][] values(int i) {
      return c.values(words.get(i));
    }

    @Override
    public long weight(int i) {
      return c.weight(words.get(i));
    }

    @Override
    public double explicitBits(int i) {
      return explicitBits[words.get(i)];
    }

    @Override
    public double[][] valueBits(int i, AlignmentGraph g) {
      if (valueBits != null) {
        return valueBits[i];
      }
      return g instanceof AutomatonView v ? v.valueBits(c, words.get(i))
          : NoiseEm.Unmatched.super.valueBits(i, g);
    }

    @Override
    public double[] letterBits(int i) {
      return letterBits[words.get(i)];
    }

    @Override
    public double firstRoundNearby(int i) {
      return firstRoundByWord == null ? Double.POSITIVE_INFINITY : firstRoundByWord[words.get(i)];
    }
  }
}
