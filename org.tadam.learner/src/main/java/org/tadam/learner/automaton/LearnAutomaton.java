package org.tadam.learner.automaton;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.tadam.learner.stats.CellMassCache;
import org.tadam.learner.stats.ValueStats;

/**
 * The mutable automaton of the search over a fixed {@link Corpus}: states, edges and, for every
 * matched word, the edge of each of its letters. State 0 is initial, state 1 is the single end
 * state. Every change goes through a few primitives which, while a journal is open, record their
 * exact inverse: candidates are applied, scored and rolled back instead of deep-copied.
 */
public final class LearnAutomaton {
  public static final int INITIAL = 0;
  public static final int END = 1;

  private final Corpus corpus;
  private final List<Edge> edges = new ArrayList<>();
  private final List<IntList> out = new ArrayList<>();
  private final List<IntList> in = new ArrayList<>();
  private final List<Boolean> stateAlive = new ArrayList<>();
  private final List<StateBits> stateBits = new ArrayList<>();
  private final int[][] path;
  private final int[][] slot;
  /** the words no longer parsed: a bit per corpus word */
  private final BitSet unmatched;
  /**
   * those words in increasing order, built when asked for and kept until the set changes (null:
   * stale). Every candidate's score reads the list, and most candidates (merges, splits) leave
   * the set alone: copying a sorted set of some 16 000 boxed ids per candidate was 6 % of the
   * 100 000-word run.
   */
  private List<Integer> unmatchedList = List.of();
  private int aliveStates;
  private int aliveEdges;
  private int nextFamily;
  private long matchedLetters;
  private ArrayDeque<Runnable> journal;
  /** the emptied journal of the last commit, reused: a merge records thousands of inverses */
  private ArrayDeque<Runnable> spareJournal;
  /**
   * Changes with every mark and rollback. Within one generation the first change of an edge or a
   * state saves its cached costs for undo; later changes only invalidate them, since a rollback
   * always returns to a mark, before that first save.
   */
  private int generation;

  /** The cached transition code of a state (NaN when stale). */
  private static final class StateBits {
    double bits = Double.NaN;
    int savedIn = -1;

    StateBits copy() {
      StateBits c = new StateBits();
      c.bits = bits;
      return c;
    }
  }

  public LearnAutomaton(Corpus corpus) {
    this.corpus = corpus;
    path = new int[corpus.size()][];
    slot = new int[corpus.size()][];
    unmatched = new BitSet(corpus.size());
    for (int w = 0; w < corpus.size(); w++) {
      path[w] = new int[corpus.length(w)];
      slot[w] = new int[corpus.length(w)];
      Arrays.fill(path[w], -1);
    }
    newState();
    newState();
  }

  /** An exact, independent copy (a worker's replica); the journal is not copied. */
  public LearnAutomaton(LearnAutomaton o) {
    corpus = o.corpus;
    for (Edge e : o.edges) {
      edges.add(new Edge(e));
    }
    for (IntList l : o.out) {
      out.add(new IntList(l));
    }
    for (IntList l : o.in) {
      in.add(new IntList(l));
    }
    stateAlive.addAll(o.stateAlive);
    for (StateBits b : o.stateBits) {
      stateBits.add(b.copy());
    }
    path = new int[o.path.length][];
    slot = new int[o.slot.length][];
    for (int w = 0; w < path.length; w++) {
      path[w] = o.path[w].clone();
      slot[w] = o.slot[w].clone();
    }
    unmatched = (BitSet) o.unmatched.clone();
    unmatchedList = o.unmatchedList;
    aliveStates = o.aliveStates;
    aliveEdges = o.aliveEdges;
    nextFamily = o.nextFamily;
    matchedLetters = o.matchedLetters;
  }

  // ---- journal

  /** Starts recording inverses; returns the mark to roll back to. */
  public int mark() {
    if (journal == null) {
      journal = spareJournal != null ? spareJournal : new ArrayDeque<>();
      spareJournal = null;
    }
    generation++;
    return journal.size();
  }

  /** Undoes every change since the mark. */
  public void rollback(int mark) {
    while (journal.size() > mark) {
      journal.pop().run();
    }
    generation++;
  }

  /** Stops recording (changes become permanent). */
  public void commit() {
    if (journal != null) {
      journal.clear();
      spareJournal = journal;
    }
    journal = null;
  }

  private void record(Runnable undo) {
    if (journal != null) {
      journal.push(undo);
    }
  }

  // ---- reading

  public Corpus corpus() {
    return corpus;
  }

  public int stateSlots() {
    return stateAlive.size();
  }

  public boolean stateAlive(int q) {
    return stateAlive.get(q);
  }

  public int stateCount() {
    return aliveStates;
  }

  public int edgeCount() {
    return aliveEdges;
  }

  public int edgeSlots() {
    return edges.size();
  }

  public Edge edge(int id) {
    return edges.get(id);
  }

  public IntList out(int q) {
    return out.get(q);
  }

  public IntList in(int q) {
    return in.get(q);
  }

  public int edgeAt(int word, int position) {
    return resolve(path[word][position]);
  }

  /**
   * The edge that carries the letters recorded on edge id: while a candidate is scored, the
   * letters of a merged edge keep its id in {@link #path} and the edge forwards to the one that
   * took them ({@link #moveAllOccurrences}).
   */
  private int resolve(int id) {
    while (id >= 0) {
      int next = edges.get(id).forward;
      if (next < 0) {
        return id;
      }
      id = next;
    }
    return id;
  }

  /**
   * Copies the letters of the edges e took without copying them ({@link Edge#absorbed}) to the
   * end of its own list, as a merge outside a journal would have; their slots are then stale.
   */
  private void settle(Edge e) {
    LetterRope absorbed = e.absorbed;
    if (absorbed == null) {
      return;
    }
    int base = e.occurrenceCount;
    int total = base + absorbed.size;
    if (total > e.occurrences.length) {
      e.occurrences = Arrays.copyOf(e.occurrences, Math.max(total, 2 * e.occurrences.length));
    }
    absorbed.copyTo(e.occurrences, base, false);
    e.occurrenceCount = total;
    e.absorbed = null;
    e.slotsStale = true;
    record(() -> {
      e.occurrenceCount = base;
      e.absorbed = absorbed;
    });
  }

  /** Writes the slot of every letter of e again (after letters arrived without theirs). */
  private void renumber(Edge e) {
    for (int i = 0; i < e.occurrenceCount; i++) {
      long occ = e.occurrences[i];
      slot[Edge.word(occ)][Edge.position(occ)] = i;
    }
    e.slotsStale = false;
  }

  public boolean matched(int word) {
    return !unmatched.get(word);
  }

  /**
   * The words no longer parsed, in increasing order: unmodifiable, and unchanged by later changes.
   */
  public List<Integer> unmatched() {
    List<Integer> list = unmatchedList;
    if (list == null) {
      Integer[] words = new Integer[unmatched.cardinality()];
      for (int w = unmatched.nextSetBit(0), i = 0; w >= 0; w = unmatched.nextSetBit(w + 1)) {
        words[i++] = w;
      }
      list = List.of(words);
      unmatchedList = list;
    }
    return list;
  }

  public long matchedLetters() {
    return matchedLetters;
  }

  public int newFamily() {
    int f = nextFamily++;
    record(() -> nextFamily--);
    return f;
  }

  /** Cached transition cost of a state, NaN when stale. */
  public double stateBits(int q) {
    return stateBits.get(q).bits;
  }

  public void setStateBits(int q, double bits) {
    stateBits.get(q).bits = bits;
  }

  public void setEdgeBits(Edge e, double valueBits, double parameterBits) {
    e.valueBits = valueBits;
    e.parameterBits = parameterBits;
  }

  public double edgeValueBits(Edge e) {
    return e.valueBits;
  }

  public double edgeParameterBits(Edge e) {
    return e.parameterBits;
  }

  // ---- primitives

  public int newState() {
    int q = stateAlive.size();
    stateAlive.add(true);
    out.add(new IntList());
    in.add(new IntList());
    stateBits.add(new StateBits());
    aliveStates++;
    record(() -> {
      stateAlive.remove(q);
      out.remove(q);
      in.remove(q);
      stateBits.remove(q);
      aliveStates--;
    });
    return q;
  }

  /** Removes a state that has no edges left. */
  public void killState(int q) {
    if (out.get(q).size() > 0 || in.get(q).size() > 0 || q == INITIAL || q == END) {
      throw new IllegalStateException("state " + q + " still has edges or is initial/end");
    }
    stateAlive.set(q, false);
    aliveStates--;
    record(() -> {
      stateAlive.set(q, true);
      aliveStates++;
    });
  }

  public int newEdge(int source, int target, int symbol, int family) {
    int id = edges.size();
    Edge made = new Edge(id, source, target, symbol, family, corpus.dimension());
    made.madeIn = journal != null ? generation : -1;
    edges.add(made);
    out.get(source).add(id);
    in.get(target).add(id);
    aliveEdges++;
    touchState(source);
    record(() -> {
      edges.remove(id);
      out.get(source).remove(id);
      in.get(target).remove(id);
      aliveEdges--;
    });
    return id;
  }

  /** Removes an edge that explains no letter any more. */
  public void killEdge(int id) {
    Edge e = edges.get(id);
    if (e.occurrenceCount() > 0) {
      throw new IllegalStateException("edge " + id + " still carries letters");
    }
    touchState(e.source);
    e.alive = false;
    out.get(e.source).remove(id);
    in.get(e.target).remove(id);
    aliveEdges--;
    record(() -> {
      e.alive = true;
      out.get(e.source).add(id);
      in.get(e.target).add(id);
      aliveEdges++;
    });
  }

  public void setEnds(int id, int source, int target) {
    Edge e = edges.get(id);
    int oldSource = e.source;
    int oldTarget = e.target;
    if (oldSource == source && oldTarget == target) {
      return;
    }
    touchState(oldSource);
    touchState(source);
    relink(e, source, target);
    record(() -> relink(e, oldSource, oldTarget));
  }

  /**
   * Puts every edge of state {@code gone} on state {@code kept} instead (each end at gone becomes
   * kept), as {@link #setEnds} edge by edge would, with one merge of the sorted edge lists: merging
   * into a state with many edges then costs no insertion per edge. Touches the states setEnds
   * would: the source of every edge into gone, and gone and kept when an edge leaves gone.
   */
  public void redirectState(int gone, int kept) {
    if (gone == kept) {
      return;
    }
    IntList goneIn = in.get(gone);
    IntList goneOut = out.get(gone);
    IntList keptIn = in.get(kept);
    IntList keptOut = out.get(kept);
    int[] inIds = goneIn.toArray();
    int[] outIds = goneOut.toArray();
    int[] oldSources = new int[inIds.length];
    for (int i = 0; i < inIds.length; i++) {
      Edge e = edges.get(inIds[i]);
      oldSources[i] = e.source;
      if (e.source != gone) {
        touchState(e.source);
      }
    }
    if (outIds.length > 0) {
      touchState(gone);
      touchState(kept);
    }
    // before any end changes: a loop on gone is in both lists
    int[] oldTargets = new int[outIds.length];
    for (int i = 0; i < outIds.length; i++) {
      oldTargets[i] = edges.get(outIds[i]).target;
    }
    for (int id : inIds) {
      Edge e = edges.get(id);
      e.target = kept;
      if (e.source == gone) {
        e.source = kept;
      }
    }
    for (int id : outIds) {
      Edge e = edges.get(id);
      e.source = kept;
      if (e.target == gone) {
        e.target = kept;
      }
    }
    in.set(kept, IntList.union(keptIn, goneIn));
    out.set(kept, IntList.union(keptOut, goneOut));
    in.set(gone, new IntList());
    out.set(gone, new IntList());
    record(() -> {
      for (int i = 0; i < inIds.length; i++) {
        Edge e = edges.get(inIds[i]);
        e.source = oldSources[i];
        e.target = gone;
      }
      for (int i = 0; i < outIds.length; i++) {
        Edge e = edges.get(outIds[i]);
        e.source = gone;
        e.target = oldTargets[i];
      }
      in.set(kept, keptIn);
      out.set(kept, keptOut);
      in.set(gone, goneIn);
      out.set(gone, goneOut);
    });
  }

  private void relink(Edge e, int source, int target) {
    out.get(e.source).remove(e.id);
    in.get(e.target).remove(e.id);
    e.source = source;
    e.target = target;
    out.get(source).add(e.id);
    in.get(target).add(e.id);
  }

  public void setFamily(int id, int family) {
    Edge e = edges.get(id);
    int old = e.family;
    e.family = family;
    record(() -> e.family = old);
  }

  /** Puts letter (word, position) on an edge; the letter must be on no edge. */
  public void addOccurrence(int word, int position, int edgeId) {
    Edge e = edges.get(edgeId);
    if (e.forward >= 0) {
      // its letters' paths name it and mean the edge it forwards to
      throw new IllegalStateException("edge " + edgeId + " was merged into edge " + e.forward);
    }
    settle(e);
    touchEdge(e);
    touchState(e.source);
    if (e.occurrenceCount == e.occurrences.length) {
      e.occurrences = Arrays.copyOf(e.occurrences, e.occurrenceCount * 2);
    }
    slot[word][position] = e.occurrenceCount;
    e.occurrences[e.occurrenceCount++] = Edge.pack(word, position);
    path[word][position] = edgeId;
    long wt = corpus.weight(word);
    e.stats.add(corpus.value(word, position), wt);
    matchedLetters += wt;
    if (journal != null && e.madeIn == generation) {
      // e was made since the last mark, so whatever rollback undoes this drops e too (marks still
      // valid are no later than that): its letters and statistics need no undoing, only the
      // letter's path and the matched count do (edge and node splits put thousands of letters on
      // new edges: taking each value off again was 3 % of the 100 000-word run's samples)
      record(() -> {
        path[word][position] = -1;
        matchedLetters -= wt;
      });
      return;
    }
    record(() -> {
      e.occurrenceCount--;
      path[word][position] = -1;
      e.stats.remove(corpus.value(word, position), wt);
      matchedLetters -= wt;
    });
  }

  /** Takes letter (word, position) off its edge (swap with the last occurrence; undone exactly). */
  public void removeOccurrence(int word, int position) {
    int recorded = path[word][position];
    int edgeId = resolve(recorded);
    Edge e = edges.get(edgeId);
    settle(e);
    if (e.slotsStale) {
      renumber(e);
    }
    touchEdge(e);
    touchState(e.source);
    int at = slot[word][position];
    int last = e.occurrenceCount - 1;
    long moved = e.occurrences[last];
    e.occurrences[at] = moved;
    slot[Edge.word(moved)][Edge.position(moved)] = at;
    e.occurrenceCount--;
    path[word][position] = -1;
    long wt = corpus.weight(word);
    e.stats.remove(corpus.value(word, position), wt);
    matchedLetters -= wt;
    record(() -> {
      e.occurrences[last] = moved;
      slot[Edge.word(moved)][Edge.position(moved)] = last;
      e.occurrences[at] = Edge.pack(word, position);
      slot[word][position] = at;
      e.occurrenceCount++;
      path[word][position] = recorded;
      e.stats.add(corpus.value(word, position), wt);
      matchedLetters += wt;
    });
  }

  /**
   * Moves every letter of edge {@code fromId} onto edge {@code toId}, in the order that moving them
   * one by one from the last would give, with the statistics summed at once instead of letter by
   * letter (a merge of two loop edges of a long session moves thousands of letters; the
   * statistics are exact longs, so the sums are the same). Both edges' old statistics stay as
   * they are, summed into a new object for {@code toId}, and come back on undo. While a journal
   * is open the letters are not copied and their paths and slots not rewritten (see
   * {@link #resolve} and {@link #settle}).
   */
  public void moveAllOccurrences(int fromId, int toId) {
    Edge from = edges.get(fromId);
    Edge to = edges.get(toId);
    if (fromId == toId) {
      return;
    }
    if (to.forward >= 0) {
      // letters put on a merged-away edge would never be seen again
      throw new IllegalStateException("edge " + toId + " was merged into edge " + to.forward);
    }
    // while a candidate is scored, most merges are rolled back before any letter is looked up:
    // the letters stay where they are, named by fromId in their paths, toId only lists where
    // they are (Edge.absorbed), and the emptied edge forwards to toId
    boolean forwarding = journal != null;
    if (!forwarding) {
      settle(from);
    }
    int n = from.occurrenceCount();
    if (n == 0) {
      return;
    }
    touchEdge(from);
    touchState(from.source);
    touchEdge(to);
    touchState(to.source);
    ValueStats moved = from.stats;
    ValueStats kept = to.stats;
    to.stats = ValueStats.sum(kept, moved);
    from.stats = new ValueStats(moved.dimension());
    if (!forwarding) {
      settle(to);
      int base = to.occurrenceCount;
      if (base + n > to.occurrences.length) {
        to.occurrences = Arrays.copyOf(to.occurrences, Math.max(base + n, to.occurrences.length * 2));
      }
      for (int k = n - 1, at = base; k >= 0; k--, at++) {
        long occ = from.occurrences[k];
        to.occurrences[at] = occ;
        slot[Edge.word(occ)][Edge.position(occ)] = at;
        path[Edge.word(occ)][Edge.position(occ)] = toId;
      }
      to.occurrenceCount = base + n;
      from.occurrenceCount = 0;
      return;
    }
    // from's letters (its own, then what it absorbed) the other way round, after to's
    int own = from.occurrenceCount;
    LetterRope fromAbsorbed = from.absorbed;
    LetterRope toAbsorbed = to.absorbed;
    to.absorbed = LetterRope.concat(toAbsorbed, LetterRope.reverse(
        LetterRope.concat(own > 0 ? LetterRope.prefix(from.occurrences, own) : null, fromAbsorbed)));
    from.occurrenceCount = 0;
    from.absorbed = null;
    from.forward = toId;
    record(() -> {
      // the letters' paths still name fromId (or edges forwarding to it); their slots may have
      // been renumbered on toId since
      to.absorbed = toAbsorbed;
      from.forward = -1;
      from.slotsStale = true;
      from.occurrenceCount = own;
      from.absorbed = fromAbsorbed;
      to.stats = kept;
      from.stats = moved;
    });
  }

  public void moveOccurrence(int word, int position, int edgeId) {
    removeOccurrence(word, position);
    addOccurrence(word, position, edgeId);
  }

  /** Marks a word as parsed again (its letters must already be on their edges). */
  public void match(int word) {
    if (unmatched.get(word)) {
      List<Integer> list = unmatchedList;
      unmatched.clear(word);
      unmatchedList = null;
      record(() -> {
        unmatched.set(word);
        unmatchedList = list;
      });
    }
  }

  /** Marks a word as no longer parsed (its letters must already be off their edges). */
  public void unmatch(int word) {
    if (!unmatched.get(word)) {
      List<Integer> list = unmatchedList;
      unmatched.set(word);
      unmatchedList = null;
      record(() -> {
        unmatched.clear(word);
        unmatchedList = list;
      });
    }
  }

  /**
   * Invalidates the cached statistics-derived values of an edge. The old values are restored on
   * undo even when they were already stale, because scoring refreshes caches without journaling;
   * they are saved at the edge's first change in a generation only.
   */
  private void touchEdge(Edge e) {
    if (journal == null || e.savedIn == generation) {
      clearCaches(e);
      return;
    }
    e.savedIn = generation;
    double vb = e.valueBits;
    double pb = e.parameterBits;
    var g = e.gaussian;
    var cache = e.cellCache;
    var idBits = e.idBits;
    clearCaches(e);
    record(() -> {
      e.valueBits = vb;
      e.parameterBits = pb;
      e.gaussian = g;
      e.cellCache = cache;
      e.idBits = idBits;
    });
  }

  private static void clearCaches(Edge e) {
    e.valueBits = Double.NaN;
    e.parameterBits = Double.NaN;
    e.gaussian = null;
    e.cellCache = null;
    e.idBits = null;
  }

  private void touchState(int q) {
    StateBits b = stateBits.get(q);
    if (journal == null || b.savedIn == generation) {
      b.bits = Double.NaN;
      return;
    }
    b.savedIn = generation;
    double old = b.bits;
    b.bits = Double.NaN;
    record(() -> b.bits = old);
  }
}
