package org.tadam.learner.ops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.math3.distribution.MixtureMultivariateNormalDistribution;
import org.tadam.learner.automaton.Edge;
import org.tadam.learner.automaton.LearnAutomaton;
import org.tadam.learner.stats.ValueStats;

/**
 * Split an edge into parallel variants of one family, one per mixture component of its values
 * (Part A §1.7 c; BIC instead of the reference's AIC). New letters choose among the variants by
 * probability.
 *
 * @param values the edge's distinct packed values, increasing (the statistics' order)
 * @param groupOf the variant of each of {@code values}
 */
public record SplitEdge(int edge, long[] values, int[] groupOf, int groups) implements Operation {

  @Override
  public void apply(LearnAutomaton a) {
    Edge e = a.edge(edge);
    int[] target = new int[groups];
    target[0] = edge;
    for (int g = 1; g < groups; g++) {
      target[g] = a.newEdge(e.source(), e.target(), e.symbol(), e.family());
    }
    // the letters to move and their variants in two primitive arrays: a list of a new array per
    // letter was a third of what trying a split cost
    int n = e.occurrenceCount();
    long[] moved = new long[n];
    int[] group = new int[n];
    int count = 0;
    for (int i = 0; i < n; i++) {
      long occ = e.occurrence(i);
      int g = groupOf[Arrays.binarySearch(values,
          ValueStats.pack(a.corpus().value(Edge.word(occ), Edge.position(occ))))];
      if (g > 0) {
        moved[count] = occ;
        group[count++] = g;
      }
    }
    for (int i = 0; i < count; i++) {
      a.moveOccurrence(Edge.word(moved[i]), Edge.position(moved[i]), target[group[i]]);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SplitEdge s && edge == s.edge && groups == s.groups
        && Arrays.equals(values, s.values) && Arrays.equals(groupOf, s.groupOf);
  }

  @Override
  public int hashCode() {
    return (edge * 31 + Arrays.hashCode(values)) * 31 + Arrays.hashCode(groupOf);
  }

  @Override
  public String toString() {
    return describe();
  }

  @Override
  public String describe() {
    return "split edge " + edge + " in " + groups;
  }

  /**
   * Mixture fits per edge, shared by all workers. A fit is reused while the edge's weight stays
   * within 10 % of the weight it was fitted on (deletions of a few noisy words change almost every
   * edge a little; refitting all of them each iteration would dominate the search). Candidates are
   * enumerated on the master automaton only, so the reuse is deterministic.
   */
  public static final class Proposals {
    private static final double REFIT_CHANGE = 0.1;
    private final Map<Integer, Fit> fits = new ConcurrentHashMap<>();
    private final long seed;

    private record Fit(long count, MixtureMultivariateNormalDistribution mixture) {
    }

    public Proposals(long seed) {
      this.seed = seed;
    }

    int[] get(Edge e) {
      Fit fit = fits.get(e.id());
      if (stale(e, fit)) {
        fit = refit(e);
      }
      int[] r = MixtureProposal.assign(fit.mixture(), e.stats());
      return r == null ? new int[0] : r;
    }

    private boolean stale(Edge e, Fit fit) {
      return fit == null || Math.abs(e.stats().count() - fit.count()) > REFIT_CHANGE * fit.count();
    }

    /**
     * Fits the mixture of an edge (any thread: the fit depends on the edge's values and the seed
     * only).
     */
    public void fit(Edge e) {
      refit(e);
    }

    private Fit refit(Edge e) {
      Fit fit = new Fit(e.stats().count(), MixtureProposal.fit(e.stats(), seed));
      fits.put(e.id(), fit);
      return fit;
    }

    /** The splittable edges of {@code a} whose fit is missing or stale: what the candidates will fit. */
    public List<Edge> staleEdges(LearnAutomaton a) {
      List<Edge> todo = new ArrayList<>();
      for (int id = 0; id < a.edgeSlots(); id++) {
        Edge e = a.edge(id);
        if (splittable(e) && stale(e, fits.get(id))) {
          todo.add(e);
        }
      }
      return todo;
    }
  }

  /**
   * Edges (no self-loops, as in the reference) whose values are best explained by 2+ mixture
   * components, and edges with a few outlying values ({@link OutlierProposal}).
   */
  public static List<Operation> candidates(LearnAutomaton a, Proposals proposals) {
    List<Operation> ops = new ArrayList<>();
    for (int id = 0; id < a.edgeSlots(); id++) {
      Edge e = a.edge(id);
      if (!splittable(e)) {
        continue;
      }
      SplitEdge mixture = of(e, proposals.get(e));
      if (mixture != null) {
        ops.add(mixture);
      }
      SplitEdge outliers = of(e, OutlierProposal.assign(e.stats()));
      if (outliers != null && !outliers.equals(mixture)) {
        ops.add(outliers);
      }
    }
    return ops;
  }

  private static boolean splittable(Edge e) {
    return e.alive() && e.source() != e.target() && e.stats().distinct() >= 2;
  }

  /** The split putting each distinct value (in statistics order) into its group, or null. */
  private static SplitEdge of(Edge e, int[] assignment) {
    if (assignment == null || assignment.length == 0) {
      return null;
    }
    long[] values = new long[assignment.length];
    int[] i = {0};
    e.stats().forEach((v, w) -> values[i[0]++] = ValueStats.pack(v));
    int groups = 0;
    for (int g : assignment) {
      groups = Math.max(groups, g + 1);
    }
    return new SplitEdge(e.id(), values, assignment.clone(), groups);
  }
}
