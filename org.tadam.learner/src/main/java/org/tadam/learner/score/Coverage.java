package org.tadam.learner.score;

import java.util.BitSet;
import java.util.List;
import org.tadam.capture.word.TimedWord;
import org.tadam.model.Automaton;

/**
 * How much of its traffic a model explains: the words it parses without any noise operation (a
 * finite log-likelihood), as {@code tadam score} judges them. A learned model records this for its
 * training connections in its provenance ({@code connections N parsed K}).
 */
public final class Coverage {
  private Coverage() {
  }

  /** The number of words the model parses without noise operations. */
  public static int parsed(Automaton model, List<TimedWord> words) {
    return parsedWords(model, words).cardinality();
  }

  /** The indices of the words the model parses without noise operations. */
  public static BitSet parsedWords(Automaton model, List<TimedWord> words) {
    WordScorer scorer = new WordScorer(model);
    BitSet parsed = new BitSet();
    for (int i = 0; i < words.size(); i++) {
      if (scorer.parses(words.get(i).symbols())) {
        parsed.set(i);
      }
    }
    return parsed;
  }
}
