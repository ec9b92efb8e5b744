package org.tadam.learner.ops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tadam.learner.automaton.Corpus;
import org.tadam.learner.automaton.Edge;
import org.tadam.learner.automaton.LearnAutomaton;

/**
 * Add an edge back (the inverse of {@link DeleteSubpart}): a new edge {@code source → target}
 * spelling {@code symbol}, and every unparsed word that the automaton then parses through it goes
 * back on its path. A deletion is judged against the automaton of its moment; after later merges and splits,
 * words it left to the noise model (an optional ACK that a session sends or not) may be cheaper
 * as structure again, and no other operation can create an edge.
 *
 * @param words the unparsed words the edge may put back, increasing (null: every unparsed word):
 *     {@link #candidates} leaves out those whose walk the edge cannot change
 */
public record AddEdge(int source, int symbol, int target, int[] words) implements Operation {

  /** The edge, trying every unparsed word. */
  public AddEdge(int source, int symbol, int target) {
    this(source, symbol, target, null);
  }

  @Override
  public void apply(LearnAutomaton a) {
    int added = a.newEdge(source, target, symbol, a.newFamily());
    Corpus c = a.corpus();
    // a snapshot: putting a word back changes the set, not the list
    for (int w : words != null ? toList(words) : a.unmatched()) {
      int[] path = path(a, c, w);
      // only the words the new edge spells: one that parsed already stays with the noise model,
      // which charges it no more than that path (a word ReleaseWords took off would come back)
      if (path != null && uses(path, added)) {
        for (int i = 0; i < path.length; i++) {
          a.addOccurrence(w, i, path[i]);
        }
        a.match(w);
      }
    }
  }

  private static boolean uses(int[] path, int edge) {
    for (int e : path) {
      if (e == edge) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String describe() {
    return "add " + source + " -" + symbol + "-> " + target;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AddEdge x && source == x.source && symbol == x.symbol
        && target == x.target && Arrays.equals(words, x.words);
  }

  @Override
  public int hashCode() {
    return ((source * 31 + symbol) * 31 + target) * 31 + Arrays.hashCode(words);
  }

  @Override
  public String toString() {
    return describe();
  }

  /**
   * The edges spelling word w from the initial to the end state, or null. Among parallel edges of
   * one symbol (split-edge variants) the letter goes to the one whose law gives its value the most
   * mass, as a split distributes them.
   */
  static int[] path(LearnAutomaton a, Corpus c, int w) {
    int n = c.length(w);
    int[] path = new int[n];
    int q = LearnAutomaton.INITIAL;
    for (int i = 0; i < n; i++) {
      int e = step(a, q, c.symbol(w, i), c.value(w, i));
      if (e < 0) {
        return null;
      }
      path[i] = e;
      q = a.edge(e).target();
    }
    return q == LearnAutomaton.END ? path : null;
  }

  private static List<Integer> toList(int[] words) {
    List<Integer> list = new ArrayList<>(words.length);
    for (int w : words) {
      list.add(w);
    }
    return list;
  }

  /** Whether state q has two or more edges spelling the symbol (a step among them asks masses). */
  private static boolean parallel(LearnAutomaton a, int q, int symbol) {
    var out = a.out(q);
    int n = 0;
    for (int j = 0; j < out.size(); j++) {
      if (a.edge(out.get(j)).symbol() == symbol && ++n == 2) {
        return true;
      }
    }
    return false;
  }

  private static int step(LearnAutomaton a, int q, int symbol, int[] value) {
    var out = a.out(q);
    // a lone edge with the symbol is the step whatever its mass: no mass is computed for it (after
    // each word put back on its path, the next mass asked of the edges it took is a new Gaussian's)
    int only = -1;
    for (int j = 0; j < out.size(); j++) {
      if (a.edge(out.get(j)).symbol() == symbol) {
        if (only >= 0) {
          only = -2;
          break;
        }
        only = out.get(j);
      }
    }
    if (only != -2) {
      return only;
    }
    int best = -1;
    double bestMass = -1;
    for (int j = 0; j < out.size(); j++) {
      Edge e = a.edge(out.get(j));
      if (e.symbol() != symbol) {
        continue;
      }
      double mass = e.occurrenceCount() == 0 ? 0 : e.cellMass(value);
      if (best < 0 || mass > bestMass || mass == bestMass && e.id() < best) {
        best = e.id();
        bestMass = mass;
      }
    }
    return best;
  }

  /**
   * For each unparsed word, the first letter the automaton cannot spell and every state from which
   * the rest of the word parses to the end: each such (state, symbol, target) is a candidate, and
   * the {@code max} that would put back the most words (by weight) are proposed. Each lists the
   * words its edge may put back ({@link #words}): an unparsed word whose walk takes no step among
   * parallel edges goes the same way with the edge added (the edge leaves a state without its
   * symbol), so it fails where it failed unless that is at the edge's state and symbol, and parses
   * if it parsed; a step among parallel edges compares masses, which the words put back before it
   * change. Applying
   * every unparsed word cost each such candidate a walk of some 16 000 words in the 100 000-word
   * run, most of which it could not change.
   */
  public static List<Operation> candidates(LearnAutomaton a, int max) {
    Corpus c = a.corpus();
    Map<AddEdge, Long> gain = new TreeMap<>(ORDER);
    // the words that fail at each (state, symbol) without a step among parallel edges, and the
    // words every addition tries: those with such a step (any edge may change their walk). A word
    // that parses without one never reaches the new edge, whose (source, symbol) had no step: it
    // stays with the noise model, which charges it no more than its path
    Map<AddEdge, List<Integer>> failing = new TreeMap<>(ORDER);
    List<Integer> tried = new ArrayList<>();
    for (int w : a.unmatched()) {
      int n = c.length(w);
      int q = LearnAutomaton.INITIAL;
      int i = 0;
      boolean masses = false;
      for (; i < n; i++) {
        masses |= parallel(a, q, c.symbol(w, i));
        int e = step(a, q, c.symbol(w, i), c.value(w, i));
        if (e < 0) {
          break;
        }
        q = a.edge(e).target();
      }
      if (masses) {
        tried.add(w);
      } else if (i < n) {
        failing.computeIfAbsent(new AddEdge(q, c.symbol(w, i), -1), k -> new ArrayList<>()).add(w);
      }
      if (i == n) {
        continue;
      }
      for (int t = 0; t < a.stateSlots(); t++) {
        if (a.stateAlive(t) && suffixParses(a, c, w, i + 1, t)) {
          gain.merge(new AddEdge(q, c.symbol(w, i), t), c.weight(w), Long::sum);
        }
      }
    }
    List<Map.Entry<AddEdge, Long>> ranked = new ArrayList<>(gain.entrySet());
    // most words first; the map's order breaks ties, so the list does not depend on hashing
    ranked.sort((x, y) -> Long.compare(y.getValue(), x.getValue()));
    List<Operation> ops = new ArrayList<>();
    for (int k = 0; k < Math.min(max, ranked.size()); k++) {
      AddEdge add = ranked.get(k).getKey();
      List<Integer> fail = failing.getOrDefault(new AddEdge(add.source, add.symbol, -1), List.of());
      ops.add(new AddEdge(add.source, add.symbol, add.target, merged(fail, tried)));
    }
    return ops;
  }

  /** Candidates by source, symbol, target (the words they list aside). */
  private static final Comparator<AddEdge> ORDER = (x, y) -> x.source != y.source
      ? Integer.compare(x.source, y.source) : x.symbol != y.symbol
      ? Integer.compare(x.symbol, y.symbol) : Integer.compare(x.target, y.target);

  /** The words of two increasing lists without common words, in increasing order. */
  private static int[] merged(List<Integer> x, List<Integer> y) {
    int[] words = new int[x.size() + y.size()];
    int i = 0;
    int j = 0;
    for (int k = 0; k < words.length; k++) {
      words[k] = j == y.size() || i < x.size() && x.get(i) < y.get(j) ? x.get(i++) : y.get(j++);
    }
    return words;
  }

  private static boolean suffixParses(LearnAutomaton a, Corpus c, int w, int from, int state) {
    int q = state;
    for (int i = from; i < c.length(w); i++) {
      int e = step(a, q, c.symbol(w, i), c.value(w, i));
      if (e < 0) {
        return false;
      }
      q = a.edge(e).target();
    }
    return q == LearnAutomaton.END;
  }
}
