package dev.rigor.spec;

import java.util.Objects;

/**
 * {@code budget: {metric, limit, per_run_limit}} (DESIGN.md §6, seed 002): trials stream their
 * cumulative spend as {@code metric} to {@code $RIGOR_METRICS}; the sweep never lets the total
 * pass {@code limit} by more than the bound docs/BUDGET.md states, and stops a run whose spend
 * passes {@code perRunLimit}. Not part of a trial's definition: changing it is not drift.
 *
 * @param perRunLimit the most one run may spend, or {@code null} for no per-run limit
 */
public record BudgetSpec(String metric, double limit, Double perRunLimit) {

  public static final String DEFAULT_METRIC = "cost_usd";

  public BudgetSpec {
    Objects.requireNonNull(metric, "metric");
    if (!(limit >= 0) || Double.isInfinite(limit)) {
      throw new IllegalArgumentException("a budget limit is a finite number >= 0");
    }
    if (perRunLimit != null && !(perRunLimit > 0 && Double.isFinite(perRunLimit))) {
      throw new IllegalArgumentException("a per-run limit is a finite number > 0");
    }
  }
}
