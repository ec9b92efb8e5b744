package org.tadam.learner.score;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tadam.learner.LearnerOptions;
import org.tadam.learner.mdl.DataCodes;
import org.tadam.learner.mdl.UniversalCode;
import org.tadam.learner.noise.AlignmentGraph;
import org.tadam.learner.noise.AlignmentRates;
import org.tadam.learner.stats.CellMassCache;
import org.tadam.learner.stats.Gaussian;
import org.tadam.learner.stats.ValueStats;
import org.tadam.model.derived.Symbols;
import org.tadam.model.Automaton;
import org.tadam.model.Edge;
import org.tadam.model.State;
import org.tadam.model.derived.Gaussians;

/**
 * A model file's automaton prepared for scoring new words: dense states and edges, add-½ smoothed
 * transition codes from the edge counts (the probabilities when counts are absent), unit-cell
 * value codes, the symbols of the model's alphabet and its noise rates.
 */
public final class ModelGraph implements AlignmentGraph {
  private final int n;
  private final int initial;
  private final int end;
  private final int[] src;
  private final int[] dst;
  private final int[] sym;
  private final double[] transition;
  private final double[] probability;
  private final Gaussian[] gaussians;
  private final CellMassCache[] caches;
  private final Map<String, Integer> symbolIds = new LinkedHashMap<>();
  private final List<int[]> bySymbol = new ArrayList<>();
  private final int[][] outEdges;
  private final AlignmentRates rates;
  private final double valueFloor;
  private final int alphabet;

  /**
   * How a learned model's provenance options record its training alphabet's size (the end letter
   * included): the explicit code of a letter is uniform over the training alphabet, which may hold
   * symbols whose every edge the search deleted, so the model's own symbols do not say it.
   */
  public static final String ALPHABET_KEY = "alphabet=";

  public ModelGraph(Automaton model) {
    Map<State, Integer> ids = new HashMap<>();
    int init = -1;
    int fin = -1;
    for (State s : model.getStates()) {
      int id = ids.size();
      ids.put(s, id);
      if (s.isInitial()) {
        init = id;
      }
      if (s.isEnd()) {
        fin = id;
      }
    }
    if (init < 0 || fin < 0) {
      throw new IllegalArgumentException("the model needs an initial and an end state");
    }
    n = ids.size();
    initial = init;
    end = fin;
    int m = model.getEdges().size();
    src = new int[m];
    dst = new int[m];
    sym = new int[m];
    transition = new double[m];
    probability = new double[m];
    gaussians = new Gaussian[m];
    caches = new CellMassCache[m];
    double[] countTotal = new double[n];
    int[] outDegree = new int[n];
    boolean useCounts = model.getEdges().stream().allMatch(e -> e.getCount() > 0);
    List<List<Integer>> perSymbol = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      Edge e = model.getEdges().get(i);
      src[i] = ids.get(e.getSource());
      dst[i] = ids.get(e.getTarget());
      String s = Symbols.canonicalText(Symbols.toText(e.getSymbol()));
      Integer id = symbolIds.get(s);
      if (id == null) {
        id = symbolIds.size();
        symbolIds.put(s, id);
        perSymbol.add(new ArrayList<>());
      }
      sym[i] = id;
      perSymbol.get(id).add(i);
      probability[i] = e.getProbability();
      countTotal[src[i]] += useCounts ? e.getCount() + 0.5 : 0;
      outDegree[src[i]]++;
      if (e.getDistribution() != null) {
        double[][] cov = Gaussians.covarianceMatrix(e.getDistribution());
        double[] mean = e.getDistribution().getMean().stream().mapToDouble(Double::doubleValue).toArray();
        if (cov != null && (mean.length == 1 || mean.length == 2)) {
          double[] tri = mean.length == 1 ? new double[] {cov[0][0]}
              : new double[] {cov[0][0], cov[0][1], cov[1][1]};
          gaussians[i] = new Gaussian(mean, tri);
        }
      }
      caches[i] = new CellMassCache();
    }
    for (int i = 0; i < m; i++) {
      Edge e = model.getEdges().get(i);
      double p = useCounts ? (e.getCount() + 0.5) / countTotal[src[i]] : Math.max(probability[i], 1e-9);
      transition[i] = -UniversalCode.log2(p);
    }
    for (List<Integer> l : perSymbol) {
      bySymbol.add(l.stream().mapToInt(Integer::intValue).toArray());
    }
    outEdges = new int[n][];
    for (int q = 0; q < n; q++) {
      outEdges[q] = new int[outDegree[q]];
      outDegree[q] = 0;
    }
    for (int i = 0; i < m; i++) {
      outEdges[src[i]][outDegree[src[i]]++] = i;
    }
    valueFloor = valueFloorOf(model, dimensionOf(model));
    rates = AlignmentRates.of(model.getNoise());
    alphabet = Math.max(symbolIds.size(), recordedAlphabet(model));
  }

  /** The training alphabet's size the provenance records ({@link #ALPHABET_KEY}), 0 when none. */
  static int recordedAlphabet(Automaton model) {
    if (model.getProvenance() == null || model.getProvenance().getOptions() == null) {
      return 0;
    }
    for (String token : model.getProvenance().getOptions().split("\\s+")) {
      if (token.startsWith(ALPHABET_KEY)) {
        try {
          int size = Integer.parseInt(token.substring(ALPHABET_KEY.length()));
          if (size > 0) {
            return size;
          }
        } catch (NumberFormatException e) {
          // reported below
        }
        throw new IllegalArgumentException("provenance option " + token
            + ": the alphabet size must be a positive integer");
      }
    }
    return 0;
  }

  /**
   * The cell floor the model was learned with: its provenance records the floor per value
   * component ({@link LearnerOptions#VALUE_FLOOR_KEY}); a model learned before the amended floor
   * may record a cell floor ({@link LearnerOptions#LEGACY_CELL_FLOOR_KEY}); a model that records
   * neither is scored with Part B's 10^-3 per component.
   */
  static double valueFloorOf(Automaton model, int dimension) {
    double perComponent = DataCodes.PER_COMPONENT_FLOOR;
    if (model.getProvenance() == null || model.getProvenance().getOptions() == null) {
      return DataCodes.cellFloor(perComponent, dimension);
    }
    for (String token : model.getProvenance().getOptions().split("\\s+")) {
      boolean current = token.startsWith(LearnerOptions.VALUE_FLOOR_KEY);
      if (current || token.startsWith(LearnerOptions.LEGACY_CELL_FLOOR_KEY)) {
        String text = token.substring(token.indexOf('=') + 1);
        double floor;
        try {
          floor = Double.parseDouble(text);
        } catch (NumberFormatException e) {
          floor = Double.NaN;
        }
        if (!(floor > 0 && floor <= 1)) {
          throw new IllegalArgumentException("provenance option " + token
              + ": the value floor must be a number in (0, 1]");
        }
        return current ? DataCodes.cellFloor(floor, dimension) : floor;
      }
    }
    return DataCodes.cellFloor(perComponent, dimension);
  }

  /** Values per letter: the length of the first edge law's mean (2, [iat, size], when none has one). */
  private static int dimensionOf(Automaton model) {
    for (Edge e : model.getEdges()) {
      if (e.getDistribution() != null && !e.getDistribution().getMean().isEmpty()) {
        return e.getDistribution().getMean().size();
      }
    }
    return 2;
  }

  /** Symbol id of a word symbol (flags canonicalised), −1 when the model never saw it. */
  public int symbolId(String symbol) {
    Integer id = symbolIds.get(symbol);
    if (id == null) {
      id = symbolIds.get(Symbols.canonicalText(symbol));
    }
    return id == null ? -1 : id;
  }

  public AlignmentRates rates() {
    return rates;
  }

  public double probability(int edge) {
    return probability[edge];
  }

  public int[] out(int state) {
    return outEdges[state];
  }

  /** Unit-cell probability of v on the edge (1 for edges without a distribution). */
  @Override
  public double cellMass(int edge, int[] v) {
    Gaussian g = gaussians[edge];
    if (g == null) {
      return 1;
    }
    if (v.length != g.dimension()) {
      return 0;
    }
    long key = ValueStats.pack(v);
    double mass = caches[edge].get(key);
    if (Double.isNaN(mass)) {
      mass = g.cellMass(v);
      caches[edge].put(key, mass);
    }
    return mass;
  }

  @Override
  public int states() {
    return n;
  }

  @Override
  public int initial() {
    return initial;
  }

  @Override
  public int end() {
    return end;
  }

  @Override
  public int edges() {
    return src.length;
  }

  @Override
  public int source(int edge) {
    return src[edge];
  }

  @Override
  public int target(int edge) {
    return dst[edge];
  }

  @Override
  public int symbol(int edge) {
    return sym[edge];
  }

  @Override
  public double transitionBits(int edge) {
    return transition[edge];
  }

  @Override
  public double valueFloor() {
    return valueFloor;
  }

  @Override
  public int[] edgesWithSymbol(int symbol) {
    return symbol >= 0 && symbol < bySymbol.size() ? bySymbol.get(symbol) : new int[0];
  }

  /** |Σ| of the explicit letter code: the training alphabet's, when recorded, else the model's symbols. */
  @Override
  public int alphabetSize() {
    return alphabet;
  }
}
