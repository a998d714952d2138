package dev.rigor.sweep;

import dev.rigor.store.RunRecord;
import dev.rigor.store.RunStatus;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a sweep: the final status of every trial that ran in it (after retries), the
 * trials skipped as already ok, and whether it stopped early.
 */
public record SweepResult(Path experimentDir, int planned, int alreadyOk, Map<RunStatus, Integer> counts,
    List<RunRecord> failures, Halt halt, double wallSeconds, Spending spending) {

  /**
   * Where the budget stands at the end (with a budget).
   *
   * @param reservation what the next run would have reserved ({@code NaN} when unknown)
   */
  public record Spending(String metric, double spent, double limit, Double perRunLimit, double reservation) {

    /**
     * A limit under which {@code notRun} more runs fit, rounded up to two significant digits: what to
     * pass as {@code --set budget.limit=…} to continue.
     */
    public double limitToFinish(int notRun) {
      double needed = Double.isNaN(reservation) ? Math.max(2 * limit, spent + 1) // no run finished: nothing to estimate from
          : spent + Math.max(1, notRun) * reservation;
      double each = Double.isNaN(reservation) ? 0 : reservation;
      if (needed <= limit) {
        needed = limit + Math.max(each, limit * 0.1);
      }
      java.math.BigDecimal v = new java.math.BigDecimal(needed).round(new java.math.MathContext(2, java.math.RoundingMode.CEILING));
      return v.doubleValue();
    }
  }

  /** Why a sweep stopped before running every trial. */
  public enum Halt {
    FAIL_FAST,
    INTERRUPTED,
    /** No run's reservation fits in what the budget has left. */
    BUDGET
  }

  public SweepResult(Path experimentDir, int planned, int alreadyOk, Map<RunStatus, Integer> counts, List<RunRecord> failures,
      Halt halt, double wallSeconds) {
    this(experimentDir, planned, alreadyOk, counts, failures, halt, wallSeconds, null);
  }

  public SweepResult {
    counts = new EnumMap<>(counts);
    failures = List.copyOf(failures);
  }

  public int count(RunStatus status) {
    return counts.getOrDefault(status, 0);
  }

  /** Trials that ran in this sweep (final attempts). */
  public int ran() {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Planned trials that have neither an ok run from before nor a run in this sweep. */
  public int notRun() {
    return planned - alreadyOk - ran();
  }

  /** 0 all ok · 1 some failed · 3 halted early (fail-fast, budget) · 130 interrupted (DESIGN.md §6). */
  public int exitCode() {
    if (halt == Halt.INTERRUPTED) {
      return 130;
    }
    if (halt == Halt.FAIL_FAST || halt == Halt.BUDGET) {
      return 3;
    }
    boolean allOk = counts.entrySet().stream().allMatch(e -> e.getKey() == RunStatus.OK || e.getValue() == 0);
    return allOk && notRun() == 0 ? 0 : 1;
  }
}
