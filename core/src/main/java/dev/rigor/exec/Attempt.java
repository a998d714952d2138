package dev.rigor.exec;

import dev.rigor.store.Measurement;
import dev.rigor.store.RunMeta;
import dev.rigor.store.RunMetrics;
import dev.rigor.store.RunRecord;
import dev.rigor.store.RunStatus;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One attempt of a trial run on a thread of this machine (a process trial, a session): what every
 * such {@link Execution} shares — its futures, the stop request, and the record of an attempt that
 * could not run at all ({@link Attempts} holds the records every backend writes the same way, workers
 * included). Subclasses run the attempt in {@link #execute()}.
 */
public abstract class Attempt implements Execution, Runnable {

  protected final RunRequest request;
  protected final TrialSetup setup;
  /** Completed with the reason when the sweep stops the run. */
  protected final CompletableFuture<RunStatus> stop = new CompletableFuture<>();
  /** Completed once the attempt's processes are gone (its record may still be being written). */
  protected final CompletableFuture<Void> slotFreed = new CompletableFuture<>();
  private final CompletableFuture<RunRecord> completion = new CompletableFuture<>();

  protected Attempt(RunRequest request, TrialSetup setup) {
    this.request = request;
    this.setup = setup;
  }

  /** Runs the attempt and writes its final record. */
  protected abstract RunRecord execute() throws IOException;

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
    stop.complete(reason);
  }

  @Override
  public void run() {
    RunRecord record;
    try {
      record = execute();
    } catch (IOException | RuntimeException e) {
      record = unrunnable(e);
    }
    slotFreed.complete(null);
    completion.complete(record);
  }

  private RunRecord unrunnable(Exception e) {
    RunMeta failed = Attempts.startingMeta(request, setup.experiment(), List.of(), "").finished(RunStatus.ERROR, null, null,
        Attempts.now(), 0, null, null, Measurement.NONE, "could not run the trial: " + e.getMessage(), null);
    try {
      request.directory().writeMeta(failed);
    } catch (IOException ignored) {
      // the run directory itself is unusable; the ledger still gets the record
    }
    return new RunRecord(failed, RunMetrics.EMPTY);
  }
}
