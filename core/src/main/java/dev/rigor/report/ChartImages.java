package dev.rigor.report;

import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/**
 * The report's charts as images (JFreeChart): PNG through {@link ChartUtils}, SVG through JFreeSVG
 * (which escapes every text it draws). File names are made from metric names, reduced to
 * {@code [A-Za-z0-9._-]} and made unique.
 */
final class ChartImages {

  /** One image: the report section it belongs to, its file name without extension, the chart and its size. */
  record Image(String section, String name, JFreeChart chart, int width, int height) {}

  private ChartImages() {}

  static List<Image> of(ReportData data) {
    List<Image> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (MetricChart c : data.metrics()) {
      out.add(image("metrics", "metric-" + c.metric().label(), CategoryFigures.metric(c), c.axes().facets().size(), names));
    }
    for (EffectChart c : data.control().charts()) {
      out.add(image("control", "control-" + c.metric().label(), CategoryFigures.effect(c, "÷ " + data.control().control()),
          c.axes().facets().size(), names));
    }
    for (EffectChart c : data.ablations().charts()) {
      out.add(image("ablations", "ablation-" + c.metric().label(), CategoryFigures.effect(c, "ablation ÷ baseline"),
          c.axes().facets().size(), names));
    }
    for (LearningCurve c : data.curves()) {
      out.add(image("curves", "curve-" + c.series(), CurveFigures.curve(c), c.axes().facets().size(), names));
    }
    return out;
  }

  private static Image image(String section, String name, JFreeChart chart, int panels, Set<String> names) {
    return new Image(section, unique(fileName(name), names), chart, FigureStyle.WIDTH, 130 + FigureStyle.PANEL_HEIGHT * Math.max(1, panels));
  }

  static byte[] png(Image image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      // Compression 4 of 9: a third of the time of the default for files a few percent larger.
      ChartUtils.writeChartAsPNG(out, image.chart(), image.width(), image.height(), null, false, 4);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] svg(Image image) {
    SVGGraphics2D g = new SVGGraphics2D(image.width(), image.height());
    image.chart().draw(g, new Rectangle(0, 0, image.width(), image.height()));
    return g.getSVGDocument().getBytes(StandardCharsets.UTF_8);
  }

  /** A safe file name: characters outside {@code [A-Za-z0-9._-]} become {@code _}, at most 100 of them, never hidden. */
  static String fileName(String name) {
    String s = name.replaceAll("[^A-Za-z0-9._-]", "_");
    if (s.length() > 100) {
      s = s.substring(0, 100);
    }
    return s.startsWith(".") ? "_" + s.substring(1) : s;
  }

  private static String unique(String name, Set<String> taken) {
    String n = name;
    for (int i = 2; !taken.add(n); i++) {
      n = name + "-" + i;
    }
    return n;
  }
}
