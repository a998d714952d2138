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

  /** Waits for nothing; releases the executor's threads and containment resources. */
  @Override
  void close();
}
