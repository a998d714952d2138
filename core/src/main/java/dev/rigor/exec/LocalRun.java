package dev.rigor.exec;

import dev.rigor.metrics.MetricExtractor;
import dev.rigor.plan.Trial;
import dev.rigor.spec.Quantities;
import dev.rigor.store.HostInfo;
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
import java.util.concurrent.CompletableFuture;
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

  private final ProcessTrees trees;

  LocalRun(RunRequest request, TrialSetup setup, ProcessTrees trees) {
    super(request, setup);
    this.trees = trees;
  }

  @Override
  protected RunRecord execute() throws IOException {
    RunDirectory dir = request.directory();
    dir.prepareAttempt();
    dir.writeParams(TrialCommand.paramsFile(request.trial()));
    TrialCommand command = TrialCommand.of(setup, request.trial(), dir);
    long startNanos = System.nanoTime();
    RunMeta meta = startingMeta(command.argv(), command.cwd().toString());
    if (!command.cwd().toFile().isDirectory()) {
      return finish(meta, startNanos, null, null, null, "working directory " + command.cwd() + " does not exist");
    }
    try (ProcessTree tree = trees.create(request.trial().trialKey() + "-a" + request.attempt(), setup.limits())) {
      ProcessBuilder builder = new ProcessBuilder(command.argv())
          .directory(command.cwd().toFile())
          .redirectInput(DEV_NULL)
          .redirectOutput(dir.stdout().toFile())
          .redirectError(dir.stderr().toFile());
      builder.environment().putAll(command.env());
      builder.environment().put(ProcessTree.ENV, tree.id());
      Process process;
      try {
        process = tree.start(builder);
      } catch (IOException e) {
        return finish(meta, startNanos, null, tree, null, "cannot start " + command.argv().get(0) + ": " + e.getMessage());
      }
      tree.attach(process);
      if (!exitsWithin(process, RUNNING_META_AFTER_NANOS)) {
        ProcFs.Stat stat = ProcFs.stat(process.pid());
        dir.writeMeta(meta.withProcess(process.pid(), stat == null ? null : stat.startTicks(), tree.cgroups()));
      }
      RunStatus stopped = await(process, tree);
      return finish(meta, startNanos, process, tree, stopped, null);
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
    RunStatus reason = null;
    try {
      while (!process.waitFor(Math.min(STOP_POLL_NANOS, Math.max(1, deadline - System.nanoTime())), TimeUnit.NANOSECONDS)) {
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
    slotFreed.complete(null); // the tree is gone: the next trial may start while this one is recorded
    return reason;
  }

  private RunRecord finish(RunMeta meta, long startNanos, Process process, ProcessTree tree, RunStatus stopped, String error)
      throws IOException {
    double wall = (System.nanoTime() - startNanos) / 1e9;
    boolean ran = process != null;
    ProcessTree.Usage usage = ran ? tree.usage() : new ProcessTree.Usage(null, null);
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
      error = describe(stopped);
    } else {
      String killed = tree.killedBecause();
      error = killed != null ? killed : SuccessCheck.failure(setup.success(), exitCode, dir.root(), extraction.metrics(), placeholders);
      status = error == null ? RunStatus.OK : RunStatus.FAILED;
    }
    dir.writeMetrics(extraction.metrics());
    if (!extraction.series().isEmpty()) {
      SeriesFile.write(dir.series(), extraction.series());
    }
    RunMeta end = meta.finished(status, exitCode, signal, meta.startTimeUnixS() + wall, wall, usage.cpuSeconds(),
        usage.peakBytes(), ran ? tree.measurement() : Measurement.NONE, error, ran ? tree.limitsEnforced() : null);
    dir.writeMeta(end);
    return new RunRecord(end, extraction.metrics());
  }

  private String describe(RunStatus stopped) {
    return switch (stopped) {
      case TIMEOUT -> "timed out after " + Quantities.format(setup.timeout()) + "; the process tree was stopped";
      case INTERRUPTED -> "interrupted; the process tree was stopped";
      case CANCELLED -> "cancelled; the process tree was stopped";
      case COST_LIMIT -> "stopped at the per-run cost limit";
      default -> "stopped: " + stopped.json();
    };
  }

  private RunMeta startingMeta(List<String> argv, String cwd) {
    return setup.startingMeta(request, argv, cwd);
  }
}
