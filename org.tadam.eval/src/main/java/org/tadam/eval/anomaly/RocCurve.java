package org.tadam.eval.anomaly;

import java.util.Arrays;

/**
 * The ROC curve of anomaly scores (higher = more anomalous) of normal and attack connections: one
 * point per distinct score, from the highest threshold down, so that tied scores make one diagonal
 * step. Its area by the trapezoid rule is the Mann–Whitney statistic, ties counting one half.
 *
 * @param falsePositives false-positive rates, from 0 to 1
 * @param truePositives true-positive rates, from 0 to 1
 * @param area the area under the curve; NaN when either side is empty (undefined)
 */
public record RocCurve(double[] falsePositives, double[] truePositives, double area) {

  public static RocCurve of(double[] normal, double[] attack) {
    if (normal.length == 0 || attack.length == 0) {
      return new RocCurve(new double[0], new double[0], Double.NaN);
    }
    double[] n = normal.clone();
    double[] a = attack.clone();
    Arrays.sort(n);
    Arrays.sort(a);
    int i = n.length;
    int j = a.length;
    int points = 1;
    double[] fpr = new double[n.length + a.length + 1];
    double[] tpr = new double[fpr.length];
    double area = 0;
    while (i > 0 || j > 0) {
      double threshold = Math.max(i > 0 ? n[i - 1] : Double.NEGATIVE_INFINITY, j > 0 ? a[j - 1] : Double.NEGATIVE_INFINITY);
      while (i > 0 && n[i - 1] == threshold) {
        i--;
      }
      while (j > 0 && a[j - 1] == threshold) {
        j--;
      }
      fpr[points] = (n.length - i) / (double) n.length;
      tpr[points] = (a.length - j) / (double) a.length;
      area += (fpr[points] - fpr[points - 1]) * (tpr[points] + tpr[points - 1]) / 2;
      points++;
    }
    return new RocCurve(Arrays.copyOf(fpr, points), Arrays.copyOf(tpr, points), area);
  }

  public boolean defined() {
    return !Double.isNaN(area);
  }
}
