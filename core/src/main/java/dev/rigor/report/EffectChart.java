package dev.rigor.report;

import dev.rigor.analysis.Comparison;
import dev.rigor.analysis.Metric;
import dev.rigor.spec.Goal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One metric's comparisons drawn as effects with their intervals (ratios of means, candidate ÷
 * control): where each comparison goes in the chart, and the comparison from {@code analysis}.
 */
public record EffectChart(Metric metric, Optional<Goal> goal, ChartAxes axes, List<Row> rows) {

  /** One comparison and where it is drawn. */
  public record Row(Placement at, Comparison comparison) {
    public Row {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(comparison, "comparison");
    }
  }

  public EffectChart {
    Objects.requireNonNull(metric, "metric");
    rows = List.copyOf(rows);
  }
}
