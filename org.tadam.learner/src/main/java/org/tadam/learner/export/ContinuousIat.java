package org.tadam.learner.export;

import java.util.List;
import org.tadam.capture.word.TimedWord;
import org.tadam.capture.word.ValueQuantisation;
import org.tadam.learner.automaton.Corpus;
import org.tadam.learner.automaton.Edge;
import org.tadam.learner.stats.Gaussian;

/**
 * An edge's Gaussian fitted on its letters' inter-arrival times themselves, in the iat unit but not rounded to its
 * integers (the size as the learner has it). The search scores integer cells of 0.1 decade, 26 % of time wide; the
 * cell's width is what a generator then drew: the 40 ms delayed ACKs of 120 loopback SMTP sessions, all between
 * 40.9 and 44.8 ms, fall in one cell, which spans 35.5 to 44.7 ms. Fitted on the times, the Gaussian says where in
 * the cell they lie, and a model marks it ({@code values iat decilog-us continuous}) so that a generator draws its
 * times as they are.
 */
final class ContinuousIat {
  private final List<TimedWord> samples;
  private final Corpus corpus;
  private final ValueQuantisation quantisation;
  /** Per training connection, made when first needed: the unrounded iat value of each of its letters. */
  private final double[][] times;

  private ContinuousIat(List<TimedWord> samples, Corpus corpus, ValueQuantisation quantisation) {
    this.samples = samples;
    this.corpus = corpus;
    this.quantisation = quantisation;
    this.times = new double[samples.size()][];
  }

  /**
   * The fits for training connections read from captures, with their packets' times; null when a quantisation is
   * not known or some connection came without its packets (a word file), whose letters keep only their integers.
   */
  static ContinuousIat of(List<TimedWord> samples, Corpus corpus, ValueQuantisation quantisation) {
    if (quantisation == null || samples.isEmpty()) {
      return null;
    }
    for (TimedWord w : samples) {
      if (w.connection() == null || w.connection().packets().size() < w.letters().size()) {
        return null;
      }
    }
    return new ContinuousIat(samples, corpus, quantisation);
  }

  /**
   * The Gaussian over [iat, size] of the letters edge {@code e} explains, fitted as the learner fits one
   * ({@link Gaussian#fit}) but on unrounded iat values; {@code cellFit} (the learner's) when the edge explains
   * none.
   */
  Gaussian fit(Edge e, Gaussian cellFit) {
    if (cellFit.dimension() != 2) {
      return cellFit;
    }
    long n = 0;
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    double syy = 0;
    for (int i = 0; i < e.occurrenceCount(); i++) {
      int position = Edge.position(e.occurrence(i));
      for (int member : corpus.members(Edge.word(e.occurrence(i)))) {
        double x = times(member)[position];
        double y = samples.get(member).values().get(position)[1];
        n++;
        sx += x;
        sy += y;
        sxx += x * x;
        sxy += x * y;
        syy += y * y;
      }
    }
    if (n == 0) {
      return cellFit;
    }
    double[] mean = { sx / n, sy / n };
    double[] cov = n <= 1 ? new double[] { Gaussian.VARIANCE_FLOOR, 0, Gaussian.VARIANCE_FLOOR }
        : new double[] { (sxx - sx * sx / n) / (n - 1) + Gaussian.VARIANCE_FLOOR, (sxy - sx * sy / n) / (n - 1),
            (syy - sy * sy / n) / (n - 1) + Gaussian.VARIANCE_FLOOR };
    return new Gaussian(mean, cov);
  }

  /** The unrounded iat values of a training connection's letters, as TimedWord rounds them. */
  private double[] times(int sample) {
    if (times[sample] == null) {
      TimedWord w = samples.get(sample);
      double[] t = new double[w.letters().size()];
      long previous = w.connection().startNanos();
      for (int i = 0; i < t.length; i++) {
        long at = w.connection().packets().get(i).timestampNanos();
        t[i] = quantisation.unroundedIat(at - previous);
        previous = Math.max(previous, at);
      }
      times[sample] = t;
    }
    return times[sample];
  }
}
