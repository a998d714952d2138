package dev.rigor.report;

import dev.rigor.analysis.Comparison;
import dev.rigor.analysis.VarianceResult;
import dev.rigor.stats.ConfidenceInterval;
import dev.rigor.stats.VariancePoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The data the HTML page draws its charts from, as plain maps and lists for {@link SafeJson}
 * (missing numbers as null). Runs are referred to by their row in the runs table, so a chart's
 * tooltip can name a run and a click can show it in the table.
 */
final class PageData {

  static final String SCHEMA = "rigor.report-page/1";

  private final Map<String, Integer> rowOf;

  private PageData(Map<String, Integer> rowOf) {
    this.rowOf = rowOf;
  }

  static Map<String, Object> of(ReportData data, String runsBase) {
    return new PageData(data.runs().rowIndex()).page(data, runsBase);
  }

  private Map<String, Object> page(ReportData data, String runsBase) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("schema", SCHEMA);
    p.put("experiment", data.header().name());
    p.put("runsBase", runsBase);
    p.put("confidence", ReportDefaults.CONFIDENCE);
    List<Object> metrics = new ArrayList<>();
    for (int i = 0; i < data.metrics().size(); i++) {
      metrics.add(metric(data.metrics().get(i), "metric-" + i));
    }
    p.put("metrics", metrics);
    p.put("control", section(data.control(), "control"));
    p.put("ablations", section(data.ablations(), "ablation"));
    List<Object> curves = new ArrayList<>();
    for (int i = 0; i < data.curves().size(); i++) {
      curves.add(curve(data.curves().get(i), "curve-" + i));
    }
    p.put("curves", curves);
    List<Object> variance = new ArrayList<>();
    for (int i = 0; i < data.variance().size(); i++) {
      variance.add(variance(data.variance().get(i), "variance-" + i));
    }
    p.put("variance", variance);
    return p;
  }

  private Map<String, Object> metric(MetricChart c, String id) {
    Map<String, Object> m = chartHead(id, c.metric().label(), c.goal().map(g -> g.name().toLowerCase(Locale.ROOT)).orElse(null),
        c.axes());
    m.put("interval", c.interval());
    List<Object> bars = new ArrayList<>();
    for (MetricChart.Bar b : c.bars()) {
      Map<String, Object> bar = place(c.axes(), b.at());
      bar.put("g", b.group());
      bar.put("n", b.n());
      bar.put("mean", num(b.mean()));
      bar.put("lo", num(b.lower()));
      bar.put("hi", num(b.upper()));
      List<Object> pts = new ArrayList<>(b.points().size());
      for (MetricChart.RunPoint pt : b.points()) {
        pts.add(List.of(rowOf.getOrDefault(pt.runId(), -1), pt.value()));
      }
      bar.put("pts", pts);
      bars.add(bar);
    }
    m.put("bars", bars);
    return m;
  }

  private Map<String, Object> section(EffectSection s, String prefix) {
    if (s.isEmpty() && s.notes().isEmpty()) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("control", s.control());
    m.put("design", s.design());
    m.put("notes", s.notes());
    List<Object> charts = new ArrayList<>();
    for (int i = 0; i < s.charts().size(); i++) {
      EffectChart c = s.charts().get(i);
      Map<String, Object> chart = chartHead(prefix + "-" + i, c.metric().label(),
          c.goal().map(g -> g.name().toLowerCase(Locale.ROOT)).orElse(null), c.axes());
      List<Object> rows = new ArrayList<>();
      for (EffectChart.Row r : c.rows()) {
        rows.add(effect(c.axes(), r));
      }
      chart.put("rows", rows);
      charts.add(chart);
    }
    m.put("charts", charts);
    return m;
  }

  private static Map<String, Object> effect(ChartAxes axes, EffectChart.Row r) {
    Comparison c = r.comparison();
    Map<String, Object> m = place(axes, r.at());
    m.put("est", c.effect().map(e -> num(e.estimate())).orElse(null));
    m.put("lo", c.effect().map(e -> num(e.lower())).orElse(null));
    m.put("hi", c.effect().map(e -> num(e.upper())).orElse(null));
    m.put("verdict", c.verdict().name().toLowerCase(Locale.ROOT));
    m.put("verdictText", c.verdict().text());
    m.put("p", c.adjustedPValue().isPresent() ? num(c.adjustedPValue().getAsDouble()) : null);
    m.put("paired", c.paired());
    m.put("nControl", c.controlStats().n());
    m.put("nCandidate", c.candidateStats().n());
    m.put("meanControl", num(c.controlStats().mean()));
    m.put("meanCandidate", num(c.candidateStats().mean()));
    m.put("candidate", c.candidate());
    return m;
  }

  private static Map<String, Object> curve(LearningCurve c, String id) {
    Map<String, Object> m = chartHead(id, c.series(), null, c.axes());
    List<Object> lines = new ArrayList<>();
    for (LearningCurve.Line l : c.lines()) {
      Map<String, Object> line = place(c.axes(), l.at());
      line.put("g", l.group());
      line.put("steps", nums(l.steps()));
      line.put("mean", nums(l.mean()));
      line.put("lo", nums(l.lower()));
      line.put("hi", nums(l.upper()));
      line.put("n", l.n());
      lines.add(line);
    }
    m.put("lines", lines);
    return m;
  }

  private static Map<String, Object> variance(VariancePanel v, String id) {
    Map<String, Object> m = chartHead(id, v.metric().label(), null, v.axes());
    m.put("threshold", v.threshold());
    List<Object> groups = new ArrayList<>();
    for (VariancePanel.Curve c : v.groups()) {
      VarianceResult r = c.result();
      Map<String, Object> g = place(v.axes(), c.at());
      g.put("g", r.group().label());
      g.put("n", r.n());
      g.put("minN", r.minNCv().isPresent() ? r.minNCv().getAsInt() : null);
      g.put("minNUpper", r.minNCvUpper().isPresent() ? r.minNCvUpper().getAsInt() : null);
      g.put("maxN", r.maxN());
      List<VariancePoint> pts = r.curve().map(cv -> cv.points()).orElse(List.of());
      g.put("ns", pts.stream().map(VariancePoint::n).toList());
      g.put("cv", column(pts, VariancePoint::cvOfMean));
      g.put("cvLo", column(pts, VariancePoint::cvLower));
      g.put("cvHi", column(pts, VariancePoint::cvUpper));
      groups.add(g);
    }
    m.put("groups", groups);
    return m;
  }

  private static Map<String, Object> chartHead(String id, String title, String goal, ChartAxes axes) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("metric", title);
    m.put("unit", Units.of(title));
    m.put("goal", goal);
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("facet", axes.facetTitle());
    a.put("facets", axes.facets());
    a.put("x", axes.xTitle());
    a.put("xs", axes.xs());
    a.put("color", axes.colorTitle());
    a.put("colors", axes.colors());
    m.put("axes", a);
    return m;
  }

  private static Map<String, Object> place(ChartAxes axes, Placement p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("f", axes.facetIndex(p));
    m.put("x", axes.xIndex(p));
    m.put("c", axes.colorIndex(p));
    return m;
  }

  private static List<Object> column(List<VariancePoint> pts, ToDoubleFunction<VariancePoint> f) {
    List<Object> out = new ArrayList<>(pts.size());
    pts.forEach(p -> out.add(num(f.applyAsDouble(p))));
    return out;
  }

  private static List<Object> nums(double[] values) {
    List<Object> out = new ArrayList<>(values.length);
    for (double v : values) {
      out.add(num(v));
    }
    return out;
  }

  /** JSON has no NaN or infinity: they become null (missing). */
  static Double num(double v) {
    return Double.isFinite(v) ? v : null;
  }

  static Double num(ConfidenceInterval ci) {
    return num(ci.estimate());
  }
}
