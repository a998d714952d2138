package dev.rigor.exec.slurm;

import dev.rigor.exec.Execution;
import dev.rigor.exec.Executor;
import dev.rigor.exec.ExecutorContext;
import dev.rigor.exec.ExecutorFactory;
import dev.rigor.exec.RunRequest;
import dev.rigor.exec.StaleRun;
import dev.rigor.exec.TrialCommand;
import dev.rigor.exec.TrialSetup;
import dev.rigor.metrics.MetricExtractor;
import dev.rigor.spec.CanonicalJson;
import dev.rigor.spec.ExecutorSettings;
import dev.rigor.spec.Quantities;
import dev.rigor.store.AtomicFiles;
import dev.rigor.store.HostInfo;
import dev.rigor.store.Measurement;
import dev.rigor.store.RunDirectory;
import dev.rigor.store.RunMeta;
import dev.rigor.store.RunMetrics;
import dev.rigor.store.RunRecord;
import dev.rigor.store.RunStatus;
import dev.rigor.store.SeriesFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs trials on a SLURM cluster (DESIGN.md §11). Attempts are gathered into job arrays (one
 * {@code sbatch} per batch); each array task runs {@code rigor exec-trial} on its node, which is the
 * local runner writing the same run directory. One thread submits, cancels and watches: one
 * {@code squeue} call per poll interval for every job of the experiment (plus one {@code sacct} or
 * jobcomp read when tasks have left {@code squeue}), never one per job. A run's record is the final
 * {@code meta.json} its node wrote; when SLURM ended the task before Rigor could (time limit, memory,
 * node failure, {@code scancel}), the coordinator writes it from SLURM's state. Jobs outlive the
 * coordinator; a resuming one re-attaches to them through the placements in the ledger ({@link #adopt}).
 */
public final class SlurmExecutor implements Executor {

  /** How often all jobs are looked at ({@code RIGOR_SLURM_POLL}, e.g. 500ms). */
  static final long DEFAULT_POLL_MS = 1000;
  /** Starts arriving within this window go into one array (the sweep hands over many at once). */
  private static final long GATHER_MS = 50;
  private static final long GATHER_MAX_MS = 1000;
  private static final int RECORDLESS_POLLS = 10;
  private static final int MISSING_POLLS = 10;

  private record Cancel(SlurmRun run, RunStatus reason) {}

  private record Adopted(List<SlurmRun> runs) {}

  private record Close() {}

  private final TrialSetup setup;
  private final BatchScripts scripts;
  private final SlurmCommands commands;
  private final String jobName;
  private final ClusterConfig cluster;
  private final long pollMs;
  private final LinkedBlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
  private final Thread thread;
  // owned by the thread
  private final List<SlurmRun> unsubmitted = new ArrayList<>();
  private final Map<String, SlurmRun> watching = new LinkedHashMap<>();
  private final Set<String> toCancel = new LinkedHashSet<>();
  private long batchStartedMs;
  private long lastArrivalMs;
  private int batchSeq;

  /** What the controller's configuration says about arrays and finished jobs. */
  record ClusterConfig(int maxArrayTasks, boolean accounting, Path jobComp) {}

  private SlurmExecutor(ExecutorContext context, BatchScripts scripts, SlurmCommands commands, String jobName, ClusterConfig cluster) {
    this.setup = context.setup();
    this.scripts = scripts;
    this.commands = commands;
    this.jobName = jobName;
    this.cluster = cluster;
    this.pollMs = pollInterval();
    this.thread = new Thread(this::loop, "rigor-slurm");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /** Checks that trials can run on the cluster (preflight), then opens the executor; nothing is submitted when a check fails. */
  public static SlurmExecutor open(ExecutorContext context) throws ExecutorFactory.UnavailableException, IOException {
    ExecutorSettings settings = context.spec().executor();
    Path experiment = context.experiment().root().toAbsolutePath().normalize();
    String key = CanonicalJson.sha256Hex(experiment.toString()).substring(0, 8);
    String jobName = "rigor-" + context.spec().name() + "-" + key;
    BatchScripts scripts = new BatchScripts(settings, context.setup(), experiment, context.setup().measure(), jobName);
    SlurmCommands commands = new SlurmCommands();
    ClusterConfig cluster = SlurmPreflight.check(commands, scripts);
    return new SlurmExecutor(context, scripts, commands, jobName, cluster);
  }

  private static long pollInterval() {
    String v = System.getenv("RIGOR_SLURM_POLL");
    return v == null || v.isBlank() ? DEFAULT_POLL_MS : Math.max(100, Quantities.duration(v).toMillis());
  }

  @Override
  public String name() {
    return "slurm";
  }

  @Override
  public String measurement() {
    return "node"; // each node measures its trial as a local run does (cgroup or /proc), recorded in meta.json
  }

  @Override
  public Execution start(RunRequest request) {
    SlurmRun run = new SlurmRun(request, this);
    inbox.add(run);
    return run;
  }

  void cancel(SlurmRun run, RunStatus reason) {
    inbox.add(new Cancel(run, reason));
  }

  /**
   * Re-attaches to every stale run with a SLURM placement: its job may still be pending or running
   * (then it is waited for), or have finished while no coordinator watched (then its record is taken
   * from its run directory or SLURM's accounting). Jobs of this experiment that no placement names
   * (submitted just before a coordinator died, before the ledger recorded their ids) are cancelled,
   * so no trial ever runs twice at once.
   */
  @Override
  public List<Execution> adopt(List<StaleRun> staleRuns) {
    List<SlurmRun> runs = new ArrayList<>();
    for (StaleRun s : staleRuns) {
      Object job = s.placement().get("job");
      if ("slurm".equals(s.placement().get("executor")) && job instanceof String id) {
        SlurmRun run = new SlurmRun(s.request(), this);
        run.job = id;
        Object submitted = s.placement().get("submitted_unix_s");
        run.submittedUnixS = submitted instanceof Number n ? n.doubleValue() : now();
        runs.add(run);
      }
    }
    cancelUnknownJobs(runs.stream().map(r -> r.job).collect(Collectors.toSet()));
    if (!runs.isEmpty()) {
      inbox.add(new Adopted(runs));
    }
    return List.copyOf(runs);
  }

  private void cancelUnknownJobs(Set<String> known) {
    try {
      SlurmCommands.Output o = commands.run(List.of("squeue", "-h", "-r", "-u", System.getProperty("user.name"), "--name=" + jobName, "-o", "%i"));
      List<String> unknown = new ArrayList<>();
      for (String line : o.out().split("\n")) {
        String id = line.strip();
        if (!id.isEmpty() && !known.contains(id)) {
          unknown.add(id);
        }
      }
      if (!unknown.isEmpty()) {
        List<String> argv = new ArrayList<>(List.of("scancel"));
        argv.addAll(unknown);
        commands.run(argv);
      }
    } catch (IOException e) {
      // best effort: the ledger's placements are the record; an unknown job only risks a duplicate run
    }
  }

  @Override
  public int reclaim(List<RunMeta> staleRuns) {
    return 0; // nothing of a SLURM run lives in this process; runs not adopted have no job to stop
  }

  @Override
  public void close() {
    inbox.add(new Close());
    try {
      thread.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** squeue calls made so far (the coordinator's load on the controller). */
  public long squeueCalls() {
    return commands.squeueCalls.get();
  }

  private void loop() {
    long nextPoll = 0;
    try {
      while (true) {
        long now = System.currentTimeMillis();
        long wait = Long.MAX_VALUE;
        if (!unsubmitted.isEmpty()) {
          wait = Math.min(lastArrivalMs + GATHER_MS, batchStartedMs + GATHER_MAX_MS) - now;
        }
        if (!watching.isEmpty()) {
          wait = Math.min(wait, nextPoll - now);
        }
        Object msg = wait == Long.MAX_VALUE ? inbox.take() : inbox.poll(Math.max(0, wait), TimeUnit.MILLISECONDS);
        List<Object> msgs = new ArrayList<>();
        if (msg != null) {
          msgs.add(msg);
          inbox.drainTo(msgs);
        }
        boolean closing = false;
        for (Object m : msgs) {
          closing |= handle(m);
        }
        now = System.currentTimeMillis();
        if (!unsubmitted.isEmpty() && (closing || now >= lastArrivalMs + GATHER_MS || now >= batchStartedMs + GATHER_MAX_MS
            || unsubmitted.size() >= cluster.maxArrayTasks())) {
          submit();
        }
        if (!toCancel.isEmpty()) {
          scancel();
          nextPoll = 0; // see the cancellation at once
        }
        if (closing) {
          return;
        }
        if (!watching.isEmpty() && System.currentTimeMillis() >= nextPoll) {
          poll();
          nextPoll = System.currentTimeMillis() + pollMs;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      String error = "the SLURM executor failed: " + e;
      for (SlurmRun r : new ArrayList<>(watching.values())) {
        finish(r, RunStatus.ERROR, error, null);
      }
      unsubmitted.forEach(r -> finish(r, RunStatus.ERROR, error, null));
    }
  }

  /** Returns true on close. */
  private boolean handle(Object m) {
    if (m instanceof SlurmRun run) {
      long now = System.currentTimeMillis();
      if (unsubmitted.isEmpty()) {
        batchStartedMs = now;
      }
      lastArrivalMs = now;
      unsubmitted.add(run);
    } else if (m instanceof Cancel c) {
      SlurmRun run = c.run();
      if (run.completion().isDone() || run.stopReason != null) {
        return false;
      }
      run.stopReason = c.reason();
      if (unsubmitted.remove(run)) {
        finish(run, c.reason(), describe(c.reason()) + " before it was submitted to SLURM", null);
      } else if (run.job != null) {
        toCancel.add(run.job);
      }
    } else if (m instanceof Adopted a) {
      a.runs().forEach(r -> watching.put(r.job, r));
    } else if (m instanceof Close) {
      return true;
    }
    return false;
  }

  /** One array for everything gathered: its task file (run id and attempt per line), its script, one sbatch. */
  private void submit() {
    List<SlurmRun> batch = new ArrayList<>(unsubmitted.subList(0, Math.min(unsubmitted.size(), cluster.maxArrayTasks())));
    unsubmitted.subList(0, batch.size()).clear();
    String name = "batch-" + System.currentTimeMillis() + "-" + (++batchSeq);
    Path tasks = scripts.dir().resolve(name + ".tasks");
    Path script = scripts.dir().resolve(name + ".sh");
    SlurmCommands.Output out;
    try {
      Files.createDirectories(scripts.logs());
      StringBuilder lines = new StringBuilder();
      for (SlurmRun r : batch) {
        lines.append(r.request().trial().runId()).append(' ').append(r.request().attempt()).append('\n');
      }
      AtomicFiles.write(tasks, lines.toString());
      AtomicFiles.write(script, scripts.arrayScript(tasks));
      out = commands.run(scripts.sbatch(script, batch.size()));
    } catch (IOException e) {
      batch.forEach(r -> finish(r, RunStatus.ERROR, "could not submit to SLURM: " + e.getMessage(), null));
      return;
    }
    if (!out.ok()) {
      batch.forEach(r -> finish(r, RunStatus.ERROR, "sbatch refused the job: " + out.message(), null));
      return;
    }
    String arrayId = out.out().strip().split(";")[0];
    double now = now();
    for (int i = 0; i < batch.size(); i++) {
      SlurmRun r = batch.get(i);
      r.job = arrayId + "_" + i;
      r.submittedUnixS = now;
      watching.put(r.job, r);
      Map<String, Object> where = new LinkedHashMap<>();
      where.put("executor", "slurm");
      where.put("job", r.job);
      where.put("array_job_id", arrayId);
      where.put("array_task_id", i);
      where.put("batch", name);
      where.put("submitted_unix_s", now);
      r.request().observer().placed(where);
      if (r.stopReason != null) {
        toCancel.add(r.job);
      }
    }
  }

  private void scancel() {
    List<String> argv = new ArrayList<>(List.of("scancel"));
    argv.addAll(toCancel);
    toCancel.clear();
    try {
      commands.run(argv); // a task that already ended makes scancel complain; its state still comes from squeue
    } catch (IOException e) {
      // the next poll sees the jobs still running; terminate() is asked again only by a new halt
    }
  }

  /** One squeue for all jobs; tasks it no longer shows are looked up in the accounting once. */
  private void poll() {
    Map<String, SlurmStates.Task> states;
    try {
      SlurmCommands.Output o = commands.run(List.of("squeue", "-h", "-r", "--states=all", "-u", System.getProperty("user.name"),
          "--name=" + jobName, "-o", SlurmStates.SQUEUE_FORMAT));
      if (!o.ok()) {
        return; // the controller is busy or restarting: try again next interval
      }
      states = SlurmStates.ofTasks(SlurmStates.parseSqueue(o.out()), new ArrayList<>(watching.keySet()));
    } catch (IOException e) {
      return;
    }
    List<SlurmRun> missing = new ArrayList<>();
    for (SlurmRun run : new ArrayList<>(watching.values())) {
      SlurmStates.Task t = states.get(run.job);
      if (t == null) {
        missing.add(run);
        continue;
      }
      run.missingPolls = 0;
      run.lastState = t.state();
      run.node = t.node();
      if (t.terminal()) {
        ended(run, t);
      }
    }
    if (!missing.isEmpty()) {
      Map<String, SlurmStates.Task> finished = accounting(missing);
      for (SlurmRun run : missing) {
        SlurmStates.Task t = finished.getOrDefault(run.job, finished.get(SlurmStates.arrayId(run.job)));
        if (t != null && t.terminal()) {
          ended(run, t);
        } else if (++run.missingPolls >= MISSING_POLLS) {
          RunRecord record = finalRecord(run);
          if (record != null) {
            complete(run, record);
          } else {
            finish(run, RunStatus.ERROR, "SLURM no longer knows job " + run.job + " and the run left no record", null);
          }
        }
      }
    }
  }

  private Map<String, SlurmStates.Task> accounting(List<SlurmRun> runs) {
    Set<String> arrays = new HashSet<>();
    runs.forEach(r -> arrays.add(SlurmStates.arrayId(r.job)));
    try {
      if (cluster.accounting()) {
        SlurmCommands.Output o = commands.run(List.of("sacct", "-n", "-P", "-X", "-j", String.join(",", arrays), "-o",
            "JobID,State,ExitCode,NodeList"));
        return o.ok() ? SlurmStates.parseSacct(o.out()) : Map.of();
      }
      return SlurmStates.readJobComp(cluster.jobComp(), arrays);
    } catch (IOException e) {
      return Map.of();
    }
  }

  /** SLURM is done with the task: its record is the node's final meta.json, or one written here from SLURM's state. */
  private void ended(SlurmRun run, SlurmStates.Task t) {
    RunRecord record = finalRecord(run);
    if (record != null) {
      complete(run, record);
      return;
    }
    String state = t.state();
    String where = t.node() == null || t.node().isBlank() ? run.node : t.node();
    String on = where == null || where.isBlank() ? "" : " on " + where;
    String log = logTail(run);
    switch (state) {
      case "COMPLETED" -> {
        if (++run.recordlessPolls < RECORDLESS_POLLS) {
          return; // the node's meta.json may not be visible here yet (shared file systems cache attributes)
        }
        finish(run, RunStatus.ERROR, "SLURM task " + run.job + " completed without a record of the run" + log, t.exitCode());
      }
      case "TIMEOUT", "DEADLINE" -> finish(run, RunStatus.TIMEOUT, "exceeded its SLURM time limit"
          + (scripts.time() == null ? "" : " (--time " + Quantities.format(scripts.time()) + ")") + "; SLURM stopped job " + run.job + on,
          t.exitCode());
      case "OUT_OF_MEMORY" -> finish(run, RunStatus.FAILED, outOfMemory(run, on), t.exitCode());
      case "NODE_FAIL", "BOOT_FAIL", "PREEMPTED" -> finish(run, RunStatus.ERROR, "SLURM job " + run.job + " ended " + state
          + on + " (" + (state.equals("PREEMPTED") ? "preempted" : "node failure") + "); retried as the spec's retries allow", t.exitCode());
      case "CANCELLED" -> {
        if (run.stopReason != null) {
          finish(run, run.stopReason, describe(run.stopReason) + "; SLURM job " + run.job + " was cancelled (scancel)", t.exitCode());
        } else {
          finish(run, RunStatus.CANCELLED, "SLURM job " + run.job + " was cancelled outside Rigor (scancel, or an administrator)"
              + on, t.exitCode());
        }
      }
      default -> {
        if (log.toLowerCase(java.util.Locale.ROOT).contains("memory limit")) {
          finish(run, RunStatus.FAILED, outOfMemory(run, on), t.exitCode());
        } else if (run.stopReason != null) {
          finish(run, run.stopReason, describe(run.stopReason) + "; SLURM job " + run.job + " ended " + state, t.exitCode());
        } else {
          finish(run, RunStatus.ERROR, "SLURM job " + run.job + " ended " + state + on + " before Rigor recorded the run" + log, t.exitCode());
        }
      }
    }
  }

  private String outOfMemory(SlurmRun run, String on) {
    String mem = scripts.resourceOptions().stream().filter(o -> o.startsWith("--mem=")).findFirst().map(o -> " (" + o + ")").orElse("");
    return "exceeded its SLURM memory" + mem + "; SLURM killed job " + run.job + on;
  }

  private static String describe(RunStatus reason) {
    return switch (reason) {
      case INTERRUPTED -> "interrupted";
      case CANCELLED -> "cancelled";
      case COST_LIMIT -> "stopped by the budget: its streamed spend passed a limit";
      default -> "stopped: " + reason.json();
    };
  }

  /** The last lines of the task's SLURM log, for errors that only SLURM saw. */
  private String logTail(SlurmRun run) {
    Path log = scripts.log(run.job);
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      List<String> tail = lines.subList(Math.max(0, lines.size() - 3), lines.size());
      return tail.isEmpty() ? "" : ": " + String.join(" / ", tail.stream().map(String::strip).toList()) + " (" + log + ")";
    } catch (IOException e) {
      return "";
    }
  }

  /** The node's final record of this attempt, if it wrote one. */
  private static RunRecord finalRecord(SlurmRun run) {
    RunRecord record = run.request().directory().readRecord();
    if (record == null || record.meta().attempt() != run.request().attempt() || record.meta().status() == RunStatus.RUNNING) {
      return null;
    }
    return record;
  }

  private void complete(SlurmRun run, RunRecord record) {
    watching.remove(run.job);
    run.completion().complete(record);
  }

  /**
   * Writes the final record of a run that SLURM ended before Rigor on the node could: from the
   * node's {@code running} meta.json when it got that far (with the metrics its outputs hold), else
   * from the trial, in a run directory prepared for this attempt.
   */
  private void finish(SlurmRun run, RunStatus status, String error, Integer exitCode) {
    if (run.job != null) {
      watching.remove(run.job);
    }
    RunRequest request = run.request();
    RunDirectory dir = request.directory();
    RunMeta started = dir.readMeta();
    boolean ran = started != null && started.attempt() == request.attempt();
    RunMetrics metrics = RunMetrics.EMPTY;
    RunMeta end;
    try {
      if (!ran) {
        dir.prepareAttempt();
        started = startingMeta(run);
      }
      double now = now();
      double start = started.startTimeUnixS() == null ? now : started.startTimeUnixS();
      if (ran) {
        MetricExtractor.Extraction extraction = MetricExtractor.extract(setup.metrics(), dir, TrialCommand.placeholders(request.trial(), dir));
        metrics = extraction.metrics();
        if (!extraction.series().isEmpty()) {
          SeriesFile.write(dir.series(), extraction.series());
        }
      }
      Integer signal = exitCode != null && exitCode > 128 && exitCode <= 128 + 64 ? exitCode - 128 : null;
      end = started.finished(status, exitCode, signal, now, now - start, null, null, ran ? started.measurement() : Measurement.NONE,
          error, null);
      dir.writeMetrics(metrics);
      dir.writeMeta(end);
    } catch (IOException | RuntimeException e) {
      end = startingMeta(run).finished(status, exitCode, null, now(), 0, null, null, Measurement.NONE,
          error + " (and its record could not be written: " + e.getMessage() + ")", null);
    }
    run.completion().complete(new RunRecord(end, metrics));
  }

  private RunMeta startingMeta(SlurmRun run) {
    var t = run.request().trial();
    return new RunMeta(RunMeta.SCHEMA, t.runId(), t.trialKey(), setup.experiment(), t.variation().params(), t.variation().axes(),
        t.seed(), t.replicate(), t.variation().ablation().name(), t.variation().ablation().flags(), List.of(),
        setup.invocationDir().toString(), run.node == null || run.node.isBlank() ? HostInfo.hostname() : run.node,
        run.request().attempt(), RunStatus.RUNNING, null, null, run.submittedUnixS == 0 ? now() : run.submittedUnixS, null, null,
        null, null, Measurement.NONE, null, null, null, List.of(), null, ProcessHandle.current().pid(), null);
  }

  private static double now() {
    return System.currentTimeMillis() / 1000.0;
  }
}
