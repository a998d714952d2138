package dev.rigor.exec.slurm;

import dev.rigor.exec.Execution;
import dev.rigor.exec.RunRequest;
import dev.rigor.store.RunRecord;
import dev.rigor.store.RunStatus;
import java.util.concurrent.CompletableFuture;

/**
 * One attempt handed to SLURM: queued for the next array, then a task of it ({@code job}), watched
 * until SLURM is done with it. It holds none of the sweep's {@code --jobs} slots once handed over:
 * the cluster's scheduler and {@code array_parallelism} decide how many run at once.
 */
final class SlurmRun implements Execution {

  private final RunRequest request;
  private final SlurmExecutor executor;
  private final CompletableFuture<RunRecord> completion = new CompletableFuture<>();
  private final CompletableFuture<Void> slotFreed = CompletableFuture.completedFuture(null);

  /** The array task ({@code ARRAYID_INDEX}) once submitted; only the executor's thread writes the fields below. */
  volatile String job;
  /** Why Rigor cancelled it (interrupted, cancelled, cost_limit), or null. */
  volatile RunStatus stopReason;
  double submittedUnixS;
  String lastState = "PENDING";
  String node = "";
  /** Polls since squeue stopped showing it (it finished long ago, or SLURM purged it). */
  int missingPolls;
  /** Polls since SLURM said it completed without the node's final meta.json being visible (a shared file system may lag). */
  int recordlessPolls;

  SlurmRun(RunRequest request, SlurmExecutor executor) {
    this.request = request;
    this.executor = executor;
  }

  @Override
  public RunRequest request() {
    return request;
  }

  @Override
  public CompletableFuture<RunRecord> completion() {
    return completion;
  }

  @Override
  public CompletableFuture<?> slotFreed() {
    return slotFreed;
  }

  @Override
  public void terminate(RunStatus reason) {
    executor.cancel(this, reason);
  }
}
