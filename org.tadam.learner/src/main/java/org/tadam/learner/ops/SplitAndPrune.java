package org.tadam.learner.ops;

import java.util.ArrayList;
import java.util.List;
import org.tadam.learner.automaton.IntList;
import org.tadam.learner.automaton.LearnAutomaton;

/**
 * A node split followed by the deletion of the sub-parts it leaves nearly empty, scored as one
 * candidate. Undoing a merge the greedy made early (while the automaton was still full of noisy
 * variants) is a split whose leftovers — e.g. the self-loop that now carries only duplicated
 * letters — cost a whole edge until a later deletion; one step at a time the split never pays, so
 * the greedy would never see the cheaper automaton two steps away.
 *
 * <p>An out-edge of a split state is deleted when it carries at most {@link #FRACTION} of the
 * letters leaving that state, is not its only out-edge, and is a deletion candidate under the
 * search's rules ({@link DeleteSubpart#candidates}: never the last matched word, never more than
 * {@code maxFraction} of the letters, never below the coverage floor {@code minCoverage}).
 */
public record SplitAndPrune(SplitNode split, double maxFraction, double minCoverage)
    implements Operation {
  public static final double FRACTION = 0.05;

  @Override
  public void apply(LearnAutomaton a) {
    int firstNew = a.stateSlots();
    long floor = DeleteSubpart.coverageFloor(a, minCoverage);
    split.apply(a);
    List<Integer> states = new ArrayList<>();
    states.add(split.state());
    for (int q = firstNew; q < a.stateSlots(); q++) {
      states.add(q);
    }
    for (int q : states) {
      if (!a.stateAlive(q)) {
        continue;
      }
      IntList out = a.out(q);
      long total = 0;
      for (int j = 0; j < out.size(); j++) {
        total += a.edge(out.get(j)).count();
      }
      for (int id : out.toArray()) {
        if (a.edge(id).alive() && a.out(q).size() > 1 && a.edge(id).count() <= FRACTION * total
            && DeleteSubpart.allowed(a, id, maxFraction, DeleteSubpart.matchedWeight(a), floor)) {
          new DeleteSubpart(id).apply(a);
        }
      }
    }
  }

  @Override
  public String describe() {
    return split.describe() + " and prune";
  }

  /** The pruned variant of each node-split candidate. */
  public static List<Operation> candidates(List<Operation> splits, double maxFraction,
      double minCoverage) {
    List<Operation> ops = new ArrayList<>();
    for (Operation op : splits) {
      ops.add(new SplitAndPrune((SplitNode) op, maxFraction, minCoverage));
    }
    return ops;
  }
}
