package org.tadam.learner.ops;

import java.util.BitSet;
import org.tadam.learner.automaton.LearnAutomaton;

/**
 * Takes chosen matched words off their paths and leaves them to the noise model, as a deletion
 * does with every word through one edge (Part A §1.7 d), but choosing the words by their own codes:
 * those whose best noisy alignment costs less than the path they are on ({@code
 * search.NoisyWords}). A duplicated or swapped letter that happens to parse, on an edge whose law
 * is far from its values, otherwise stays on the path and pays the value floors there: no deletion
 * takes it off alone, since its edge also carries the clean words.
 *
 * @param words the corpus words to release (each matched)
 * @param label what chose them, for logs
 */
public record ReleaseWords(BitSet words, String label) implements Operation {

  @Override
  public void apply(LearnAutomaton a) {
    DeleteSubpart.takeOff(a, words);
  }

  @Override
  public String describe() {
    return "release " + words.cardinality() + " words (" + label + ")";
  }
}
