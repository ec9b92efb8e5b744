package org.tadam.eval.report;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's plots, drawn by XChart into PNG bytes (no display needed). Numeric metrics are
 * drawn as empirical CDFs (the Kolmogorov-Smirnov statistic is their largest vertical gap, the
 * Wasserstein distance the area between them), on a logarithmic axis when every value is positive;
 * categories as bars of their share on each side.
 */
final class Charts {
  private static final int WIDTH = 460;
  private static final int HEIGHT = 300;
  /** Points per CDF line: enough for the eye, small PNGs. */
  private static final int POINTS = 300;
  static final Color REAL = new Color(0x1f, 0x77, 0xb4);
  static final Color GENERATED = new Color(0xd6, 0x27, 0x28);

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private Charts() {
  }

  /** Empirical CDFs of real and generated values. */
  static byte[] cdf(String title, String unit, double[] real, double[] generated) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(unit)
        .yAxisTitle("share <= x").build();
    Styler styler = chart.getStyler();
    style(styler);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
    boolean positive = Arrays.stream(real).allMatch(v -> v > 0) && Arrays.stream(generated).allMatch(v -> v > 0);
    chart.getStyler().setXAxisLogarithmic(positive);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisMax(1.0);
    chart.getStyler().setYAxisDecimalPattern("0.0");
    add(chart, "real", real, REAL);
    add(chart, "generated", generated, GENERATED);
    return png(chart);
  }

  /** Shares of the most frequent categories (by their larger share), side by side. */
  static byte[] bars(String title, Map<String, Long> real, Map<String, Long> generated, int top) {
    double nr = Math.max(1, real.values().stream().mapToLong(Long::longValue).sum());
    double ng = Math.max(1, generated.values().stream().mapToLong(Long::longValue).sum());
    TreeSet<String> all = new TreeSet<>(real.keySet());
    all.addAll(generated.keySet());
    List<String> keys = new ArrayList<>(all);
    keys.sort(Comparator.comparingDouble((String k) -> -Math.max(real.getOrDefault(k, 0L) / nr,
        generated.getOrDefault(k, 0L) / ng)).thenComparing(Comparator.naturalOrder()));
    keys = keys.subList(0, Math.min(top, keys.size()));
    List<String> names = keys.stream().map(k -> k.length() > 28 ? k.substring(0, 27) + "…" : k).toList();
    CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT + 60).title(title).yAxisTitle("share").build();
    style(chart.getStyler());
    chart.getStyler().setXAxisLabelRotation(60);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    chart.getStyler().setSeriesColors(new Color[] {REAL, GENERATED});
    chart.getStyler().setYAxisDecimalPattern("0.00");
    chart.addSeries("real", unique(names), keys.stream().map(k -> real.getOrDefault(k, 0L) / nr).toList());
    chart.addSeries("generated", unique(names), keys.stream().map(k -> generated.getOrDefault(k, 0L) / ng).toList());
    return png(chart);
  }

  private static void style(Styler styler) {
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBorderVisible(false);
    styler.setChartTitleBoxVisible(false);
    styler.setLegendBorderColor(Color.LIGHT_GRAY);
    styler.setAntiAlias(true);
  }

  private static void add(XYChart chart, String name, double[] values, Color color) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    int points = Math.min(n, POINTS);
    double[] x = new double[points];
    double[] y = new double[points];
    for (int i = 0; i < points; i++) {
      // evenly spaced ranks, the last one included: the curve ends at 1
      int rank = points == 1 ? n - 1 : (int) Math.round((double) i * (n - 1) / (points - 1));
      x[i] = sorted[rank];
      y[i] = (rank + 1.0) / n;
    }
    XYSeries s = chart.addSeries(name, x, y);
    s.setMarker(SeriesMarkers.NONE);
    s.setLineColor(color);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
  }

  /** Cut names may collide; XChart needs distinct categories. */
  private static List<String> unique(List<String> names) {
    List<String> out = new ArrayList<>();
    for (String n : names) {
      String u = n;
      for (int i = 2; out.contains(u); i++) {
        u = n + " (" + i + ")";
      }
      out.add(u);
    }
    return out;
  }

  private static byte[] png(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) {
    try {
      return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
