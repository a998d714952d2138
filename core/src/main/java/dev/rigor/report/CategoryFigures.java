package dev.rigor.report;

import dev.rigor.analysis.Comparison;
import dev.rigor.analysis.Verdict;
import dev.rigor.spec.Goal;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Charts with categories on x, one panel per facet stacked over a shared x axis, colours side by side
 * within a category: metrics by variation (mean, CI bar, the runs as dots) and effects (ratio with its
 * CI, filled when significant, a dashed line at 1).
 */
final class CategoryFigures {

  private static final Shape MEAN = new Rectangle2D.Double(-8, -1.5, 16, 3);
  private static final Shape DOT = new Ellipse2D.Double(-2.2, -2.2, 4.4, 4.4);
  private static final Shape EFFECT = new Ellipse2D.Double(-5, -5, 10, 10);
  private static final Map<Verdict, Color> VERDICT = new EnumMap<>(Map.of(Verdict.BETTER, new Color(0x1f8a4c),
      Verdict.WORSE, new Color(0xc0392b), Verdict.HIGHER, new Color(0x2f5fd0), Verdict.LOWER, new Color(0x2f5fd0),
      Verdict.NO_DIFFERENCE, new Color(0x8a94a6), Verdict.INSUFFICIENT, new Color(0xc3c9d4)));

  /** Runs drawn per group in an image (the page draws more): enough to see the spread, few enough to draw fast. */
  private static final int MAX_DOTS = 40;

  private CategoryFigures() {}

  static JFreeChart metric(MetricChart c) {
    ChartAxes a = c.axes();
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(FigureStyle.categoryAxis(a.xTitle(), a.xs()));
    for (int f = 0; f < a.facets().size(); f++) {
      YIntervalSeriesCollection means = new YIntervalSeriesCollection();
      XYSeriesCollection runs = new XYSeriesCollection();
      for (int k = 0; k < a.colors().size(); k++) {
        YIntervalSeries m = new YIntervalSeries(k);
        XYSeries dots = new XYSeries(k, false, true);
        for (MetricChart.Bar b : c.bars()) {
          if (a.facetIndex(b.at()) == f && a.colorIndex(b.at()) == k) {
            double x = a.xIndex(b.at()) + dodge(k, a.colors().size());
            m.add(x, b.mean(), Double.isNaN(b.lower()) ? b.mean() : b.lower(), Double.isNaN(b.upper()) ? b.mean() : b.upper());
            List<MetricChart.RunPoint> pts = b.points();
            int step = Math.max(1, (int) Math.ceil(pts.size() / (double) MAX_DOTS));
            for (int i = 0; i < pts.size(); i += step) {
              dots.add(x + spread(a.colors().size()) * jitter(i), pts.get(i).value());
            }
          }
        }
        means.addSeries(m);
        runs.addSeries(dots);
      }
      XYErrorRenderer bars = errorRenderer(a.colors().size(), MEAN, false);
      XYLineAndShapeRenderer dotRenderer = new XYLineAndShapeRenderer(false, true);
      for (int k = 0; k < a.colors().size(); k++) {
        dotRenderer.setSeriesPaint(k, FigureStyle.translucent(FigureStyle.color(k), 110));
        dotRenderer.setSeriesShape(k, DOT);
      }
      XYPlot panel = new XYPlot(means, null, FigureStyle.valueAxis(f == 0 || a.facets().size() > 1 ? unitLabel(c) : ""), bars);
      panel.setDataset(1, runs);
      panel.setRenderer(1, dotRenderer);
      FigureStyle.panel(panel, a.facetLabel(a.facets().get(f)));
      plot.add(panel, 1);
    }
    plot.setGap(14);
    legend(plot, a);
    FigureStyle.shareRange(plot);
    String sub = "bars: mean with " + c.interval() + " · dots: the runs" + goalText(c.goal())
        + (a.colorTitle().isEmpty() || a.colors().size() < 2 ? "" : " · colours: " + a.colorTitle());
    return FigureStyle.chart(Units.label(c.metric().label()), sub, plot, a.colors().size() > 1);
  }

  static JFreeChart effect(EffectChart c, String what) {
    ChartAxes a = c.axes();
    boolean byVerdict = a.colors().size() < 2;
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(FigureStyle.categoryAxis(a.xTitle(), a.xs()));
    for (int f = 0; f < a.facets().size(); f++) {
      YIntervalSeriesCollection effects = new YIntervalSeriesCollection();
      double[] bounds = {1, 1};
      boolean[][] significant = new boolean[a.colors().size()][];
      Paint[][] paints = new Paint[a.colors().size()][];
      for (int k = 0; k < a.colors().size(); k++) {
        YIntervalSeries s = new YIntervalSeries(k, false, true);
        final int facet = f;
        final int color = k;
        List<EffectChart.Row> rows = c.rows().stream().filter(r -> a.facetIndex(r.at()) == facet && a.colorIndex(r.at()) == color
            && r.comparison().effect().isPresent()).toList();
        significant[k] = new boolean[rows.size()];
        paints[k] = new Paint[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
          Comparison cmp = rows.get(i).comparison();
          var e = cmp.effect().get();
          s.add(a.xIndex(rows.get(i).at()) + dodge(k, a.colors().size()), e.estimate(), e.lower(), e.upper());
          bounds[0] = Math.min(bounds[0], Math.min(e.lower(), e.estimate()));
          bounds[1] = Math.max(bounds[1], Math.max(e.upper(), e.estimate()));
          significant[k][i] = VERDICT.get(cmp.verdict()) != null && cmp.verdict() != Verdict.NO_DIFFERENCE
              && cmp.verdict() != Verdict.INSUFFICIENT;
          paints[k][i] = byVerdict ? VERDICT.get(cmp.verdict()) : FigureStyle.color(k);
        }
        effects.addSeries(s);
      }
      XYErrorRenderer r = new XYErrorRenderer() {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean getItemShapeFilled(int series, int item) {
          return significant[series][item];
        }

        @Override
        public Paint getItemPaint(int series, int item) {
          return paints[series][item];
        }
      };
      style(r, a.colors().size(), EFFECT, true);
      XYPlot panel = new XYPlot(effects, null, ratioAxis(bounds[0], bounds[1]), r);
      ValueMarker one = new ValueMarker(1, FigureStyle.MUTED, new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
          new float[] {6f, 4f}, 0f));
      panel.addRangeMarker(one);
      FigureStyle.panel(panel, a.facetLabel(a.facets().get(f)));
      plot.add(panel, 1);
    }
    plot.setGap(14);
    legend(plot, a);
    FigureStyle.shareRange(plot);
    String sub = what + " · ratio of means with " + "CI · filled: significant (Holm-adjusted t test) · dashed: no change"
        + goalText(c.goal()) + (byVerdict ? " · green: better, red: worse" : "");
    return FigureStyle.chart(Units.label(c.metric().label()), sub, plot, !byVerdict);
  }

  /**
   * An axis for ratios that always shows 1 (no change): logarithmic when the ratios are positive and
   * span more than 4×, so that halving and doubling look alike; else linear.
   */
  private static org.jfree.chart.axis.ValueAxis ratioAxis(double lo, double hi) {
    if (lo > 0 && hi / lo > 4) {
      org.jfree.chart.axis.LogAxis log = new org.jfree.chart.axis.LogAxis("ratio × (log scale)");
      log.setBase(2);
      log.setAutoTickUnitSelection(false);
      log.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1));
      log.setNumberFormatOverride(new FigureStyle.ReportNumberFormat());
      log.setTickLabelFont(FigureStyle.TICK);
      log.setLabelFont(FigureStyle.LABEL);
      log.setRange(lo / 1.2, hi * 1.6);
      return log;
    }
    org.jfree.chart.axis.NumberAxis axis = FigureStyle.valueAxis("ratio ×");
    double pad = Math.max(0.02, 0.08 * (hi - lo));
    axis.setAutoRange(false);
    axis.setRange(lo - pad, hi + pad + 0.14 * (hi - lo + 2 * pad));
    return axis;
  }

  private static XYErrorRenderer errorRenderer(int colors, Shape shape, boolean outline) {
    XYErrorRenderer r = new XYErrorRenderer();
    style(r, colors, shape, outline);
    return r;
  }

  private static void style(XYErrorRenderer r, int colors, Shape shape, boolean outline) {
    r.setDrawXError(false);
    r.setDrawYError(true);
    r.setDefaultLinesVisible(false);
    r.setDefaultShapesVisible(true);
    r.setUseOutlinePaint(false);
    r.setDrawOutlines(outline);
    r.setCapLength(9);
    r.setErrorStroke(new BasicStroke(1.6f));
    for (int k = 0; k < colors; k++) {
      r.setSeriesPaint(k, FigureStyle.color(k));
      r.setSeriesShape(k, shape);
      r.setSeriesOutlineStroke(k, new BasicStroke(2f));
    }
  }

  /** One legend entry per colour, however many panels repeat it. */
  private static void legend(CombinedDomainXYPlot plot, ChartAxes a) {
    LegendItemCollection items = new LegendItemCollection();
    for (int k = 0; k < a.colors().size(); k++) {
      items.add(new LegendItem(a.colorLabel(a.colors().get(k)), FigureStyle.color(k)));
    }
    plot.setFixedLegendItems(items);
  }

  static double dodge(int k, int colors) {
    double w = colors > 1 ? Math.min(0.72 / colors, 0.22) : 0;
    return (k - (colors - 1) / 2.0) * w;
  }

  private static double spread(int colors) {
    return colors > 1 ? Math.min(0.72 / colors, 0.22) * 0.3 : 0.12;
  }

  /** A deterministic jitter in [-1, 1). */
  private static double jitter(int i) {
    double x = Math.sin(i * 12.9898 + 78.233) * 43758.5453;
    return 2 * (x - Math.floor(x)) - 1;
  }

  private static String unitLabel(MetricChart c) {
    String unit = c.unit();
    return unit.isEmpty() ? c.metric().label() : unit;
  }

  static String goalText(Optional<Goal> goal) {
    return goal.map(g -> g == Goal.MIN ? " · lower is better" : " · higher is better").orElse("");
  }
}
