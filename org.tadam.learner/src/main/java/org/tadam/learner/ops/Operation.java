package org.tadam.learner.ops;

import org.tadam.learner.automaton.LearnAutomaton;

/**
 * One candidate change of the automaton. Applying is deterministic: the same operation on equal
 * automata gives equal automata (worker replicas rely on it).
 */
public interface Operation {
  void apply(LearnAutomaton a);

  /** Short text for logs and progress, e.g. "merge 3 7". */
  String describe();
}
