package dev.rigor.report;

import dev.rigor.analysis.Experiment;
import dev.rigor.analysis.Group;
import dev.rigor.analysis.GroupKey;
import dev.rigor.analysis.CiMethod;
import dev.rigor.analysis.Defaults;
import dev.rigor.analysis.IntervalChoice;
import dev.rigor.analysis.Metric;
import dev.rigor.analysis.MetricSummary;
import dev.rigor.analysis.RunValues;
import dev.rigor.analysis.Summaries;
import dev.rigor.analysis.SummarySettings;
import dev.rigor.stats.ConfidenceInterval;
import dev.rigor.store.RunRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Each metric by variation: {@link Summaries} with the interval of the mean that {@code rigor summary} shows
 * ({@link IntervalChoice#AUTO}: Student t below 30 runs, BCa from 30; docs/STATISTICS.md), and the runs' values.
 */
final class MetricCharts {

  private MetricCharts() {}

  /** The interval the error bars show, in words. */
  static String intervalText(double confidence) {
    return String.format(Locale.ROOT, "%s%% CI of the mean (Student t below %d runs, BCa from %d, as rigor summary)",
        Numbers.format(100 * confidence), Defaults.T_INTERVAL_BELOW, Defaults.T_INTERVAL_BELOW);
  }

  /** The interval of one chart, naming the method its bars used. */
  static String intervalText(double confidence, java.util.Set<CiMethod> methods) {
    if (methods.size() != 1) {
      return intervalText(confidence);
    }
    CiMethod m = methods.iterator().next();
    return String.format(Locale.ROOT, "%s%% CI of the mean (%s)", Numbers.format(100 * confidence),
        m == CiMethod.T ? "Student t" : m.human() + " bootstrap");
  }

  static List<MetricChart> of(Experiment e, RunValues values, ReportSetup s) {
    SummarySettings settings = new SummarySettings(IntervalChoice.AUTO, ReportDefaults.CONFIDENCE, s.resamples(), s.seed());
    List<MetricSummary> rows = Summaries.compute(values, s.variations(), s.metrics(), settings);
    Map<GroupKey, Group> groups = new HashMap<>();
    s.variations().apply(e, e.runs()).forEach(g -> groups.put(g.key(), g));
    Map<Metric, List<MetricChart.Bar>> bars = new LinkedHashMap<>();
    Map<Metric, java.util.Set<CiMethod>> methods = new HashMap<>();
    s.metrics().forEach(m -> bars.put(m, new ArrayList<>()));
    for (MetricSummary row : rows) {
      if (row.summary().isEmpty()) {
        continue;
      }
      methods.computeIfAbsent(row.metric(), k -> java.util.EnumSet.noneOf(CiMethod.class)).add(row.ciMethod());
      double lower = row.meanInterval().map(ConfidenceInterval::lower).orElse(Double.NaN);
      double upper = row.meanInterval().map(ConfidenceInterval::upper).orElse(Double.NaN);
      bars.get(row.metric()).add(new MetricChart.Bar(s.layout().place(row.group()), row.group().label(), row.n(),
          row.summary().get().mean(), lower, upper, points(values, groups.get(row.group()), row.metric())));
    }
    List<MetricChart> out = new ArrayList<>();
    bars.forEach((metric, b) -> out.add(new MetricChart(metric, e.goal(metric.name()),
        intervalText(ReportDefaults.CONFIDENCE, methods.getOrDefault(metric, java.util.Set.of())),
        s.layout().axes(b.stream().map(MetricChart.Bar::at).toList()), b)));
    return out;
  }

  /** The group's runs with a value, sorted by value; thinned evenly when there are more than the chart can show. */
  static List<MetricChart.RunPoint> points(RunValues values, Group group, Metric metric) {
    List<MetricChart.RunPoint> all = new ArrayList<>();
    for (RunRecord r : group.okRuns()) {
      double v = values.value(r, metric);
      if (!Double.isNaN(v)) {
        all.add(new MetricChart.RunPoint(r.meta().runId(), v));
      }
    }
    all.sort(Comparator.comparingDouble(MetricChart.RunPoint::value));
    int k = ReportDefaults.POINTS_PER_GROUP;
    if (all.size() <= k) {
      return all;
    }
    List<MetricChart.RunPoint> out = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      out.add(all.get((int) Math.round(i * (all.size() - 1) / (double) (k - 1))));
    }
    return out;
  }
}
