package dev.rigor.analysis;

import dev.rigor.stats.TTestDesign;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Runs needed per variation to detect the effect, from the experiment's own variance.
 *
 * @param design paired (sd of the per-seed differences to the control) or two-sample; empty when
 *     nothing could be estimated
 * @param reason why this design, and what the sd is (for the user)
 * @param caveat what limits this row's answer (too few runs, no variation…); empty when nothing does
 * @param baseline the runs the effect is relative to and, for a paired design, differenced against
 * @param n runs there are now: pairs (paired) or the smaller side (two-sample)
 * @param sd the standard deviation of one observation for the design (never a standard error)
 * @param delta the absolute difference to detect
 * @param needed runs per variation (seeds) to reach the power, rounded up
 * @param achievedPower the power the current n has for delta
 */
public record PowerResult(GroupKey group, Metric metric, Optional<TTestDesign> design, String reason, Optional<String> caveat,
    String baseline, int n,
    double sd, double delta, OptionalInt needed, OptionalDouble achievedPower) {

  public PowerResult {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(design, "design");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(caveat, "caveat");
    Objects.requireNonNull(needed, "needed");
    Objects.requireNonNull(achievedPower, "achievedPower");
  }
}
