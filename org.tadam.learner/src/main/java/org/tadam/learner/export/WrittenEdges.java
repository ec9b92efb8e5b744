package org.tadam.learner.export;

import java.util.ArrayList;
import java.util.List;
import org.tadam.learner.automaton.Edge;
import org.tadam.learner.automaton.LearnAutomaton;

/**
 * Which learned edge each edge of a written model is: {@link ModelExporter} writes the edges in
 * {@link CanonicalOrder}, so edge i of the model is the i-th edge of that order. Lets a learned
 * model be compared with the model it wrote, edge by edge (e.g. the per-word costs).
 */
public final class WrittenEdges {
  private WrittenEdges() {
  }

  /** The learner's edge ids in the order the exported model lists its edges. */
  public static int[] of(LearnAutomaton a) {
    List<Edge> ordered = new ArrayList<>();
    CanonicalOrder.numberStates(a, ordered);
    int[] ids = new int[ordered.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = ordered.get(i).id();
    }
    return ids;
  }
}
