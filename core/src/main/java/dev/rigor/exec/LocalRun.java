package dev.rigor.exec;

import dev.rigor.metrics.MetricExtractor;
import dev.rigor.metrics.MetricsTail;
import dev.rigor.store.Measurement;
import dev.rigor.store.RunDirectory;
import dev.rigor.store.RunMeta;
import dev.rigor.store.RunMetrics;
import dev.rigor.store.RunRecord;
import dev.rigor.store.RunStatus;
import dev.rigor.store.SeriesFile;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One attempt of a trial as a local process tree: prepare the run directory, start the process
 * inside its tree (cgroup or /proc-followed), wait for it (timeout, termination), stop whatever it
 * left behind, measure, extract metrics, judge, and write the final record.
 */
final class LocalRun extends Attempt {

  private static final File DEV_NULL = new File("/dev/null");
  /**
   * The running meta.json is written once the trial has run this long. A trial that ends sooner
   * gets only its final meta.json: nobody could have looked at the running one in that time, and
   * skipping it saves a file creation and a replace-by-rename (which ext4 follows with a data flush)
   * — a third of the file-system work of a short trial. Crash recovery does not depend on it: a
   * trial's cgroup and {@code RIGOR_TREE_ID} find its processes either way.
   */
  private static final long RUNNING_META_AFTER_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  /** How soon a running trial notices {@link #terminate}. */
  private static final long STOP_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  /**
   * How often the streamed metrics are read while somebody observes them (a budget): a report past
   * a limit reaches the sweep, and the stop reaches the trial, within this time.
   */
  private static final long TAIL_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  private final ProcessTrees trees;
  /** Follows {@code $RIGOR_METRICS} for the request's observer; null without a budget (nobody needs it live). */
  private final MetricsTail tail;

  LocalRun(RunRequest request, TrialSetup setup, ProcessTrees trees) {
    super(request, setup);
    this.trees = trees;
    // tailed only for a budget: the sweep always observes (for placements), but only spend needs the stream live
    this.tail = setup.spendMetric() == null || request.observer() == RunObserver.NONE ? null
        : new MetricsTail(request.directory().metricsStream());
  }

  @Override
  protected RunRecord execute() throws IOException {
    RunDirectory dir = request.directory();
    dir.prepareAttempt();
    dir.writeParams(Attempts.paramsFile(request.trial()));
    TrialCommand command = TrialCommand.of(setup, request.trial(), dir);
    long startNanos = System.nanoTime();
    RunMeta meta = startingMeta(command.argv(), command.cwd().toString());
    if (!command.cwd().toFile().isDirectory()) {
      return finish(meta, startNanos, null, null, null, "working directory " + command.cwd() + " does not exist");
    }
    ProcessTree tree = trees.create(request.trial().trialKey() + "-a" + request.attempt(), setup.limits());
    Process process;
    RunStatus stopped;
    Measured measured;
    try {
      ProcessBuilder builder = new ProcessBuilder(command.argv())
          .directory(command.cwd().toFile())
          .redirectInput(DEV_NULL)
          .redirectOutput(dir.stdout().toFile())
          .redirectError(dir.stderr().toFile());
      builder.environment().putAll(command.env());
      builder.environment().put(ProcessTree.ENV, tree.id());
      try {
        process = tree.start(builder);
      } catch (IOException e) {
        return finish(meta, startNanos, null, null, null, "cannot start " + command.argv().get(0) + ": " + e.getMessage());
      }
      tree.attach(process);
      if (!exitsWithin(process, RUNNING_META_AFTER_NANOS)) {
        ProcFs.Stat stat = ProcFs.stat(process.pid());
        dir.writeMeta(meta.withProcess(process.pid(), stat == null ? null : stat.startTicks(), tree.cgroups()));
      }
      stopped = await(process, tree);
      measured = Measured.of(tree);
    } finally {
      tree.close(); // a cgroup slot goes back to the pool before the next trial takes one
    }
    slotFreed.complete(null); // the tree is gone: the next trial may start while this one is recorded
    return finish(meta, startNanos, process, measured, stopped, null);
  }

  /** What the tree measured, read before it is closed (a pooled cgroup serves the next trial then). */
  private record Measured(ProcessTree.Usage usage, String killedBecause, Measurement measurement, Boolean limitsEnforced) {
    static final Measured NOTHING = new Measured(new ProcessTree.Usage(null, null), null, Measurement.NONE, null);

    static Measured of(ProcessTree tree) {
      return new Measured(tree.usage(), tree.killedBecause(), tree.measurement(), tree.limitsEnforced());
    }
  }

  private boolean exitsWithin(Process process, long nanos) {
    try {
      return stop.getNow(null) == null && process.waitFor(nanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Waits for the main process; on timeout or termination stops the tree. Returns why it was
   * stopped, or null. Waits in slices rather than on {@code Process.onExit()}, whose completion
   * stage runs on a new thread per process when the common pool has a single thread (2 cores).
   */
  private RunStatus await(Process process, ProcessTree tree) {
    long deadline = setup.timeout() == null ? Long.MAX_VALUE : System.nanoTime() + setup.timeout().toNanos();
    long slice = tail == null ? STOP_POLL_NANOS : TAIL_POLL_NANOS;
    RunStatus reason = null;
    try {
      while (!process.waitFor(Math.min(slice, Math.max(1, deadline - System.nanoTime())), TimeUnit.NANOSECONDS)) {
        follow(); // the observer may terminate the run (a cost limit): checked right below
        reason = stop.getNow(null);
        if (reason == null && System.nanoTime() >= deadline) {
          reason = RunStatus.TIMEOUT;
        }
        if (reason != null) {
          break;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      reason = RunStatus.INTERRUPTED;
    }
    if (reason != null || !tree.isEmpty()) {
      TreeKiller.stop(tree, process, setup.killGrace());
    }
    follow(); // what the trial wrote before it ended reaches the observer before the run completes
    return reason; // a stop asked for after the trial ended on its own changes nothing: its work is done
  }

  private void follow() {
    if (tail != null) {
      tail.poll(request.observer()::metrics);
    }
  }

  private RunRecord finish(RunMeta meta, long startNanos, Process process, Measured measured, RunStatus stopped, String error)
      throws IOException {
    double wall = (System.nanoTime() - startNanos) / 1e9;
    boolean ran = process != null;
    ProcessTree.Usage usage = ran ? measured.usage() : Measured.NOTHING.usage();
    Integer exitCode = ran ? process.exitValue() : null;
    Integer signal = exitCode != null && exitCode > 128 && exitCode <= 128 + 64 ? exitCode - 128 : null;
    RunDirectory dir = request.directory();
    Function<String, String> placeholders = TrialCommand.placeholders(request.trial(), dir);
    MetricExtractor.Extraction extraction = ran ? MetricExtractor.extract(setup.metrics(), dir, placeholders)
        : new MetricExtractor.Extraction(RunMetrics.EMPTY, List.of());
    RunStatus status;
    if (!ran) {
      status = RunStatus.ERROR;
    } else if (stopped != null) {
      status = stopped;
      error = Attempts.stopped(stopped, setup.timeout(), "the process tree was stopped");
    } else {
      String killed = measured.killedBecause();
      error = killed != null ? killed : SuccessCheck.failure(setup.success(), exitCode, dir.root(), extraction.metrics(), placeholders);
      status = error == null ? RunStatus.OK : RunStatus.FAILED;
    }
    dir.writeMetrics(extraction.metrics());
    if (!extraction.series().isEmpty()) {
      SeriesFile.write(dir.series(), extraction.series());
    }
    RunMeta end = meta.finished(status, exitCode, signal, meta.startTimeUnixS() + wall, wall, usage.cpuSeconds(),
        usage.peakBytes(), ran ? measured.measurement() : Measurement.NONE, error, ran ? measured.limitsEnforced() : null)
        .withSpend(setup.spendOf(extraction.metrics().values()));
    dir.writeMeta(end);
    return new RunRecord(end, extraction.metrics());
  }

  private RunMeta startingMeta(List<String> argv, String cwd) {
    return Attempts.startingMeta(request, setup.experiment(), argv, cwd);
  }
}
