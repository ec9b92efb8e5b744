package org.tadam.learner.score;

import java.util.Arrays;
import java.util.Comparator;

/** Area under the ROC curve by the Mann–Whitney statistic (ties count one half). */
public final class AuRoc {
  private AuRoc() {
  }

  /**
   * @param scores higher = more anomalous
   * @param anomalous the labels (true = positive)
   * @return the AU-ROC, NaN when one class is empty
   */
  public static double of(double[] scores, boolean[] anomalous) {
    Integer[] order = new Integer[scores.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
    double rankSumPositive = 0;
    long positives = 0;
    int i = 0;
    while (i < order.length) {
      int j = i;
      while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
        j++;
      }
      double rank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        if (anomalous[order[k]]) {
          rankSumPositive += rank;
          positives++;
        }
      }
      i = j + 1;
    }
    long negatives = scores.length - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    return (rankSumPositive - positives * (positives + 1) / 2.0) / (positives * (double) negatives);
  }
}
