package dev.rigor.report;

import dev.rigor.analysis.Spending;
import dev.rigor.store.AdaptiveFile;
import java.util.List;
import java.util.Optional;
import java.util.Objects;

/**
 * Everything a report shows, computed once; every writer (HTML, Markdown, PNG/SVG) renders it.
 *
 * @param metrics each charted metric by variation
 * @param control each variation against the report's control (empty without a control)
 * @param ablations each ablation against the baseline (empty without ablations)
 * @param curves learning curves of the series metrics
 * @param variance variance-vs-n curves, when asked for
 * @param failureCount how many runs did not end ok
 * @param failures the first of them, with their stderr
 * @param runs every run, for the runs table
 * @param adaptive the state of adaptive replication (adaptive.json) when the experiment was adaptive
 * @param sessions interactive sessions by variation (empty without sessions)
 * @param spending what each variation spent, with a budget
 */
public record ReportData(ReportHeader header, List<MetricChart> metrics, EffectSection control, EffectSection ablations,
    List<LearningCurve> curves, List<VariancePanel> variance, int failureCount, List<FailedRun> failures, RunsTable runs,
    Optional<AdaptiveFile> adaptive, SessionSection sessions, Optional<Spending> spending) {

  public ReportData(ReportHeader header, List<MetricChart> metrics, EffectSection control, EffectSection ablations,
      List<LearningCurve> curves, List<VariancePanel> variance, int failureCount, List<FailedRun> failures, RunsTable runs) {
    this(header, metrics, control, ablations, curves, variance, failureCount, failures, runs, Optional.empty(), SessionSection.EMPTY,
        Optional.empty());
  }

  public ReportData {
    Objects.requireNonNull(header, "header");
    metrics = List.copyOf(metrics);
    Objects.requireNonNull(control, "control");
    Objects.requireNonNull(ablations, "ablations");
    curves = List.copyOf(curves);
    variance = List.copyOf(variance);
    failures = List.copyOf(failures);
    Objects.requireNonNull(runs, "runs");
    Objects.requireNonNull(spending, "spending");
    Objects.requireNonNull(adaptive, "adaptive");
    Objects.requireNonNull(sessions, "sessions");
  }
}
