package dev.rigor.report;

import dev.rigor.store.RunStatus;
import java.util.List;

/**
 * A run that did not end ok, with what is needed to see why.
 *
 * @param exitCode null when the process did not exit by itself
 * @param error Rigor's reason (exit code, missing file, timeout…), or null
 * @param stderrTail the last lines of its stderr
 */
public record FailedRun(String runId, RunStatus status, Integer exitCode, int attempt, String error, List<String> stderrTail) {

  public FailedRun {
    stderrTail = List.copyOf(stderrTail);
  }
}
