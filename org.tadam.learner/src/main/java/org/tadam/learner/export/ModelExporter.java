package org.tadam.learner.export;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import org.tadam.learner.LearnedModel;
import org.tadam.learner.automaton.Corpus;
import org.tadam.learner.automaton.Edge;
import org.tadam.learner.automaton.IntList;
import org.tadam.learner.automaton.LearnAutomaton;
import org.tadam.capture.word.ValueQuantisation;
import org.tadam.learner.score.Coverage;
import org.tadam.learner.score.ModelGraph;
import org.tadam.learner.stats.Gaussian;
import org.tadam.model.derived.Symbols;
import org.tadam.model.Automaton;
import org.tadam.model.EndSymbol;
import org.tadam.model.IatUnit;
import org.tadam.model.L4Protocol;
import org.tadam.model.PacketSymbol;
import org.tadam.model.PayloadModel;
import org.tadam.model.Provenance;
import org.tadam.model.Quantisation;
import org.tadam.model.SizeUnit;
import org.tadam.model.State;
import org.tadam.model.Symbol;
import org.tadam.model.TadamFactory;

/**
 * Learned automaton → EMF {@link Automaton}, deterministically: states named s0, s1, … in
 * breadth-first order from the initial state (the end state last), edges ordered by source, symbol,
 * target and mean; probabilities are the unsmoothed visit frequencies, distributions are rounded to
 * six significant digits (variances up, covariances toward zero, so they stay positive
 * semi-definite).
 */
public final class ModelExporter {
  private static final MathContext DIGITS = new MathContext(6);

  /**
   * What the words do not say about themselves.
   *
   * @param name automaton name (made a valid identifier)
   * @param protocol "tcp" or "udp"; null to infer from the symbols (flags ⇒ tcp)
   * @param quantisation how values were made (null: not recorded)
   * @param captures capture or word file names for the provenance
   * @param symbols how the capture made the symbols, when it differs from Part B's defaults, as
   *     provenance option tokens (e.g. {@code random-alpha=0.001}; null or empty: nothing to
   *     record); {@code tadam score} reads the words of a capture the same way
   */
  public record Info(String name, String protocol, String service, List<Integer> ports,
      String outcome, ValueQuantisation quantisation, List<String> captures, String symbols) {

    public Info(String name, String protocol, String service, List<Integer> ports,
        String outcome, ValueQuantisation quantisation, List<String> captures) {
      this(name, protocol, service, ports, outcome, quantisation, captures, null);
    }
  }

  private ModelExporter() {
  }

  public static Automaton toModel(LearnedModel m, Info info) {
    TadamFactory f = TadamFactory.eINSTANCE;
    LearnAutomaton a = m.automaton();
    Corpus corpus = m.corpus();
    Automaton out = f.createAutomaton();
    out.setName(identifier(info.name()));
    out.setProtocol(protocol(info, corpus));
    if (info.service() != null) {
      out.setService(info.service());
      if (info.ports() != null) {
        out.getPorts().addAll(info.ports());
        out.getPortWeights().addAll(PortWeights.of(out.getPorts(), m.samples()));
      }
    }
    FirstPayloads.count(out, m.samples());
    String outcome = info.outcome() != null ? info.outcome() : Outcome.of(m.samples());
    if (outcome != null) {
      out.setOutcome(outcome);
    }
    Quantisation q = quantisation(info.quantisation());
    // times fitted where they lie within their cells, when the training connections came with their packets
    ContinuousIat continuous = q == null ? null : ContinuousIat.of(m.samples(), corpus, info.quantisation());
    if (q != null) {
      q.setContinuousIat(continuous != null);
      out.setQuantisation(q);
    }
    out.setNoise(m.noise().toModel());
    Provenance p = f.createProvenance();
    if (info.captures() != null) {
      p.getCaptures().addAll(info.captures());
    }
    p.setConnections((int) Math.min(Integer.MAX_VALUE, m.connections()));
    // the training alphabet's size: score's explicit letter code needs it (ModelGraph)
    p.setOptions(m.options().describe() + " " + ModelGraph.ALPHABET_KEY + corpus.alphabet().size()
        + (info.quantisation() == null ? "" : " values=" + info.quantisation().describe())
        + (info.symbols() == null || info.symbols().isBlank() ? "" : " " + info.symbols().trim()));
    p.setModelBits(Math.round(m.modelBits() * 1000) / 1000.0);
    p.setDataBits(Math.round(m.dataBits() * 1000) / 1000.0);
    out.setProvenance(p);

    List<Edge> edges = new ArrayList<>();
    int[] number = CanonicalOrder.numberStates(a, edges);
    State[] states = new State[a.stateSlots()];
    Integer[] byNumber = new Integer[a.stateCount()];
    for (int s = 0; s < number.length; s++) {
      if (number[s] >= 0) {
        byNumber[number[s]] = s;
      }
    }
    for (Integer s : byNumber) {
      State st = f.createState();
      st.setName("s" + number[s]);
      st.setInitial(s == LearnAutomaton.INITIAL);
      st.setEnd(s == LearnAutomaton.END);
      states[s] = st;
      out.getStates().add(st);
    }
    boolean sizeInBytes = info.quantisation() == null || !info.quantisation().logSize();
    PoolVariants variants = new PoolVariants();
    DirectionFramings framings = new DirectionFramings();
    EdgePayloads payloads = new EdgePayloads(m, edges, sizeInBytes, variants, framings);
    Map<org.tadam.model.Edge, Map<Integer, java.util.BitSet>> takenBy = new LinkedHashMap<>();
    for (Edge e : edges) {
      org.tadam.model.Edge me = f.createEdge();
      Map<Integer, java.util.BitSet> taken = places(m.corpus(), e);
      takenBy.put(me, taken);
      me.setSource(states[e.source()]);
      me.setTarget(states[e.target()]);
      Symbol symbol = Symbols.parse(corpus.alphabet().get(e.symbol()));
      me.setSymbol(symbol);
      long total = 0;
      IntList siblings = a.out(e.source());
      for (int j = 0; j < siblings.size(); j++) {
        total += a.edge(siblings.get(j)).count();
      }
      me.setProbability(e.count() / (double) total);
      me.setCount((int) Math.min(Integer.MAX_VALUE, e.count()));
      letterPositions(taken, me);
      if (!(symbol instanceof EndSymbol)) {
        Gaussian g = continuous == null ? e.gaussian() : continuous.fit(e, e.gaussian());
        org.tadam.model.Gaussian mg = f.createGaussian();
        for (double x : g.mean()) {
          mg.getMean().add(round(x));
        }
        double[] cov = g.covariance();
        int d = g.dimension();
        int k = 0;
        for (int i = 0; i < d; i++) {
          for (int j = i; j < d; j++) {
            mg.getCovariance().add(i == j ? roundUp(cov[k]) : roundTowardZero(cov[k]));
            k++;
          }
        }
        me.setDistribution(mg);
        PayloadModel payload = payloads.of(e, (PacketSymbol) symbol);
        if (payload != null) {
          me.setPayload(payload);
        }
      }
      out.getEdges().add(me);
    }
    // the training words the written model parses without noise, as score will see them (the coverage)
    java.util.BitSet parsed = Coverage.parsedWords(out, m.samples());
    variants.tag(out, parsed, ConnectionPaths.of(takenBy.values(), m.samples().size()));
    int[] letters = letters(m.corpus(), m.samples().size());
    variants.tagWordLengths(out, letters);
    LetterCounts.write(out, variants.unpinnedLetters(letters));
    variants.tagEdges(takenBy);
    framings.apply();
    p.setParsedConnections(parsed.cardinality());
    return out;
  }

  /**
   * The earliest and latest letters at which training words took an edge ({@code taken}: per connection that took it,
   * the letters at which it did, see {@link #places}): merged states let a walk take an edge where no connection did (an MQTT DISCONNECT right after the CONNACK), and the generator keeps to them.
   */
  private static void letterPositions(Map<Integer, java.util.BitSet> taken, org.tadam.model.Edge me) {
    int first = Integer.MAX_VALUE;
    int last = -1;
    for (java.util.BitSet letters : taken.values()) {
      first = Math.min(first, letters.nextSetBit(0));
      last = Math.max(last, letters.length() - 1);
    }
    if (last >= 0) {
      me.setFirstLetter(first);
      me.setLastLetter(last);
    }
  }

  /** Per training connection (sample) the letters of its word: the letter at which it ended. */
  private static int[] letters(Corpus c, int samples) {
    int[] letters = new int[samples];
    for (int w = 0; w < c.size(); w++) {
      for (int member : c.members(w)) {
        // the corpus ends every word with the end letter
        letters[member] = c.length(w) - 1;
      }
    }
    return letters;
  }

  /** The training connections (samples) whose words took edge {@code e}, each with the letters at which it did. */
  private static Map<Integer, java.util.BitSet> places(Corpus c, Edge e) {
    Map<Integer, java.util.BitSet> places = new java.util.HashMap<>();
    for (int i = 0; i < e.occurrenceCount(); i++) {
      int position = Edge.position(e.occurrence(i));
      for (int member : c.members(Edge.word(e.occurrence(i)))) {
        places.computeIfAbsent(member, k -> new java.util.BitSet()).set(position);
      }
    }
    return places;
  }

  private static L4Protocol protocol(Info info, Corpus corpus) {
    if (info.protocol() != null) {
      return "udp".equals(info.protocol()) ? L4Protocol.UDP : L4Protocol.TCP;
    }
    for (String s : corpus.alphabet()) {
      if (!s.isEmpty() && s.charAt(0) != '>' && s.charAt(0) != '<' && !s.equals("$")) {
        return L4Protocol.TCP;
      }
    }
    return L4Protocol.UDP;
  }

  private static Quantisation quantisation(ValueQuantisation v) {
    if (v == null || v.logSize()) {
      return null;
    }
    IatUnit iat;
    if (v.logIat() && v.iatUnitNanos() == 1000) {
      iat = IatUnit.DECILOG_MICROS;
    } else if (!v.logIat() && v.iatUnitNanos() == 1000) {
      iat = IatUnit.MICROS;
    } else if (!v.logIat() && v.iatUnitNanos() == 1_000_000) {
      iat = IatUnit.MILLIS;
    } else {
      return null;
    }
    Quantisation q = TadamFactory.eINSTANCE.createQuantisation();
    q.setIat(iat);
    q.setSize(SizeUnit.BYTES);
    return q;
  }

  private static final java.util.Set<String> KEYWORDS = java.util.Set.of("automaton", "protocol",
      "service", "ports", "outcome", "values", "iat", "size", "noise", "missing", "spurious",
      "duplicated", "swapped", "provenance", "captures", "connections", "options", "bits", "model",
      "data", "date", "state", "initial", "end", "prob", "count", "mean", "cov", "payload", "random",
      "replay", "text", "tcp", "udp", "us", "ms", "bytes", "empty", "variants", "weighted", "unpinned", "continuous", "first", "client", "server", "to", "header", "length", "at", "width", "plus", "scenario",
      "import", "seed", "starting", "duration", "rate", "profile", "format", "snaplen", "clients",
      "servers", "subnet", "mac", "ttl", "use", "share", "pcap", "pcapng");

  /**
   * A valid identifier for the DSL: letters, digits and '_', not starting with a digit, not a
   * keyword of the grammar.
   */
  public static String identifier(String name) {
    StringBuilder sb = new StringBuilder();
    for (char c : name.toCharArray()) {
      sb.append(Character.isLetterOrDigit(c) && c < 128 ? c : '_');
    }
    if (sb.length() == 0 || Character.isDigit(sb.charAt(0))) {
      sb.insert(0, "a_");
    }
    return KEYWORDS.contains(sb.toString()) ? sb + "_" : sb.toString();
  }

  static double round(double x) {
    if (x == 0 || !Double.isFinite(x)) {
      return x;
    }
    return new BigDecimal(x).round(DIGITS).doubleValue();
  }

  private static double roundUp(double x) {
    if (x == 0) {
      return 0;
    }
    return new BigDecimal(x).round(new MathContext(6, RoundingMode.CEILING)).doubleValue();
  }

  private static double roundTowardZero(double x) {
    if (x == 0) {
      return 0;
    }
    return new BigDecimal(x).round(new MathContext(6, RoundingMode.DOWN)).doubleValue();
  }
}
