package dev.rigor.cli;

import dev.rigor.adaptive.AdaptiveException;
import dev.rigor.adaptive.AdaptiveRunner;
import dev.rigor.analysis.Definitions;
import dev.rigor.analysis.ExperimentReader;
import dev.rigor.analysis.RunValues;
import dev.rigor.backend.Backends;
import dev.rigor.exec.ShellQuote;
import dev.rigor.plan.Plan;
import dev.rigor.plan.Planner;
import dev.rigor.spec.MeasureMode;
import dev.rigor.spec.Quantities;
import dev.rigor.spec.Spec;
import dev.rigor.spec.SpecLoader;
import dev.rigor.store.ExperimentDirectory;
import dev.rigor.store.RunIndex;
import dev.rigor.store.RunMeta;
import dev.rigor.store.RunRecord;
import dev.rigor.store.RunStatus;
import dev.rigor.sweep.Budget;
import dev.rigor.sweep.Coordinator;
import dev.rigor.sweep.SweepOptions;
import dev.rigor.sweep.SweepResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run every trial of a spec.",
      "Bounded concurrency, timeouts that kill the whole process tree, retries, durable records",
      "(runs/<run_id>/meta.json, the rigor.db ledger) and aggregate/runs.csv at the end."
    },
    footer = {
      "",
      "Examples:",
      "  rigor run examples/sched/smoke.yaml",
      "  rigor run examples/sched/experiment.yaml --jobs 2 --fail-fast",
      "  rigor run examples/sched/experiment.yaml --resume          # after Ctrl-C, a crash or new seeds",
      "  rigor run spec.yaml --set policy=full --name try-full       # pin an axis into a new experiment",
      "  rigor run examples/sched/default.json --dry_run             # seed-004 spellings work too",
      "  rigor run examples/sched/smoke.yaml --executor slurm        # job arrays on a SLURM cluster (docs/CLUSTER.md)",
      "",
      "An experiment directory that has runs is never reused without --resume. With --resume only trials",
      "without an ok run run; if the trial definition changed (command, params, metrics…) the run is refused",
      "unless --allow-drift. Ctrl-C stops running trials (recorded as interrupted) and exits 130."
    })
final class RunCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final Context context;

  @Mixin SpecOptions specOptions = new SpecOptions();

  @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Trials at once (default: the spec's jobs, else the number of cores).")
  Integer jobs;

  @Option(names = "--resume", description = "Continue an existing experiment: run only trials whose latest run is not ok.")
  boolean resume;

  @Option(names = "--allow-drift", description = "With --resume, continue even though the trial definition changed.")
  boolean allowDrift;

  @Option(names = "--fail-fast", description = "Stop at the first trial that fails for good: terminate running trials, exit 3.")
  boolean failFast;

  @Option(names = "--fail_fast", hidden = true)
  void failFastAlias(boolean v) {
    failFast = v;
  }

  @Option(names = "--dry-run", description = "Show the plan and exit; nothing is run or written.")
  boolean dryRun;

  @Option(names = "--dry_run", hidden = true)
  void dryRunAlias(boolean v) {
    dryRun = v;
  }

  @Option(names = "--timeout", paramLabel = "DURATION", description = "Per-run timeout (90s, 10m, 2h), overriding the spec.")
  String timeout;

  @Option(names = "--retries", paramLabel = "N", description = "Extra attempts for a failed or timed-out run, overriding the spec.")
  Integer retries;

  @Option(names = "--measure", paramLabel = "MODE", description = "auto (default), cgroup or proc: how trial trees are contained and measured.")
  MeasureMode measure;

  @Option(names = "--executor", paramLabel = "WHERE",
      description = "Where trials run: local (default) or slurm (job arrays on a SLURM cluster; the spec's executor: settings apply).")
  String executor;

  @Option(names = {"-q", "--quiet"}, description = "No progress output; only errors and the final summary.")
  boolean quiet;

  @Option(names = "--serve", arity = "0..1", fallbackValue = "0s", paramLabel = "LINGER",
      description = "Serve the live dashboard while the sweep runs (prints its URL); it stops with the sweep, or LINGER later"
          + " (e.g. --serve 10m).")
  String serve;

  @Option(names = "--serve-port", paramLabel = "N", description = "The dashboard's port with --serve (default: 8080, or a free one if taken).")
  Integer servePort;

  @Option(names = "--no-report", description = "Do not write the report (EXP/report/index.html, report.md, assets/) at the end.")
  boolean noReport;

  RunCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    SpecLoader.Loaded loaded = specOptions.load(context);
    Spec spec = loaded.spec();
    Plan plan = Planner.plan(spec);
    PrintStream out = context.out();
    if (dryRun) {
      PlanCommand.print(plan, "table", out);
      out.println("(dry run: nothing was run or written)");
      return Rigor.OK;
    }
    if (plan.trials().isEmpty()) {
      throw new UsageException("the plan has no trials (did exclude remove every combination?); see rigor plan " + specOptions.path());
    }
    Path experimentDir = context.cwd().resolve(spec.outRoot()).resolve(spec.name()).normalize();
    Coordinator.Options options = new Coordinator.Options(context.cwd(), experimentDir, resume, allowDrift,
        new SweepOptions(resolveJobs(spec), retries != null ? retries : spec.retries(), failFast, spec.retryRule()), resolveTimeout(spec),
        measure != null ? measure : spec.measure(), commandLine(), Version.VERSION, Backends.forRun(executor(spec)));
    Duration linger = serve == null ? null : linger(serve);
    if (spec.isAdaptive()) {
      return adaptive(loaded, plan, options, linger, experimentDir);
    }
    try (ConsoleProgress progress = new ConsoleProgress(context.err(), ProgressMode.detect(quiet), spec.name());
        LiveDashboard dashboard = new LiveDashboard(context, linger, servePort, experimentDir)) {
      Coordinator coordinator = new Coordinator(loaded, plan, options, dashboard.listening(progress));
      context.interrupts().onInterrupt(coordinator::interrupt);
      SweepResult result = coordinator.run();
      progress.close();
      summarize(result, spec.name());
      if (!spec.goals().isEmpty()) {
        unknownGoalMetrics(result.experimentDir()).forEach(w -> context.err().println("rigor: warning: " + w));
      }
      dashboard.linger();
      return result.exitCode();
    } finally {
      context.interrupts().onInterrupt(null);
    }
  }

  private static Duration linger(String text) throws UsageException {
    try {
      return Quantities.duration(text);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--serve: '" + text + "' is not a linger time (write e.g. 10m, or put SPEC before --serve)");
    }
  }

  /** Rounds of sweeps until every variation's answer is clear (DESIGN.md §13). */
  private int adaptive(SpecLoader.Loaded loaded, Plan plan, Coordinator.Options options, Duration linger, Path experimentDir) throws Exception {
    try (ConsoleProgress progress = new ConsoleProgress(context.err(), ProgressMode.detect(quiet), loaded.spec().name());
        LiveDashboard dashboard = new LiveDashboard(context, linger, servePort, experimentDir)) {
      AdaptiveRunner runner;
      try {
        runner = new AdaptiveRunner(loaded, plan, options, dashboard.listening(progress), new AdaptiveConsole(context.out()));
      } catch (AdaptiveException e) {
        throw new UsageException(e.getMessage());
      }
      context.interrupts().onInterrupt(runner::interrupt);
      AdaptiveRunner.Outcome outcome;
      try {
        outcome = runner.run();
      } catch (AdaptiveException e) {
        throw new UsageException(e.getMessage());
      }
      progress.close();
      summarize(outcome.lastSweep(), loaded.spec().name());
      int code = outcome.lastSweep().exitCode();
      if (code == Rigor.OK && outcome.state().variations().stream().anyMatch(v -> !v.state().equals("clear") && !v.state().equals("max_seeds"))) {
        code = 3;
      }
      dashboard.linger();
      return code;
    } finally {
      context.interrupts().onInterrupt(null);
    }
  }

  private String executor(Spec spec) throws UsageException {
    if (executor != null && !dev.rigor.spec.ExecutorSettings.TYPES.contains(executor)) {
      throw new UsageException("--executor: '" + executor + "' is not an executor (choose local or slurm)");
    }
    if ("slurm".equals(executor) && spec.budget() != null) { // the spec reader refuses the same in the spec itself
      throw new UsageException("--executor slurm: a budget cannot be used with executor type slurm"
          + " (remove 'budget' from " + specOptions.path() + ", or run locally; docs/BUDGET.md)");
    }
    return executor;
  }

  private int resolveJobs(Spec spec) throws UsageException {
    int n = jobs != null ? jobs : spec.jobs() != null ? spec.jobs() : Runtime.getRuntime().availableProcessors();
    if (n < 1) {
      throw new UsageException("--jobs must be at least 1");
    }
    return n;
  }

  private Duration resolveTimeout(Spec spec) throws UsageException {
    if (timeout == null) {
      return spec.timeout();
    }
    try {
      return Quantities.duration(timeout);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--timeout: '" + timeout + "' is not a duration (write e.g. 90s, 10m or 2h)");
    }
  }

  /** What the user typed after {@code rigor} (not the JVM's options and jar, which the launcher adds). */
  private List<String> commandLine() {
    List<String> cmd = new ArrayList<>(List.of("rigor"));
    CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
    if (parsed != null) {
      cmd.addAll(parsed.originalArgs());
    }
    return cmd;
  }

  private void summarize(SweepResult r, String name) {
    PrintStream out = context.out();
    Path shown = context.shown(r.experimentDir());
    StringBuilder line = new StringBuilder(name + ": ");
    List<String> parts = new ArrayList<>();
    for (Map.Entry<RunStatus, Integer> e : r.counts().entrySet()) {
      if (e.getValue() > 0) {
        parts.add(e.getValue() + " " + e.getKey().json());
      }
    }
    line.append(r.ran()).append(r.ran() == 1 ? " trial ran" : " trials ran");
    if (!parts.isEmpty()) {
      line.append(" (").append(String.join(", ", parts)).append(")");
    }
    line.append(" in ").append(Durations.format(r.wallSeconds()));
    if (r.alreadyOk() > 0) {
      line.append("; ").append(r.alreadyOk()).append(" already ok");
    }
    if (r.notRun() > 0) {
      line.append("; ").append(r.notRun()).append(" not run");
    }
    out.println(line);
    if (!r.failures().isEmpty()) {
      List<FailureGroups.Group> groups = FailureGroups.of(r.failures());
      out.println("failures (" + NumberText.count(groups.size(), "reason") + "):");
      for (FailureGroups.Group g : groups.subList(0, Math.min(10, groups.size()))) {
        out.println("  " + g.text());
      }
      if (groups.size() > 10) {
        out.println("  … and " + NumberText.count(groups.size() - 10, "more reason") + " (rigor status " + shown + ")");
      }
    }
    out.println("results: " + shown.resolve("aggregate/runs.csv"));
    if (resume && allowDrift) {
      earlierDefinitions(r.experimentDir()).ifPresent(n -> out.println("note: " + n));
    }
    if (!noReport) {
      ReportCommand.afterRun(context, r.experimentDir());
    }
    SweepResult.Spending spending = r.spending();
    if (spending != null) {
      out.println("spent: " + Budget.amount(spending.spent()) + " of " + Budget.amount(spending.limit()) + " " + spending.metric()
          + (spending.perRunLimit() == null ? "" : " (per-run limit " + Budget.amount(spending.perRunLimit()) + ")"));
    }
    if (r.halt() == SweepResult.Halt.BUDGET) {
      String limit = Budget.amount(spending.limitToFinish(r.notRun()));
      out.println("budget reached: " + r.notRun() + " trial(s) not run; to run them, raise the limit (about " + limit
          + " fits them all):");
      out.println("continue: rigor run " + ShellQuote.quote(String.valueOf(specOptions.spec != null ? specOptions.spec : specOptions.config)) + " --resume" + overridesText("budget.limit") + " --set budget.limit=" + limit);
    } else if (r.halt() == SweepResult.Halt.INTERRUPTED || r.notRun() > 0 || !r.failures().isEmpty()) {
      out.println("continue: rigor run " + ShellQuote.quote(String.valueOf(specOptions.spec != null ? specOptions.spec : specOptions.config)) + " --resume" + overridesText(null));
    }
  }

  /** Goals naming a metric no run has (streamed names cannot be checked before the runs). */
  private static List<String> unknownGoalMetrics(Path experimentDir) {
    try {
      return new RunValues(ExperimentReader.read(experimentDir)).unknownMetricWarnings();
    } catch (java.io.IOException | dev.rigor.analysis.AnalysisException e) {
      return List.of();
    }
  }

  /** After --allow-drift: the note that runs of the earlier definition exist and are left out of the analysis. */
  private static java.util.Optional<String> earlierDefinitions(Path experimentDir) {
    try {
      ExperimentDirectory dir = new ExperimentDirectory(experimentDir);
      int n = Definitions.earlier(RunIndex.latest(dir), Definitions.currentTrialKeys(dir)).size();
      return n == 0 ? java.util.Optional.empty() : java.util.Optional.of(Definitions.note(n, false));
    } catch (java.io.IOException e) {
      return java.util.Optional.empty();
    }
  }

  /** The --set overrides given, for the continue line; {@code replaced} is left out (the line sets it anew). */
  private String overridesText(String replaced) {
    StringBuilder b = new StringBuilder();
    for (String o : specOptions.overrides()) {
      if (replaced == null || !o.strip().startsWith(replaced + "=")) {
        b.append(" --set ").append(ShellQuote.quote(o));
      }
    }
    return b.toString();
  }
}
