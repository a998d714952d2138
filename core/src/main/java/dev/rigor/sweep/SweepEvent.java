package dev.rigor.sweep;

import dev.rigor.plan.Trial;
import dev.rigor.store.RunRecord;
import java.nio.file.Path;
import java.util.List;

/** What happens during a sweep, for whoever renders progress. Emitted on the coordinator thread. */
public sealed interface SweepEvent {

  /**
   * The sweep is about to launch trials.
   *
   * @param planned trials in the plan
   * @param toRun trials that will run now
   * @param alreadyOk trials skipped because their latest run is ok (resume)
   * @param unplanned trials recorded in the experiment but no longer in the plan (kept, not run)
   * @param reclaimed process trees of a dead coordinator that were stopped first
   */
  record Started(Path experimentDir, int planned, int toRun, int alreadyOk, int unplanned, int reclaimed, int jobs,
      String executor, String measurement) implements SweepEvent {}

  record RunStarted(Trial trial, int attempt) implements SweepEvent {}

  /** A run ended; {@code retrying} when another attempt of the trial follows. */
  record RunFinished(Trial trial, RunRecord record, boolean retrying) implements SweepEvent {}

  /**
   * A failed run will be retried after {@code delaySeconds} (0: at once).
   *
   * @param nextAttempt the attempt number the retry gets
   * @param why what matched ({@code exit 75}, {@code output matched /…/}, or the status)
   */
  record RetryWaiting(Trial trial, int nextAttempt, double delaySeconds, String why) implements SweepEvent {}

  /**
   * What the experiment has spent by its budget's metric: finished runs plus what runs in flight
   * reported so far. Emitted at the start, when runs report, and when they end.
   */
  record Spent(String metric, double spent, double limit, Double perRunLimit) implements SweepEvent {}

  /** A run was stopped because of the budget ({@code cost_limit}). */
  record CostStopped(Trial trial, String why) implements SweepEvent {}

  /** The sweep stops launching trials; with fail-fast or an interrupt it also terminates the running ones. */
  record Halting(SweepResult.Halt reason, String why) implements SweepEvent {}

  record Finished(SweepResult result) implements SweepEvent {}

  /** Things the user should know that do not stop the sweep. */
  record Warning(String message, List<String> details) implements SweepEvent {}
}
