package dev.rigor.report;

import dev.rigor.stats.VarianceCurve;
import dev.rigor.stats.VariancePoint;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The variance-vs-n chart of {@code rigor variance --plot}: two panels sharing the n axis — the CV of
 * the mean and the relative CI half-width — one line per group with its 10–90% band, the threshold as a
 * dashed line, and the region beyond the observed runs shaded (extrapolated). A pure function of its
 * data: it returns PNG bytes; the caller owns the file.
 */
public final class VarianceChart {

  /** One group's curve. */
  public record Curve(String label, VarianceCurve curve) {}

  private static final Color[] PALETTE = {
    new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
    new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)
  };

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private VarianceChart() {}

  /**
   * The chart as PNG.
   *
   * @param metric the metric's label, for the title
   * @param threshold the relative precision asked for (a fraction, e.g. 0.05)
   */
  public static byte[] png(String metric, double threshold, List<Curve> curves, int width, int height) {
    if (curves.isEmpty()) {
      throw new IllegalArgumentException("no curve to plot");
    }
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new NumberAxis("runs n"));
    plot.add(panel(curves, threshold, true), 1);
    plot.add(panel(curves, threshold, false), 1);
    plot.setGap(12);
    JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    chart.setTitle(new TextTitle("How precise is the mean of n runs? " + metric));
    chart.addSubtitle(new TextTitle(String.format(Locale.ROOT,
        "lines: bootstrap estimate · bands: 10–90%% of what one n-run experiment would see · dashed: threshold %s · shaded: beyond the observed runs",
        percent(threshold))));
    chart.setBackgroundPaint(Color.WHITE);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ChartUtils.writeChartAsPNG(out, chart, width, height);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static XYPlot panel(List<Curve> curves, double threshold, boolean cv) {
    // A log axis keeps the threshold readable next to n = 2, where t(1) = 12.7 makes half-widths huge;
    // zero spread (a constant metric) is drawn at the floor.
    double floor = 100 * threshold / 1000;
    XYPlot plot = new XYPlot(data(curves, cv, floor), null, axis(cv, floor), renderer(curves.size(), cv));
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    plot.addRangeMarker(thresholdMarker(threshold));
    int observed = curves.stream().mapToInt(c -> c.curve().sampleSize()).min().orElse(0);
    int maxN = curves.stream().mapToInt(c -> c.curve().points().size() + 1).max().orElse(2);
    if (observed < maxN) {
      plot.addDomainMarker(new IntervalMarker(observed, maxN, new Color(0, 0, 0, 18)), Layer.BACKGROUND);
    }
    return plot;
  }

  /** Percentages, each line with its band; values under {@code floor} drawn at it. */
  private static YIntervalSeriesCollection data(List<Curve> curves, boolean cv, double floor) {
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    for (Curve c : curves) {
      YIntervalSeries s = new YIntervalSeries(c.label());
      for (VariancePoint p : c.curve().points()) {
        double y = cv ? p.cvOfMean() : p.relativeHalfWidth();
        double lo = cv ? p.cvLower() : p.halfWidthLower();
        double hi = cv ? p.cvUpper() : p.halfWidthUpper();
        if (Double.isFinite(y) && Double.isFinite(lo) && Double.isFinite(hi)) {
          s.add(p.n(), Math.max(floor, 100 * y), Math.max(floor, 100 * lo), Math.max(floor, 100 * hi));
        }
      }
      data.addSeries(s);
    }
    return data;
  }

  private static LogAxis axis(boolean cv, double floor) {
    LogAxis axis = new LogAxis(cv ? "CV of the mean (%, log scale)" : "CI half-width / mean (%, log scale)");
    axis.setSmallestValue(floor);
    DecimalFormat decimals = new DecimalFormat("0.###", DecimalFormatSymbols.getInstance(Locale.ROOT));
    axis.setNumberFormatOverride(decimals);
    axis.setAutoTickUnitSelection(false);
    axis.setTickUnit(new NumberTickUnit(1, decimals, 9));
    axis.setMinorTickMarksVisible(true);
    return axis;
  }

  /** Lines with translucent bands; the legend once, on the first panel. */
  private static DeviationRenderer renderer(int series, boolean legend) {
    DeviationRenderer renderer = new DeviationRenderer(true, false);
    renderer.setDefaultSeriesVisibleInLegend(legend);
    for (int i = 0; i < series; i++) {
      Color color = PALETTE[i % PALETTE.length];
      renderer.setSeriesPaint(i, color);
      renderer.setSeriesFillPaint(i, color);
      renderer.setSeriesStroke(i, new BasicStroke(2f));
    }
    renderer.setAlpha(0.15f);
    return renderer;
  }

  private static ValueMarker thresholdMarker(double threshold) {
    ValueMarker m = new ValueMarker(100 * threshold, Color.DARK_GRAY,
        new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    m.setLabel("threshold " + percent(threshold));
    m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
    m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
    return m;
  }

  private static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.4g%%", 100 * fraction).replaceAll("\\.?0+%$", "%");
  }
}
