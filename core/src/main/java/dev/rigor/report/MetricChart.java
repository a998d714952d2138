package dev.rigor.report;

import dev.rigor.analysis.Metric;
import dev.rigor.spec.Goal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One metric by variation: per group the mean with its confidence interval, and the individual runs.
 *
 * @param interval how the intervals were computed, for the chart's subtitle
 */
public record MetricChart(Metric metric, Optional<Goal> goal, String interval, ChartAxes axes, List<Bar> bars) {

  /**
   * One group.
   *
   * @param lower NaN when the group has fewer than two values
   * @param points the runs drawn; all of them, or an evenly spaced sample of the sorted values when
   *     there are more than {@link ReportDefaults#POINTS_PER_GROUP}
   */
  public record Bar(Placement at, String group, int n, double mean, double lower, double upper, List<RunPoint> points) {
    public Bar {
      Objects.requireNonNull(at, "at");
      points = List.copyOf(points);
    }
  }

  /** One run's value. */
  public record RunPoint(String runId, double value) {}

  public MetricChart {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(goal, "goal");
    bars = List.copyOf(bars);
  }

  public String unit() {
    return Units.of(metric.name());
  }
}
