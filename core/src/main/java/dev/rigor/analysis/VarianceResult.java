package dev.rigor.analysis;

import dev.rigor.stats.VarianceCurve;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How precise the mean of n runs of one group is, as n grows.
 *
 * @param n the ok runs with a value (N)
 * @param mean their mean
 * @param cv their coefficient of variation sd/|mean| (NaN below 2 runs)
 * @param curve CV of the mean and relative CI half-width for n = 2..maxN; empty below 2 runs
 * @param minNCv smallest n from which the CV of the mean stays at or under the threshold
 * @param minNCvUpper the same on the upper (90th percentile) band: enough even for an unlucky set of runs
 * @param minNHalfWidth smallest n from which the relative CI half-width stays at or under the threshold
 */
public record VarianceResult(GroupKey group, Metric metric, int n, double mean, double cv, Optional<VarianceCurve> curve,
    OptionalInt minNCv, OptionalInt minNCvUpper, OptionalInt minNHalfWidth) {

  public VarianceResult {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(curve, "curve");
  }

  /** The curve's largest n (0 without a curve). */
  public int maxN() {
    return curve.map(c -> c.points().get(c.points().size() - 1).n()).orElse(0);
  }
}
