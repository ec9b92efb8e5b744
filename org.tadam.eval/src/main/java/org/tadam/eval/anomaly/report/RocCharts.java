package org.tadam.eval.anomaly.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.tadam.eval.anomaly.RocCurve;

/** ROC curves of one attack label, one line per detector, drawn by XChart into PNG bytes (headless). */
final class RocCharts {
  private static final int WIDTH = 440;
  private static final int HEIGHT = 360;
  /** One colour per detector, in the report's column order. */
  private static final Color[] COLORS = {new Color(0xd6, 0x27, 0x28), new Color(0xff, 0x7f, 0x0e),
      new Color(0x1f, 0x77, 0xb4), new Color(0x2c, 0xa0, 0x2c), new Color(0x94, 0x67, 0xbd), new Color(0x8c, 0x56, 0x4b)};

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private RocCharts() {
  }

  static byte[] png(String title, List<String> detectors, List<RocCurve> curves) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("false-positive rate")
        .yAxisTitle("true-positive rate").build();
    Styler styler = chart.getStyler();
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBorderVisible(false);
    styler.setChartTitleBoxVisible(false);
    styler.setLegendPosition(Styler.LegendPosition.InsideSE);
    styler.setLegendBorderColor(Color.LIGHT_GRAY);
    styler.setAntiAlias(true);
    chart.getStyler().setXAxisMin(0.0);
    chart.getStyler().setXAxisMax(1.0);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisMax(1.0);
    chart.getStyler().setXAxisDecimalPattern("0.0");
    chart.getStyler().setYAxisDecimalPattern("0.0");
    XYSeries chance = chart.addSeries("chance", new double[] {0, 1}, new double[] {0, 1});
    chance.setMarker(SeriesMarkers.NONE);
    chance.setLineColor(Color.LIGHT_GRAY);
    chance.setLineStyle(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
    chance.setShowInLegend(false);
    for (int d = 0; d < curves.size(); d++) {
      RocCurve c = curves.get(d);
      if (!c.defined()) {
        continue;
      }
      XYSeries s = chart.addSeries(String.format(java.util.Locale.ROOT, "%s (%.3f)", detectors.get(d), c.area()),
          c.falsePositives(), c.truePositives());
      s.setMarker(SeriesMarkers.NONE);
      s.setLineColor(COLORS[d % COLORS.length]);
      s.setLineWidth(d == 0 ? 2.5f : 1.5f);
    }
    try {
      return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
