package dev.rigor.analysis;

import dev.rigor.store.RunRecord;
import dev.rigor.store.RunStatus;
import java.util.Set;

/**
 * Which runs enter statistics: runs that are {@code ok}, and interactive sessions that failed on the
 * program's account — the program did not solve the task (ended {@code fail}, {@code max_turns},
 * {@code turn_timeout}, {@code exited}, or ended by {@code end} and failed verification). Such a
 * session is a measurement of the program (its {@code verified} is 0), not a broken run: leaving it
 * out would make every session compared look perfect. Sessions stopped by the infrastructure (error,
 * the run's timeout, an interruption) stay out, like any other run that is not ok (docs/DECISIONS.md,
 * "A failed session is a measurement").
 */
public final class Measured {

  /** The session ends that are the program's doing, as recorded in the {@code session_end} metric. */
  static final Set<String> PROGRAM_ENDS = Set.of("end", "fail", "max_turns", "turn_timeout", "exited");

  private Measured() {}

  public static boolean entersStatistics(RunRecord r) {
    RunStatus status = r.meta().status();
    if (status == RunStatus.OK) {
      return true;
    }
    return (status == RunStatus.FAILED || status == RunStatus.TIMEOUT) && r.metrics() != null
        && r.metrics().values().get("session_end") instanceof String end && PROGRAM_ENDS.contains(end);
  }
}
