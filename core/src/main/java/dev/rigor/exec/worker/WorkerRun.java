package dev.rigor.exec.worker;

import dev.rigor.exec.Attempts;
import dev.rigor.exec.Execution;
import dev.rigor.exec.RunRequest;
import dev.rigor.exec.SuccessCheck;
import dev.rigor.exec.TrialCommand;
import dev.rigor.exec.TrialSetup;
import dev.rigor.metrics.MetricExtractor;
import dev.rigor.plan.Trial;
import dev.rigor.store.FileTail;
import dev.rigor.store.Measurement;
import dev.rigor.store.RunDirectory;
import dev.rigor.store.RunMeta;
import dev.rigor.store.RunMetrics;
import dev.rigor.store.RunRecord;
import dev.rigor.store.RunStatus;
import dev.rigor.store.SeriesFile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One attempt of a trial on a worker of a job slot: start the slot's worker if it has none, send the
 * trial, relay what the worker says (metrics lines, output) until {@code done}, a timeout, a stop, the
 * worker's death or a protocol error, replace the worker when it cannot be trusted any more, and write
 * the same records as a process trial.
 */
final class WorkerRun implements Execution, Runnable {

  /** How often a running trial's output is copied into its files and the stop/timeout are checked. */
  private static final long POLL_MS = 100;
  /** As for process trials: the running meta.json is written only once a trial has run this long. */
  private static final long RUNNING_META_AFTER_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  private final RunRequest request;
  private final WorkerExecutor executor;
  private final WorkerExecutor.Slot slot;
  private final TrialSetup setup;
  private final CompletableFuture<RunRecord> completion = new CompletableFuture<>();
  private final CompletableFuture<RunStatus> stop = new CompletableFuture<>();
  private final CompletableFuture<Void> slotFreed = new CompletableFuture<>();
  private OutputStream metricsLines;

  WorkerRun(RunRequest request, WorkerExecutor executor, WorkerExecutor.Slot slot) {
    this.request = request;
    this.executor = executor;
    this.slot = slot;
    this.setup = executor.setup();
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
    stop.complete(reason);
  }

  /** How a trial ended on the worker. */
  private record Outcome(RunStatus status, String error, Map<String, Object> returned, Integer exitCode, Integer signal, boolean workerUsable) {}

  @Override
  public void run() {
    RunRecord record;
    try {
      record = execute();
    } catch (IOException | RuntimeException e) {
      freeSlot();
      RunMeta failed = Attempts.startingMeta(request, setup.experiment(), executor.program().argv(), "")
          .finished(RunStatus.ERROR, null, null, Attempts.now(), 0, null, null, Measurement.NONE, "could not run the trial: " + e, null);
      try {
        request.directory().writeMeta(failed);
      } catch (IOException ignored) {
        // the run directory itself is unusable; the ledger still gets the record
      }
      record = new RunRecord(failed, RunMetrics.EMPTY);
    }
    freeSlot();
    completion.complete(record);
  }

  private void freeSlot() {
    if (!slotFreed.isDone()) {
      executor.release(slot);
      slotFreed.complete(null);
    }
  }

  private RunRecord execute() throws IOException {
    RunDirectory dir = request.directory();
    dir.prepareAttempt();
    Trial trial = request.trial();
    dir.writeParams(Attempts.paramsFile(trial));
    Files.write(dir.stdout(), new byte[0]); // as a process trial's: there even when the worker prints nothing
    Files.write(dir.stderr(), new byte[0]);
    WorkerProgram program = executor.program();
    long startNanos = System.nanoTime();
    RunMeta meta = Attempts.startingMeta(request, setup.experiment(), program.argv(), program.cwd().toString());
    Worker worker = slot.worker;
    if (worker != null && !worker.alive()) {
      retire(worker, false); // died while idle: not this trial's fault, it gets a new worker
      worker = null;
    }
    if (worker == null) {
      try {
        worker = executor.startWorker(slot, () -> stop.getNow(null));
      } catch (Worker.StartFailure e) {
        executor.copyFailedStart(slot, dir);
        RunStatus reason = stop.getNow(null);
        return finish(meta, startNanos, new Outcome(reason != null ? reason : RunStatus.ERROR,
            e.getMessage() + tail(dir), Map.of(), null, null, false), null, null);
      }
      slot.worker = worker;
    }
    Double cpuBefore = worker.tree().usage().cpuSeconds();
    Outcome outcome;
    try {
      outcome = converse(worker, trial, dir, meta, startNanos);
    } finally {
      closeMetricsLines();
    }
    worker.copyOutput(dir.stdout(), dir.stderr());
    ProcessTreeUsage usage = new ProcessTreeUsage(worker.tree().usage());
    worker.countTrial();
    slot.worker = null;
    if (!outcome.workerUsable() || !worker.alive()) {
      executor.retire(worker, false);
    } else if (executor.spec().maxTrials() > 0 && worker.trials() >= executor.spec().maxTrials()) {
      executor.retire(worker, true);
    } else {
      worker.trimOutput();
      slot.worker = worker;
    }
    Double cpu = cpuBefore != null && usage.cpu() != null ? Math.max(0, usage.cpu() - cpuBefore) : null;
    return finish(meta, startNanos, outcome, cpu, usage.peak());
  }

  private record ProcessTreeUsage(Double cpu, Long peak) {
    ProcessTreeUsage(dev.rigor.exec.ProcessTree.Usage u) {
      this(u.cpuSeconds(), u.peakBytes());
    }
  }

  private void retire(Worker worker, boolean graceful) {
    slot.worker = null;
    executor.retire(worker, graceful);
  }

  /** Sends the trial and follows the conversation to its end. */
  private Outcome converse(Worker worker, Trial trial, RunDirectory dir, RunMeta meta, long startNanos) throws IOException {
    try {
      worker.send(trialMessage(trial, dir));
    } catch (IOException e) {
      return died(worker, dir, "the worker could not be sent the trial (" + e.getMessage() + ")");
    }
    long deadline = setup.timeout() == null ? Long.MAX_VALUE : System.nanoTime() + setup.timeout().toNanos();
    boolean runningMeta = false;
    RunStatus stopping = null;
    long killAt = Long.MAX_VALUE;
    while (true) {
      long now = System.nanoTime();
      long wait = Math.min(POLL_MS, Math.max(1, TimeUnit.NANOSECONDS.toMillis(Math.min(deadline, killAt) - now)));
      Protocol.Message m = worker.poll(runningMeta ? wait : Math.min(wait, 20));
      if (!runningMeta && System.nanoTime() - startNanos >= RUNNING_META_AFTER_NANOS && (m == null || !"done".equals(m.type()))) {
        runningMeta = true;
        dir.writeMeta(meta.withProcess(worker.process().pid(), null, worker.tree().cgroups()));
      }
      if (m != null) {
        if (m.isEof()) {
          if (stopping != null) {
            return new Outcome(stopping, Attempts.stopped(stopping, setup.timeout(), "the worker exited"), Map.of(), null, null, false);
          }
          return died(worker, dir, "the worker died during the trial");
        }
        if (m.problem() != null) {
          return broke(worker, m.problem());
        }
        String type = m.type();
        if (!trial.runId().equals(m.runId())) {
          return broke(worker, "a \"" + type + "\" message for run " + (m.runId() == null ? "(none)" : "'" + m.runId() + "'")
              + " during run '" + trial.runId() + "'");
        }
        if (type.equals("metrics")) {
          Map<String, Object> values = new LinkedHashMap<>(m.fields());
          values.remove("type");
          values.remove("run_id");
          metricsLine(dir, values);
          request.observer().metrics(values);
        } else if (type.equals("done")) {
          return done(m, stopping);
        } else {
          return broke(worker, "unexpected message type \"" + type + "\" during a trial");
        }
      }
      worker.copyOutput(dir.stdout(), dir.stderr());
      RunStatus reason = stop.getNow(null);
      if (reason == null && System.nanoTime() >= deadline) {
        reason = RunStatus.TIMEOUT;
      }
      if (stopping == null && reason != null) {
        stopping = reason;
        killAt = System.nanoTime() + setup.killGrace().toNanos();
        try {
          worker.send(Protocol.message("cancel", "run_id", trial.runId()));
        } catch (IOException e) {
          killAt = System.nanoTime();
        }
      }
      if (stopping != null && System.nanoTime() >= killAt) {
        worker.kill(setup.killGrace());
        return new Outcome(stopping, Attempts.stopped(stopping, setup.timeout(),
            "the worker did not stop the trial within kill_grace, so its process tree was stopped (and will be replaced)"),
            Map.of(), null, null, false);
      }
    }
  }

  private Outcome done(Protocol.Message m, RunStatus stopping) {
    Object status = m.fields().get("status");
    Object error = m.fields().get("error");
    Map<String, Object> returned = new LinkedHashMap<>();
    if (m.fields().get("metrics") instanceof Map<?, ?> metrics) {
      metrics.forEach((k, v) -> returned.put(String.valueOf(k), v));
    }
    if (stopping != null) {
      return new Outcome(stopping, Attempts.stopped(stopping, setup.timeout(), "the worker stopped the trial"), returned, null, null, true);
    }
    String why = error instanceof String s && !s.isBlank() ? s : null;
    if ("ok".equals(status)) {
      return new Outcome(RunStatus.OK, null, returned, null, null, true);
    }
    if ("failed".equals(status)) {
      return new Outcome(RunStatus.FAILED, why != null ? why : "the trial reported failure", returned, null, null, true);
    }
    if ("error".equals(status)) {
      return new Outcome(RunStatus.ERROR, why != null ? why : "the trial reported an error", returned, null, null, true);
    }
    return new Outcome(RunStatus.ERROR, "the worker broke the protocol: \"done\" with status " + Protocol.mapper().valueToTree(status)
        + " (expected ok, failed or error)", null, null, null, false);
  }

  private Outcome broke(Worker worker, String problem) {
    worker.kill(setup.killGrace());
    return new Outcome(RunStatus.ERROR, "the worker broke the protocol (" + problem + "); it was stopped and will be replaced", null, null, null, false);
  }

  /** The worker's socket closed mid-trial: wait briefly for its exit code, stop what is left of its tree. */
  private Outcome died(Worker worker, RunDirectory dir, String what) throws IOException {
    try {
      worker.process().waitFor(Math.max(1000, setup.killGrace().toMillis()), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    worker.kill(setup.killGrace());
    worker.copyOutput(dir.stdout(), dir.stderr());
    int code = worker.process().exitValue();
    Integer signal = code > 128 && code <= 192 ? code - 128 : null;
    String how = signal != null ? " (killed by signal " + signal + ")" : " (exit code " + code + ")";
    String killed = worker.tree().killedBecause();
    return new Outcome(RunStatus.ERROR, what + how + (killed != null ? ": " + killed : "") + tail(dir), null, code, signal, false);
  }

  private static String tail(RunDirectory dir) {
    List<String> lines = FileTail.lines(dir.stderr(), 5, 300);
    return lines.isEmpty() ? "" : "; stderr ends: " + String.join(" | ", lines);
  }

  private Map<String, Object> trialMessage(Trial trial, RunDirectory dir) {
    Map<String, Object> env = new LinkedHashMap<>(TrialCommand.of(setup, trial, dir).env());
    return Protocol.message("trial", "run_id", trial.runId(), "params", trial.variation().params(), "seed", trial.seed(),
        "replicate", trial.replicate(), "ablation", trial.variation().ablation().name(), "out", dir.out().toString(),
        "run_dir", dir.root().toString(), "flags", trial.variation().ablation().flags(), "env", env);
  }

  private void metricsLine(RunDirectory dir, Map<String, Object> values) throws IOException {
    if (metricsLines == null) {
      metricsLines = Files.newOutputStream(dir.metricsStream(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
    metricsLines.write(Protocol.mapper().writeValueAsBytes(values));
    metricsLines.write('\n');
  }

  private void closeMetricsLines() throws IOException {
    if (metricsLines != null) {
      metricsLines.close();
      metricsLines = null;
    }
  }

  private RunRecord finish(RunMeta meta, long startNanos, Outcome outcome, Double cpu, Long peak) throws IOException {
    freeSlot(); // the worker is idle, replaced or gone: the next trial may start while this one is recorded
    double wall = (System.nanoTime() - startNanos) / 1e9;
    RunDirectory dir = request.directory();
    Function<String, String> placeholders = TrialCommand.placeholders(request.trial(), dir);
    Map<String, Object> returned = outcome.returned() == null ? Map.of() : outcome.returned();
    MetricExtractor.Extraction extraction = MetricExtractor.extract(setup.metrics(), dir, placeholders, returned);
    RunStatus status = outcome.status();
    String error = outcome.error();
    if (status == RunStatus.OK) {
      error = SuccessCheck.failure(setup.success(), 0, dir.root(), extraction.metrics(), placeholders);
      status = error == null ? RunStatus.OK : RunStatus.FAILED;
    }
    dir.writeMetrics(extraction.metrics());
    if (!extraction.series().isEmpty()) {
      SeriesFile.write(dir.series(), extraction.series());
    }
    RunMeta end = meta.finished(status, outcome.exitCode(), outcome.signal(), meta.startTimeUnixS() + wall, wall, cpu, peak,
        Measurement.WORKER, error, null);
    dir.writeMeta(end);
    return new RunRecord(end, extraction.metrics());
  }
}
