package dev.rigor.exec;

import dev.rigor.store.RunMeta;
import java.util.List;

/**
 * Runs trials. The sweep decides what runs when (concurrency, retries, resume, fail-fast); an
 * executor only knows how: local processes, in-process Java, interactive sessions, a SLURM cluster.
 * Whatever the backend, a run ends with its run directory holding the final {@code meta.json} and
 * {@code metrics.json}, so records are identical across executors.
 */
public interface Executor extends AutoCloseable {

  /** A short name for messages ("local", "slurm"). */
  String name();

  /** How runs are measured (recorded in meta.json). */
  String measurement();

  /** Starts one attempt; returns at once. */
  Execution start(RunRequest request);

  /**
   * Stops whatever a dead coordinator left running for these runs (found {@code running} in their
   * meta.json), so that no orphan writes into a directory that is about to be re-run. Returns how
   * many process trees were stopped.
   */
  int reclaim(List<RunMeta> staleRuns);

  /**
   * Re-attaches to runs that a dead coordinator left running and that still run where this executor
   * placed them (a SLURM job survives its coordinator), so the sweep waits for them instead of
   * starting them again. Returns the executions to wait for; the runs it does not return are
   * {@link #reclaim reclaimed} and run again. Called before {@link #reclaim}. By default nothing is
   * adopted: a local process tree dies with its coordinator or is stopped by reclaim.
   */
  default List<Execution> adopt(List<StaleRun> staleRuns) {
    return List.of();
  }

  /** Waits for nothing; releases the executor's threads and containment resources. */
  @Override
  void close();
}
