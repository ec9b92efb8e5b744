package org.tadam.learner.ops;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.tadam.learner.automaton.IntList;
import org.tadam.learner.automaton.LearnAutomaton;

/** Merge two states, then determinise recursively (Part A §1.7 a). */
public record MergeStates(int first, int second) implements Operation {

  @Override
  public void apply(LearnAutomaton a) {
    Determiniser.merge(a, first, second);
  }

  @Override
  public String describe() {
    return "merge " + first + " " + second;
  }

  /** All pairs of non-end states that share an outgoing symbol (others cannot gain). */
  public static List<Operation> candidates(LearnAutomaton a) {
    List<Integer> states = new ArrayList<>();
    List<BitSet> symbols = new ArrayList<>();
    for (int q = 0; q < a.stateSlots(); q++) {
      if (!a.stateAlive(q) || q == LearnAutomaton.END) {
        continue;
      }
      BitSet s = new BitSet();
      IntList out = a.out(q);
      for (int j = 0; j < out.size(); j++) {
        s.set(a.edge(out.get(j)).symbol());
      }
      states.add(q);
      symbols.add(s);
    }
    List<Operation> ops = new ArrayList<>();
    for (int i = 0; i < states.size(); i++) {
      for (int j = i + 1; j < states.size(); j++) {
        if (symbols.get(i).intersects(symbols.get(j))) {
          ops.add(new MergeStates(states.get(i), states.get(j)));
        }
      }
    }
    return ops;
  }
}
