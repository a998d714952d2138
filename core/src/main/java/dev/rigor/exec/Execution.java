package dev.rigor.exec;

import dev.rigor.store.RunRecord;
import dev.rigor.store.RunStatus;
import java.util.concurrent.CompletableFuture;

/** A run in progress. */
public interface Execution {

  RunRequest request();

  /** Completes with the run's final record (already written to its run directory); never exceptionally. */
  CompletableFuture<RunRecord> completion();

  /**
   * Stops the run: its whole process tree gets SIGTERM, then SIGKILL after the grace period, and the
   * run ends with {@code reason} ({@code interrupted}, {@code cancelled} or {@code cost_limit}).
   */
  void terminate(RunStatus reason);
}
