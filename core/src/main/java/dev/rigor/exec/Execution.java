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
   * Completes when the run no longer occupies one of the {@code --jobs} slots: its processes are
   * gone, though its record may still be being written (metrics, meta.json). By default, at
   * completion.
   */
  default CompletableFuture<?> slotFreed() {
    return completion();
  }

  /**
   * Stops the run: its whole process tree gets SIGTERM, then SIGKILL after the grace period, and the
   * run ends with {@code reason} ({@code interrupted}, {@code cancelled} or {@code cost_limit}).
   */
  void terminate(RunStatus reason);
}
