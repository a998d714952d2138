package dev.rigor.exec;

import java.util.Map;

/**
 * What a running attempt tells the sweep while it runs, whatever executes it. Called from executor
 * threads, so implementations are thread-safe and quick (they hand work to the sweep, never block).
 * Every method has a no-op default, so an executor reports what it can and a sweep listens to what it
 * needs (the budget to spend, the dashboard to series, the ledger to where a run was placed).
 */
public interface RunObserver {

  /** Observes nothing. */
  RunObserver NONE = new RunObserver() {};

  /**
   * One JSON-lines record the trial streamed to its metrics ({@code $RIGOR_METRICS}, a worker's
   * {@code metrics} message): cumulative values such as {@code {"cost_usd": 0.012}}, or a series point
   * when it has {@code step}.
   */
  default void metrics(Map<String, Object> values) {}

  /**
   * Where the run was placed, for the record (a SLURM job id and array index, a worker's pid): the
   * sweep writes it to the ledger so a later coordinator can find the run again.
   */
  default void placed(Map<String, Object> where) {}
}
