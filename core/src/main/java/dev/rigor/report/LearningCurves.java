package dev.rigor.report;

import dev.rigor.analysis.Experiment;
import dev.rigor.analysis.GroupKey;
import dev.rigor.analysis.IntervalChoice;
import dev.rigor.analysis.Metric;
import dev.rigor.analysis.MetricSummary;
import dev.rigor.analysis.RunValues;
import dev.rigor.analysis.SeriesReduction;
import dev.rigor.analysis.SeriesSummary;
import dev.rigor.analysis.Summaries;
import dev.rigor.analysis.SummarySettings;
import dev.rigor.stats.ConfidenceInterval;
import dev.rigor.stats.StepWindow;
import dev.rigor.store.ExperimentDirectory;
import dev.rigor.store.RunRecord;
import dev.rigor.store.SeriesFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Learning curves of series metrics ({@code series.csv}): at each step of an even grid over the
 * series' step range, every run's latest value at or before that step (the series reduced by
 * {@link SeriesSummary#FINAL} over the window up to the step, so runs recorded at different steps line
 * up, and a finished run keeps its last value); then per group the mean and its interval by the rule of rigor summary (Student t below 30 runs, BCa from 30)
 * across runs ({@link Summaries}) — the band.
 */
final class LearningCurves {

  private LearningCurves() {}

  static List<LearningCurve> of(Experiment e, RunValues values, ReportSetup s) {
    List<LearningCurve> out = new ArrayList<>();
    for (String series : values.seriesNames()) {
      double[] grid = grid(e, series);
      if (grid.length > 0) {
        out.add(curve(e, values, s, series, grid));
      }
    }
    return out;
  }

  private static LearningCurve curve(Experiment e, RunValues values, ReportSetup s, String series, double[] grid) {
    List<Metric> atStep = new ArrayList<>();
    Map<Metric, Integer> index = new HashMap<>();
    for (int i = 0; i < grid.length; i++) {
      Metric m = Metric.series(series, new SeriesReduction(SeriesSummary.FINAL, StepWindow.range(-Double.MAX_VALUE, grid[i]),
          "≤ " + Numbers.format(grid[i]), 1));
      atStep.add(m);
      index.put(m, i);
    }
    SummarySettings t = new SummarySettings(IntervalChoice.AUTO, ReportDefaults.CONFIDENCE, s.resamples(), s.seed());
    Map<GroupKey, double[][]> byGroup = new LinkedHashMap<>();
    for (MetricSummary row : Summaries.compute(values, s.variations(), atStep, t)) {
      double[][] a = byGroup.computeIfAbsent(row.group(), k -> empty(grid.length));
      int i = index.get(row.metric());
      a[3][i] = row.n();
      row.summary().ifPresent(sum -> a[0][i] = sum.mean());
      row.meanInterval().ifPresent(ci -> {
        a[1][i] = ci.lower();
        a[2][i] = ci.upper();
      });
    }
    List<LearningCurve.Line> lines = new ArrayList<>();
    byGroup.forEach((key, a) -> {
      if (Arrays.stream(a[3]).anyMatch(n -> n > 0)) {
        lines.add(new LearningCurve.Line(s.layout().place(key), key.label(), grid, a[0], a[1], a[2],
            Arrays.stream(a[3]).mapToInt(d -> (int) d).toArray()));
      }
    });
    return new LearningCurve(series, s.layout().axes(lines.stream().map(LearningCurve.Line::at).toList()), lines);
  }

  private static double[][] empty(int size) {
    double[][] a = new double[4][size];
    for (int k = 0; k < 3; k++) {
      Arrays.fill(a[k], Double.NaN);
    }
    return a;
  }

  /** An even grid from the earliest first step to the latest last step of the series in the ok runs. */
  private static double[] grid(Experiment e, String series) {
    double first = Double.POSITIVE_INFINITY;
    double last = Double.NEGATIVE_INFINITY;
    ExperimentDirectory dir = new ExperimentDirectory(e.root());
    for (RunRecord r : e.okRuns()) {
      try {
        for (SeriesFile.Point p : SeriesFile.read(dir.run(r.meta().runId()).series())) {
          if (p.name().equals(series) && Double.isFinite(p.step())) {
            first = Math.min(first, p.step());
            last = Math.max(last, p.step());
          }
        }
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
    }
    if (!(first <= last)) {
      return new double[0];
    }
    int k = first == last ? 1 : ReportDefaults.CURVE_STEPS;
    double[] grid = new double[k];
    for (int i = 0; i < k; i++) {
      grid[i] = k == 1 ? first : first + i * (last - first) / (k - 1);
    }
    return grid;
  }
}
