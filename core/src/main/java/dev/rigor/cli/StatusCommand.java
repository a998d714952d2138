package dev.rigor.cli;

import dev.rigor.analysis.Definitions;
import dev.rigor.exec.slurm.SlurmStates;
import dev.rigor.report.Table;
import dev.rigor.report.TableFormat;
import dev.rigor.store.AdaptiveFile;
import dev.rigor.store.ExperimentDirectory;
import dev.rigor.store.ExperimentFile;
import dev.rigor.store.ExperimentLock;
import dev.rigor.store.FileTail;
import dev.rigor.store.Ledger;
import dev.rigor.store.RunIndex;
import dev.rigor.sweep.Budget;
import dev.rigor.store.RunMeta;
import dev.rigor.store.RunRecord;
import dev.rigor.store.RunStatus;
import dev.rigor.store.StoreJson;
import dev.rigor.store.Transcript;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {"Show an experiment's progress and failures.", "Counts by status, what is running, and every failure with the tail of its stderr."},
    footer = {
      "",
      "Examples:",
      "  rigor status runs/sched-smoke",
      "  rigor status runs/sched-smoke --format json | jq '.counts'",
      "  watch -n 5 rigor status runs/sched-experiment --tail 0"
    })
final class StatusCommand implements Callable<Integer> {

  /** Characters of a stderr line shown; longer lines are cut. */
  private static final int MAX_LINE = 300;

  private final Context context;

  @Mixin ExperimentOptions experiment = new ExperimentOptions();

  @Option(names = "--format", paramLabel = "FORMAT", description = "table (default, human-readable), json, csv or md (the counts).")
  String format = "table";

  @Option(names = "--tail", paramLabel = "LINES", description = "Lines of stderr shown per failure (default 5).")
  int tail = 5;

  private List<RunRecord> runs = List.of();

  StatusCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    ExperimentDirectory dir = experiment.directory(context);
    List<RunRecord> all = RunIndex.latest(dir);
    Optional<AdaptiveFile> adaptive = AdaptiveFile.read(dir);
    Optional<Set<String>> current = Definitions.currentTrialKeys(dir);
    // adaptive: what the current round plans, not every seed up to max_seeds
    Integer planned = adaptive.isPresent()
        ? Integer.valueOf(adaptive.get().variations().stream().mapToInt(AdaptiveFile.VariationState::seeds).sum())
        : current.map(Set::size).orElse(null);
    List<RunRecord> earlier = Definitions.earlier(all, current);
    // Runs of an earlier definition are not trials of this plan: counting them against it gave "144 of 72 planned".
    List<RunRecord> runs = experiment.allDefinitions || earlier.isEmpty() ? all
        : all.stream().filter(r -> current.get().contains(r.meta().trialKey())).toList();
    boolean coordinatorAlive = coordinatorAlive(dir);
    Map<RunStatus, Integer> counts = new EnumMap<>(RunStatus.class);
    runs.forEach(r -> counts.merge(r.meta().status(), 1, Integer::sum));
    List<RunRecord> failures = runs.stream().filter(r -> r.meta().status().isFailure()).toList();
    this.runs = runs;
    Map<String, Object> spend = spend(dir);
    List<SlurmJob> jobs = slurmJobs(dir, runs);
    if (format.equalsIgnoreCase("json")) {
      json(dir, planned, counts, failures, coordinatorAlive, spend, jobs, earlier.size());
    } else if (format.equalsIgnoreCase("table")) {
      human(dir, planned, counts, failures, coordinatorAlive, spend);
      slurm(jobs);
      if (!earlier.isEmpty()) {
        context.out().println("note: " + Definitions.note(earlier.size(), experiment.allDefinitions));
      }
    } else {
      context.out().print(parse(format).render(countsTable(counts)));
    }
    return Rigor.OK;
  }

  /** A run's SLURM job ({@code ARRAYID_INDEX}) and the state SLURM reports now ({@code null}: SLURM no longer shows it). */
  private record SlurmJob(String runId, int attempt, RunStatus status, String job, String state) {}

  /** The SLURM jobs of the latest attempts, with their states from one squeue call. */
  private static List<SlurmJob> slurmJobs(ExperimentDirectory dir, List<RunRecord> runs) {
    if (!Files.exists(dir.ledger())) {
      return List.of();
    }
    List<Ledger.Placement> placed;
    try {
      placed = Ledger.readPlacements(dir.ledger()).stream().filter(p -> "slurm".equals(p.where().get("executor"))).toList();
    } catch (IOException e) {
      return List.of();
    }
    Map<String, RunStatus> statuses = new HashMap<>();
    runs.forEach(r -> statuses.put(r.meta().runId(), r.meta().status()));
    Map<String, SlurmStates.Task> states;
    try {
      states = SlurmStates.query(placed.stream().map(p -> String.valueOf(p.where().get("job"))).toList());
    } catch (IOException e) {
      states = Map.of();
    }
    List<SlurmJob> jobs = new ArrayList<>();
    for (Ledger.Placement p : placed) {
      String job = String.valueOf(p.where().get("job"));
      SlurmStates.Task t = states.get(job);
      jobs.add(new SlurmJob(p.runId(), p.attempt(), statuses.get(p.runId()), job, t == null ? null : t.state()));
    }
    return jobs;
  }

  /** SLURM states by count, and the runs that are not ok with their job ids (at most 20). */
  private void slurm(List<SlurmJob> jobs) {
    if (jobs.isEmpty()) {
      return;
    }
    PrintStream out = context.out();
    Map<String, Integer> byState = new java.util.TreeMap<>();
    jobs.forEach(j -> byState.merge(j.state() == null ? "(finished, no longer in squeue)" : j.state(), 1, Integer::sum));
    out.println();
    out.println("slurm jobs: " + String.join(", ", byState.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList()));
    List<SlurmJob> notOk = jobs.stream().filter(j -> j.status() != RunStatus.OK).toList();
    if (notOk.isEmpty()) {
      return;
    }
    Table.Builder b = Table.builder().column("run_id").numberColumn("attempt").column("status").column("slurm job").column("slurm state");
    for (SlurmJob j : notOk.subList(0, Math.min(20, notOk.size()))) {
      b.row(List.of(j.runId(), Integer.toString(j.attempt()), j.status() == null ? "" : j.status().json(), j.job(),
          j.state() == null ? "(gone)" : j.state()));
    }
    out.print(TableFormat.TABLE.render(b.build()));
    if (notOk.size() > 20) {
      out.println("… and " + (notOk.size() - 20) + " more (--format json lists every job)");
    }
  }

  private static TableFormat parse(String format) throws UsageException {
    try {
      return TableFormat.parse(format);
    } catch (IllegalArgumentException e) {
      throw new UsageException("unknown --format '" + format + "' (table, json, csv or md)");
    }
  }

  private static Table countsTable(Map<RunStatus, Integer> counts) {
    Table.Builder b = Table.builder().column("status").numberColumn("trials");
    counts.forEach((s, n) -> b.row(List.of(s.json(), Integer.toString(n))));
    return b.build();
  }

  /**
   * What the experiment spent (every attempt, from the ledger) against its budget (as last run, from
   * experiment.json); {@code null} without a budget.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> spend(ExperimentDirectory dir) throws IOException {
    if (!ExperimentFile.exists(dir) || !(ExperimentFile.read(dir).spec().get("budget") instanceof Map<?, ?> budget)) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>((Map<String, Object>) budget);
    m.put("spent", Files.exists(dir.ledger()) ? Ledger.readSpend(dir.ledger()).total() : 0.0);
    return m;
  }

  private static String spendLine(Map<String, Object> spend) {
    double spent = ((Number) spend.get("spent")).doubleValue();
    double limit = ((Number) spend.get("limit")).doubleValue();
    return String.format(java.util.Locale.ROOT, "spent: %s of %s %s (%d%%)%s", Budget.amount(spent), Budget.amount(limit),
        spend.get("metric"), limit == 0 ? 100 : Math.round(spent * 100 / limit),
        spend.get("per_run_limit") instanceof Number p ? "; per-run limit " + Budget.amount(p.doubleValue()) : "");
  }

  private static boolean coordinatorAlive(ExperimentDirectory dir) {
    return ExperimentLock.isHeld(dir.lockFile());
  }

  /** For each running session, the turn it is on (from its transcript.json, rewritten after every turn). */
  private static Map<String, String> sessionTurns(ExperimentDirectory dir, List<RunRecord> runs) {
    Map<String, String> out = new LinkedHashMap<>();
    for (RunRecord r : runs) {
      if (r.meta().status() != RunStatus.RUNNING) {
        continue;
      }
      Transcript.Progress p = Transcript.progress(dir.run(r.meta().runId()));
      if (p == null) {
        continue;
      }
      String last = p.last() == null ? "" : "; last reply: " + oneLine(p.last().received());
      out.put(r.meta().runId(), "session turn " + (p.turns() + 1) + (p.maxTurns() == null ? "" : " of at most " + p.maxTurns()) + last);
    }
    return out;
  }

  private static String oneLine(String text) {
    String line = text.strip().replaceAll("\\s+", " ");
    return line.length() > 80 ? "…" + line.substring(line.length() - 80) : line;
  }

  private void human(ExperimentDirectory dir, Integer planned, Map<RunStatus, Integer> counts, List<RunRecord> failures,
      boolean alive, Map<String, Object> spend) throws IOException {
    PrintStream out = context.out();
    String name = ExperimentFile.exists(dir) ? ExperimentFile.read(dir).name() : dir.root().getFileName().toString();
    out.println(name + "  (" + shown(dir.root()) + ")");
    int recorded = counts.values().stream().mapToInt(Integer::intValue).sum();
    int finished = recorded - counts.getOrDefault(RunStatus.RUNNING, 0);
    int ok = counts.getOrDefault(RunStatus.OK, 0);
    if (planned != null) {
      out.printf(java.util.Locale.ROOT, "progress: %d of %d planned trials ok (%d%%), %d finished, %d not started%n",
          ok, planned, planned == 0 ? 100 : ok * 100 / planned, finished, Math.max(0, planned - recorded));
    } else {
      out.println("progress: " + ok + " of " + recorded + " recorded trials ok");
    }
    if (spend != null) {
      out.println(spendLine(spend));
    }
    out.print(TableFormat.TABLE.render(countsTable(counts)));
    AdaptiveFile.read(dir).ifPresent(a -> adaptive(a, out));
    int running = counts.getOrDefault(RunStatus.RUNNING, 0);
    if (running > 0) {
      out.println(alive ? running + " running now (a coordinator holds the experiment)"
          : running + " marked running but no coordinator holds the experiment (it died): rigor run SPEC --resume stops and re-runs them");
      sessionTurns(dir, runs).forEach((id, turn) -> out.println("  " + id + ": " + turn));
    }
    if (!failures.isEmpty()) {
      out.println();
      out.println("failures (latest run of each trial, identical ones grouped):");
      for (FailureGroups.Group g : FailureGroups.of(failures)) {
        RunMeta m = g.runs().get(0).meta();
        out.println("  " + g.text() + (g.runs().size() == 1 ? "  attempt " + m.attempt() : ""));
        Path stderr = dir.run(m.runId()).stderr();
        List<String> lines = FileTail.lines(stderr, tail, MAX_LINE);
        if (!lines.isEmpty()) {
          out.println("    " + shown(stderr) + " (last " + lines.size() + " lines):");
          lines.forEach(l -> out.println("      " + l));
        }
      }
    }
  }

  /** The round, and which variations are still unclear and why (from adaptive.json). */
  private static void adaptive(AdaptiveFile a, PrintStream out) {
    long unclear = a.variations().stream().filter(v -> v.state().equals("running")).count();
    out.println("adaptive: round " + a.round() + (a.finished() ? ", stopped (" + a.stop() + "): " + a.stopDetail()
        : ", " + unclear + " of " + a.variations().size() + " variations still unclear"));
    for (AdaptiveFile.VariationState v : a.variations()) {
      out.println("  " + v.label() + ": " + v.state() + " at " + v.seeds() + " seeds — " + v.why());
    }
  }

  private void json(ExperimentDirectory dir, Integer planned, Map<RunStatus, Integer> counts, List<RunRecord> failures,
      boolean alive, Map<String, Object> spend, List<SlurmJob> jobs, int earlier) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("experiment_dir", dir.root().toString());
    m.put("planned", planned);
    Map<String, Object> c = new LinkedHashMap<>();
    counts.forEach((k, v) -> c.put(k.json(), v));
    m.put("counts", c);
    m.put("coordinator_running", alive);
    m.put("sessions", sessionTurns(dir, runs));
    m.put("budget", spend);
    m.put("adaptive", AdaptiveFile.read(dir).orElse(null));
    m.put("earlier_definition_runs", earlier);
    List<Map<String, Object>> f = new ArrayList<>();
    for (RunRecord r : failures) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("run_id", r.meta().runId());
      e.put("status", r.meta().status().json());
      e.put("exit_code", r.meta().exitCode());
      e.put("attempt", r.meta().attempt());
      e.put("error", r.meta().error());
      e.put("stderr_tail", FileTail.lines(dir.run(r.meta().runId()).stderr(), tail, MAX_LINE));
      f.add(e);
    }
    m.put("failures", f);
    if (!jobs.isEmpty()) {
      List<Map<String, Object>> js = new ArrayList<>();
      for (SlurmJob j : jobs) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("run_id", j.runId());
        e.put("attempt", j.attempt());
        e.put("status", j.status() == null ? null : j.status().json());
        e.put("job", j.job());
        e.put("slurm_state", j.state());
        js.add(e);
      }
      m.put("slurm_jobs", js);
    }
    context.out().println(new String(StoreJson.bytes(m), java.nio.charset.StandardCharsets.UTF_8));
  }

  private String shown(Path p) {
    return context.shown(p).toString();
  }
}
