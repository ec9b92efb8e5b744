package org.tadam.eval.anomaly.labels;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.tadam.eval.EvalException;

/**
 * Labels of the words of a word file, for the benchmark on words that have no connection (e.g. the
 * ground-truth words of {@code ../shared/data/tadam-bench}): one row per word, two tab-separated columns
 * {@code word label}, where {@code word} is the word's 1-based number in the test word file (its line
 * number when the file has no blank or comment lines, as the reference implementation's files). An
 * optional header row starting with {@code word}, blank lines and lines starting with {@code #} are
 * skipped. A row that does not parse, names a word the file does not have or labels a word twice stops
 * the reading with the labels file and line named; words without a row are left unlabelled (and counted
 * by the report).
 */
public final class WordLabelFile {
  /** The columns, in order, as the header names them. */
  public static final String COLUMNS = "word label";

  private WordLabelFile() {
  }

  /**
   * @param words how many words the test file holds
   * @return the label of each word, in file order; null where no row names it
   */
  public static List<String> read(Path file, int words) throws EvalException {
    List<String> lines = LabelFile.lines(file);
    List<String> labels = new ArrayList<>(Collections.nCopies(words, (String) null));
    boolean first = true;
    for (int n = 0; n < lines.size(); n++) {
      String text = lines.get(n);
      if (text.isBlank() || text.startsWith("#")) {
        continue;
      }
      boolean header = first && text.startsWith("word\t");
      first = false;
      if (header) {
        continue;
      }
      String[] c = text.split("\t", -1);
      String where = file + ":" + (n + 1) + ": ";
      if (c.length != 2) {
        throw new EvalException(where + "expected 2 tab-separated columns (" + COLUMNS + "), found " + c.length);
      }
      int word;
      try {
        word = Integer.parseInt(c[0].trim());
      } catch (NumberFormatException e) {
        throw new EvalException(where + "word must be a whole number, not '" + c[0] + "'");
      }
      if (word < 1 || word > words) {
        throw new EvalException(where + "word " + word + " is not in the test word file (" + words + " words)");
      }
      String label = c[1].trim();
      if (label.isEmpty() || label.chars().anyMatch(Character::isWhitespace)) {
        throw new EvalException(where + "the label must be one word, not '" + c[1] + "'");
      }
      if (labels.get(word - 1) != null) {
        throw new EvalException(where + "word " + word + " is labelled twice");
      }
      labels.set(word - 1, label);
    }
    return labels;
  }
}
