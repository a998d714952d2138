package dev.rigor.sweep;

import dev.rigor.exec.Executor;
import dev.rigor.exec.ExecutorContext;
import dev.rigor.exec.ExecutorFactory;
import dev.rigor.exec.ProcessTrees;
import dev.rigor.exec.TrialSetup;
import dev.rigor.metrics.MetricsTail;
import dev.rigor.plan.Plan;
import dev.rigor.spec.CanonicalJson;
import dev.rigor.spec.MeasureMode;
import dev.rigor.spec.SpecJson;
import dev.rigor.spec.SpecLoader;
import dev.rigor.store.AtomicFiles;
import dev.rigor.store.ExperimentDirectory;
import dev.rigor.store.ExperimentFile;
import dev.rigor.store.ExperimentLock;
import dev.rigor.store.HostInfo;
import dev.rigor.store.Ledger;
import dev.rigor.store.Manifest;
import dev.rigor.store.Provenance;
import dev.rigor.store.RunMeta;
import dev.rigor.store.RunRecord;
import dev.rigor.store.RunScanner;
import dev.rigor.store.RunStatus;
import dev.rigor.store.RunsCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs an experiment end to end: refuse what would lose or mix results (existing runs without
 * {@code --resume}, drift, a second coordinator), record provenance, stop what a dead coordinator
 * left running, run the missing trials, and write {@code aggregate/runs.csv}.
 */
public final class Coordinator {

  /**
   * Everything a run of an experiment needs besides the spec, resolved once by the CLI.
   *
   * @param invocationDir where relative paths in the spec resolve
   * @param experimentDir {@code <out_root>/<name>}
   * @param timeout per-run timeout ({@code null}: none)
   * @param executors opens the backend that runs the trials (local processes, workers, sessions, SLURM)
   */
  public record Options(Path invocationDir, Path experimentDir, boolean resume, boolean allowDrift, SweepOptions sweep,
      Duration timeout, MeasureMode measure, List<String> commandLine, String rigorVersion, ExecutorFactory executors) {}

  private final SpecLoader.Loaded loaded;
  private final Plan plan;
  private final Options options;
  private final SweepListener listener;
  private volatile Sweep sweep;
  private volatile boolean interrupted;

  public Coordinator(SpecLoader.Loaded loaded, Plan plan, Options options, SweepListener listener) {
    this.loaded = loaded;
    this.plan = plan;
    this.options = options;
    this.listener = listener;
  }

  /** Stops the sweep (from a signal handler); safe to call from any thread, before or during {@link #run()}. */
  public void interrupt() {
    interrupted = true;
    Sweep s = sweep;
    if (s != null) {
      s.interrupt();
    }
  }

  public SweepResult run() throws RefusedException, IOException {
    ExperimentDirectory dir = new ExperimentDirectory(options.experimentDir());
    TrialSetup setup = TrialSetup.of(plan.spec(), options.invocationDir(), options.measure(), options.timeout());
    Preflight.check(setup, plan);
    ExperimentFile current = experimentFile();
    refuseReuse(dir, current);
    ProcessTrees trees = detectTrees(dir);
    try (ExperimentLock lock = lock(dir);
        trees;
        Ledger ledger = Ledger.open(dir.ledger());
        Executor executor = openExecutor(setup, dir, trees)) {
      current.write(dir);
      if (ledger.runCount() == 0 && dir.hasRuns()) {
        RunScanner.syncLedger(dir, ledger);
      }
      Map<String, Object> session = session(executor);
      Manifest.record(dir, session);
      ResumeState state = ResumeState.of(plan, dir, ledger);
      String spendMetric = plan.spec().budget() == null ? null : plan.spec().budget().metric();
      sweep = new Sweep(executor, ledger, dir, options.sweep(), listener);
      Set<String> adopted = sweep.adopt(state.stale());
      int reclaimed = reclaim(executor, state, adopted, dir, ledger, spendMetric);
      state.reconciled().forEach(ledger::record);
      Budget budget = plan.spec().budget() == null ? null : new Budget(plan.spec().budget(), ledger.spend());
      if (state.unplanned() > 0) {
        listener.on(new SweepEvent.Warning(state.unplanned() + " trial(s) recorded in " + dir.root()
            + " are no longer in the plan; their runs are kept (and stay in runs.csv)", List.of()));
      }
      if (!adopted.isEmpty()) {
        listener.on(new SweepEvent.Warning("re-attached to " + adopted.size() + " run(s) that a coordinator which died left running on "
            + executor.name() + "; waiting for them instead of starting them again", List.of()));
      }
      List<Sweep.Pending> todo = state.todo().stream().filter(p -> !adopted.contains(p.trial().runId())).toList();
      listener.on(new SweepEvent.Started(dir.root(), plan.trials().size(), todo.size() + adopted.size(), state.alreadyOk(),
          state.unplanned(), reclaimed, options.sweep().jobs(), executor.name(), executor.measurement()));
      sweep.useBudget(budget);
      if (interrupted) {
        sweep.interrupt();
      }
      SweepResult result = sweep.run(todo, plan.trials().size(), state.alreadyOk());
      ledger.flush();
      writeRunsCsv(dir, ledger.latestRuns());
      session.put("ended_unix_s", System.currentTimeMillis() / 1000.0);
      Map<String, Object> counts = new LinkedHashMap<>();
      result.counts().forEach((k, v) -> counts.put(k.json(), v));
      session.put("counts", counts);
      Manifest.record(dir, session);
      return result;
    }
  }

  private ExperimentFile experimentFile() {
    Map<String, Object> resolved = SpecJson.resolved(plan.spec());
    Map<String, Object> definition = SpecJson.definition(plan.spec());
    return new ExperimentFile(ExperimentFile.SCHEMA, plan.spec().name(), CanonicalJson.sha256(resolved),
        CanonicalJson.sha256(definition), loaded.source(), loaded.text(), loaded.overrides(), loaded.seed004(), resolved, definition);
  }

  /** Without --resume an experiment with runs is never touched; with it, a changed trial definition needs --allow-drift. */
  private void refuseReuse(ExperimentDirectory dir, ExperimentFile current) throws RefusedException, IOException {
    if (!dir.hasRuns()) {
      return;
    }
    if (!options.resume()) {
      throw new RefusedException(dir.root() + " already has runs", List.of(),
          "add --resume to continue it (only trials without an ok run run), or choose another --name / --out-root");
    }
    if (!ExperimentFile.exists(dir) || options.allowDrift()) {
      return;
    }
    ExperimentFile before = ExperimentFile.read(dir);
    List<String> changes = Drift.between(before.definition(), current.definition());
    if (!changes.isEmpty()) {
      throw new RefusedException("the spec's trial definition changed since " + dir.root() + " was run", changes,
          "add --allow-drift to continue anyway (results before and after the change will be mixed), or use --name for a new experiment");
    }
  }

  private Executor openExecutor(TrialSetup setup, ExperimentDirectory dir, ProcessTrees trees) throws RefusedException, IOException {
    try {
      return options.executors().open(new ExecutorContext(plan.spec(), setup, dir, trees, options.sweep().jobs()));
    } catch (ExecutorFactory.UnavailableException e) {
      throw new RefusedException(e.getMessage(), List.of(), e.fix());
    }
  }

  private ProcessTrees detectTrees(ExperimentDirectory dir) throws RefusedException {
    try {
      String key = CanonicalJson.sha256Hex(dir.root().toString()).substring(0, 12);
      return ProcessTrees.detect(options.measure(), key);
    } catch (ProcessTrees.UnavailableException e) {
      throw new RefusedException(e.getMessage(), List.of(), "run as root on a machine with cgroups, or set measure: auto");
    }
  }

  private static ExperimentLock lock(ExperimentDirectory dir) throws RefusedException, IOException {
    try {
      return ExperimentLock.acquire(dir.lockFile(), HostInfo.hostname());
    } catch (ExperimentLock.HeldException e) {
      throw new RefusedException("another rigor is running this experiment (" + e.holder() + ")", List.of(),
          "wait for it to finish, or stop it (Ctrl-C or kill) and run again with --resume");
    }
  }

  /**
   * Stops the process trees of runs a dead coordinator left {@code running} that the executor did
   * not re-attach to, and records them as interrupted — with a budget, with what they had streamed as
   * spent by then (they spent it).
   */
  private static int reclaim(Executor executor, ResumeState state, Set<String> adopted, ExperimentDirectory dir, Ledger ledger,
      String spendMetric)
      throws IOException {
    List<ResumeState.Stale> rest = state.stale().stream().filter(s -> !adopted.contains(s.trial().runId())).toList();
    int stopped = executor.reclaim(rest.stream().map(ResumeState.Stale::meta).toList());
    for (ResumeState.Stale s : rest) {
      RunMeta stale = s.meta();
      double now = System.currentTimeMillis() / 1000.0;
      RunMeta marked = stale.finished(RunStatus.INTERRUPTED, null, null, now, now - (stale.startTimeUnixS() == null ? now : stale.startTimeUnixS()),
          null, null, stale.measurement(), "its coordinator (pid " + stale.coordinatorPid() + ") died while it ran; stopped before re-running", null)
          .withSpend(spendMetric == null || !(s.inDirectory() || dir.run(stale.runId()).readMeta() == null) ? null
              : MetricsTail.lastValue(dir.run(stale.runId()).metricsStream(), spendMetric));
      if (s.inDirectory()) { // else the directory still holds an earlier attempt's record, which stays as it is
        dir.run(stale.runId()).writeMeta(marked);
      }
      ledger.record(new RunRecord(marked, null));
    }
    closeUnstarted(state, dir, ledger, spendMetric);
    return stopped;
  }

  /**
   * Runs the ledger knows as {@code running} whose directory never got that attempt's meta.json (the
   * coordinator died in a trial's first moments): recorded as interrupted, with the spend they
   * streamed, so their spend is neither lost nor left in a row that stays {@code running}.
   */
  private static void closeUnstarted(ResumeState state, ExperimentDirectory dir, Ledger ledger, String spendMetric) throws IOException {
    java.util.Set<String> stale = new java.util.HashSet<>();
    state.stale().forEach(st -> stale.add(st.meta().runId() + "/" + st.meta().attempt()));
    for (RunMeta running : ledger.running()) {
      if (stale.contains(running.runId() + "/" + running.attempt())) {
        continue;
      }
      RunMeta onDisk = dir.run(running.runId()).readMeta();
      if (onDisk != null && onDisk.attempt() >= running.attempt()) {
        continue; // the run directory has this attempt's record (or a later one): reconciled from there
      }
      double now = System.currentTimeMillis() / 1000.0;
      Double spend = spendMetric == null || onDisk != null ? null
          : MetricsTail.lastValue(dir.run(running.runId()).metricsStream(), spendMetric);
      ledger.record(new RunRecord(running.finished(RunStatus.INTERRUPTED, null, null, now, 0, null, null, null,
          "its coordinator (pid " + running.coordinatorPid() + ") died as it started", null).withSpend(spend), null));
    }
  }

  private Map<String, Object> session(Executor executor) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("session_id", ProcessHandle.current().pid() + "-" + System.currentTimeMillis());
    s.put("rigor_version", options.rigorVersion());
    s.put("started_unix_s", System.currentTimeMillis() / 1000.0);
    s.put("ended_unix_s", null);
    s.put("command_line", new ArrayList<>(options.commandLine()));
    s.put("cwd", options.invocationDir().toString());
    s.put("resumed", options.resume());
    s.put("git", Provenance.git(options.invocationDir()));
    s.putAll(Provenance.machine());
    s.put("executor", executor.name());
    s.put("measurement", executor.measurement());
    s.put("jobs", options.sweep().jobs());
    s.put("spec_source", loaded.source());
    s.put("spec_hash", CanonicalJson.sha256(SpecJson.resolved(plan.spec())));
    return s;
  }

  static void writeRunsCsv(ExperimentDirectory dir, List<RunRecord> records) throws IOException {
    Files.createDirectories(dir.runsCsv().getParent());
    AtomicFiles.write(dir.runsCsv(), RunsCsv.write(records));
  }
}
