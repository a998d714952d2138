package dev.rigor.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/** The look shared by the report's images: the page's palette, fonts, axes and panel titles. */
final class FigureStyle {

  static final Color[] PALETTE = {
    new Color(0x4e79a7), new Color(0xf28e2b), new Color(0x59a14f), new Color(0xe15759), new Color(0x76b7b2),
    new Color(0xb07aa1), new Color(0xedc948), new Color(0xff9da7), new Color(0x9c755f), new Color(0x7f7f7f)
  };
  static final Color GRID = new Color(0xe6e9ef);
  static final Color MUTED = new Color(0x5b6475);
  static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 17);
  static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  static final Font PANEL = new Font(Font.SANS_SERIF, Font.BOLD, 12);
  static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  static final int WIDTH = 1000;
  static final int PANEL_HEIGHT = 250;

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private FigureStyle() {}

  static Color color(int i) {
    return PALETTE[Math.floorMod(i, PALETTE.length)];
  }

  static Color translucent(Color c, int alpha) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
  }

  static Stroke dashes(int i) {
    float[][] patterns = {null, {7f, 4f}, {2f, 3f}, {8f, 3f, 2f, 3f}};
    float[] p = patterns[Math.floorMod(i, patterns.length)];
    return p == null ? new BasicStroke(2f) : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, p, 0f);
  }

  /** The chart's title, subtitle and legend, styled. */
  static JFreeChart chart(String title, String subtitle, org.jfree.chart.plot.Plot plot, boolean legend) {
    JFreeChart chart = new JFreeChart(null, TITLE, plot, legend);
    chart.setTitle(new TextTitle(title, TITLE));
    TextTitle sub = new TextTitle(subtitle, SUBTITLE);
    sub.setPaint(MUTED);
    sub.setMargin(new RectangleInsets(2, 0, 6, 0));
    chart.addSubtitle(sub);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setPadding(new RectangleInsets(8, 8, 8, 12));
    LegendTitle l = chart.getLegend();
    if (l != null) {
      l.setPosition(RectangleEdge.TOP);
      l.setItemFont(LABEL);
      l.setFrame(new org.jfree.chart.block.BlockBorder(Color.WHITE));
    }
    return chart;
  }

  /**
   * Gives every panel of a faceted chart the same value range (the union of their data, intervals included,
   * with a 5% margin), so that panels compare honestly: separate ranges made 0–800 and 200–1200 look alike.
   */
  static void shareRange(org.jfree.chart.plot.CombinedDomainXYPlot plot) {
    List<XYPlot> panels = plot.getSubplots();
    if (panels.size() < 2) {
      return;
    }
    org.jfree.data.Range all = null;
    for (XYPlot p : panels) {
      for (int i = 0; i < p.getDatasetCount(); i++) {
        if (p.getDataset(i) != null) {
          all = org.jfree.data.Range.combine(all, org.jfree.data.general.DatasetUtils.findRangeBounds(p.getDataset(i), true));
        }
      }
    }
    if (all == null || Double.isNaN(all.getLength())) {
      return;
    }
    double pad = all.getLength() == 0 ? Math.max(1, Math.abs(all.getCentralValue()) * 0.05) : all.getLength() * 0.05;
    for (XYPlot p : panels) {
      p.getRangeAxis().setRange(all.getLowerBound() - pad, all.getUpperBound() + pad);
    }
  }

  /** A panel: white, light grid, its facet named in the top left corner. */
  static void panel(XYPlot plot, String facetLabel) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinePaint(GRID);
    plot.setOutlinePaint(GRID);
    if (!facetLabel.isEmpty()) {
      TextTitle t = new TextTitle(facetLabel, PANEL);
      t.setBackgroundPaint(new Color(255, 255, 255, 210));
      plot.addAnnotation(new XYTitleAnnotation(0.005, 0.995, t, RectangleAnchor.TOP_LEFT));
    }
  }

  /** A value axis that does not force zero in, labels like the rest of the report, and leaves room for a panel title. */
  static NumberAxis valueAxis(String label) {
    NumberAxis a = new NumberAxis(label);
    a.setAutoRangeIncludesZero(false);
    a.setUpperMargin(0.14);
    a.setNumberFormatOverride(new ReportNumberFormat());
    a.setTickLabelFont(TICK);
    a.setLabelFont(LABEL);
    return a;
  }

  /** Categories at 0, 1, 2, … on a numeric axis (so groups can sit side by side within a category). */
  static SymbolAxis categoryAxis(String label, List<String> categories) {
    SymbolAxis a = new SymbolAxis(label, categories.toArray(String[]::new));
    a.setGridBandsVisible(false);
    a.setTickLabelFont(TICK);
    a.setLabelFont(LABEL);
    a.setLowerMargin(0);
    a.setUpperMargin(0);
    a.setAutoRange(false);
    a.setRange(-0.5, categories.size() - 0.5);
    if (categories.size() > 4) {
      a.setVerticalTickLabels(false);
    }
    return a;
  }

  /** {@link Numbers#format} as a {@link NumberFormat}, for axis ticks. */
  static final class ReportNumberFormat extends NumberFormat {
    private static final long serialVersionUID = 1L;

    @Override
    public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
      return toAppendTo.append(Numbers.axis(number));
    }

    @Override
    public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
      return toAppendTo.append(Numbers.axis(number));
    }

    @Override
    public Number parse(String source, ParsePosition parsePosition) {
      return new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(Locale.ROOT)).parse(source, parsePosition);
    }
  }
}
