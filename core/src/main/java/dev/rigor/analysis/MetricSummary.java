package dev.rigor.analysis;

import dev.rigor.stats.ConfidenceInterval;
import dev.rigor.stats.Summary;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One metric in one group: the descriptive summary of its ok runs' values, the interval of the mean,
 * tail quantiles, and the group's success rate.
 *
 * @param finished the group's finished runs (ok or failed; the denominator of the success rate)
 * @param ok the group's ok runs
 * @param summary of the ok runs that have a value (n, mean, sd, median, IQM…); empty when none has
 * @param meanInterval the interval of the mean; empty with fewer than 2 values (one value has no spread to show)
 * @param p95 type-7 95th percentile
 * @param p99 type-7 99th percentile
 * @param successRate ok / finished with its Wilson score interval; empty when nothing finished
 * @param ciMethod the method of {@code meanInterval} ({@code --ci auto} resolved by the number of values)
 */
public record MetricSummary(GroupKey group, Metric metric, int finished, int ok, Optional<Summary> summary,
    Optional<ConfidenceInterval> meanInterval, OptionalDouble p95, OptionalDouble p99,
    Optional<ConfidenceInterval> successRate, CiMethod ciMethod) {

  public MetricSummary {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(meanInterval, "meanInterval");
    Objects.requireNonNull(successRate, "successRate");
    Objects.requireNonNull(ciMethod, "ciMethod");
  }

  /** The number of values summarised. */
  public int n() {
    return summary.map(Summary::n).orElse(0);
  }
}
