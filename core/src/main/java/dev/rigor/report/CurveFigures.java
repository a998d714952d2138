package dev.rigor.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Learning curves as images: a panel per facet over a shared step axis, a line per group (the mean)
 * with its band. With ablations, only the baseline's lines are drawn (the page can show the others).
 */
final class CurveFigures {

  private CurveFigures() {}

  static JFreeChart curve(LearningCurve c) {
    ChartAxes a = c.axes();
    boolean baselineOnly = a.colorTitle().equals(ChartLayout.ABLATION) && a.colors().size() > 1;
    List<LearningCurve.Line> lines = c.lines().stream().filter(l -> !baselineOnly || a.colorIndex(l.at()) == 0).toList();
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(FigureStyle.valueAxis("step"));
    LegendItemCollection legend = new LegendItemCollection();
    List<String> labels = new ArrayList<>();
    for (int f = 0; f < a.facets().size(); f++) {
      YIntervalSeriesCollection data = new YIntervalSeriesCollection();
      DeviationRenderer r = new DeviationRenderer(true, false);
      r.setAlpha(0.15f);
      int s = 0;
      for (LearningCurve.Line l : lines) {
        if (a.facetIndex(l.at()) != f) {
          continue;
        }
        YIntervalSeries series = new YIntervalSeries(s);
        for (int i = 0; i < l.steps().length; i++) {
          if (!Double.isNaN(l.mean()[i])) {
            double lo = Double.isNaN(l.lower()[i]) ? l.mean()[i] : l.lower()[i];
            double hi = Double.isNaN(l.upper()[i]) ? l.mean()[i] : l.upper()[i];
            series.add(l.steps()[i], l.mean()[i], lo, hi);
          }
        }
        data.addSeries(series);
        Color color = FigureStyle.color(a.xIndex(l.at()));
        r.setSeriesPaint(s, color);
        r.setSeriesFillPaint(s, color);
        r.setSeriesStroke(s, FigureStyle.dashes(a.colorIndex(l.at())));
        String label = label(a, l);
        if (!labels.contains(label)) {
          labels.add(label);
          legend.add(new LegendItem(label, null, null, null, new java.awt.geom.Line2D.Double(-9, 0, 9, 0),
              FigureStyle.dashes(a.colorIndex(l.at())), color));
        }
        s++;
      }
      XYPlot panel = new XYPlot(data, null, FigureStyle.valueAxis(c.series().length() > 24 ? Units.of(c.series()) : Units.label(c.series())), r);
      FigureStyle.panel(panel, a.facetLabel(a.facets().get(f)));
      plot.add(panel, 1);
    }
    plot.setGap(14);
    plot.setFixedLegendItems(legend);
    FigureStyle.shareRange(plot);
    String sub = "mean across runs with its " + Numbers.format(100 * ReportDefaults.CONFIDENCE) + "% band (Student t below " + dev.rigor.analysis.Defaults.T_INTERVAL_BELOW + " runs, else BCa)"
        + (baselineOnly ? " · baseline ablation only" : "");
    return FigureStyle.chart(Units.label(c.series()), sub, plot, true);
  }

  private static String label(ChartAxes a, LearningCurve.Line l) {
    List<String> parts = new ArrayList<>();
    if (!l.at().x().equals("all")) {
      parts.add(l.at().x());
    }
    if (!a.colorTitle().isEmpty() && !l.at().color().isEmpty()) {
      parts.add(a.colorLabel(l.at().color()));
    }
    return parts.isEmpty() ? "all runs" : String.join(" · ", parts);
  }
}
