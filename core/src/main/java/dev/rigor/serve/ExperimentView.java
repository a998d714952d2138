package dev.rigor.serve;

import dev.rigor.analysis.Experiment;
import dev.rigor.analysis.ExperimentReader;
import dev.rigor.analysis.Grouping;
import dev.rigor.analysis.MeanInterval;
import dev.rigor.analysis.Metric;
import dev.rigor.analysis.MetricSummary;
import dev.rigor.analysis.RunValues;
import dev.rigor.analysis.Summaries;
import dev.rigor.analysis.SummarySettings;
import dev.rigor.store.FileTail;
import dev.rigor.store.RunMeta;
import dev.rigor.store.RunRecord;
import dev.rigor.store.RunStatus;
import dev.rigor.store.StoreJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON the pages and scripts read, made from a {@link LiveExperiment.Snapshot}: an overview (the
 * experiments page), and the detail of one experiment (progress and ETA, running trials, failures with
 * their stderr tail, per-variation means with Student t intervals of the goal metrics, learning
 * curves). Everything is plain data; the pages put it into the document as text, never as markup.
 */
final class ExperimentView {

  static final int RUNNING_SHOWN = 100;
  static final int FAILURES_SHOWN = 20;
  static final int STDERR_LINES = 12;
  static final int STDERR_LINE_CHARS = 400;
  /** Summaries shown: the goal metrics, else the report's, else this many scalars. */
  static final int METRICS_SHOWN = 4;
  /** The rate is measured over the last this-many finished runs. */
  static final int RATE_WINDOW = 50;

  private ExperimentView() {}

  static Map<String, Object> overview(LiveExperiment.Snapshot s) {
    Map<String, Object> o = new LinkedHashMap<>();
    Map<RunStatus, Integer> counts = new EnumMap<>(RunStatus.class);
    double started = Double.POSITIVE_INFINITY;
    double last = 0;
    for (RunRecord r : s.runs()) {
      RunMeta m = r.meta();
      counts.merge(m.status(), 1, Integer::sum);
      if (m.startTimeUnixS() != null) {
        started = Math.min(started, m.startTimeUnixS());
        last = Math.max(last, m.startTimeUnixS());
      }
      if (m.endTimeUnixS() != null) {
        last = Math.max(last, m.endTimeUnixS());
      }
    }
    int running = counts.getOrDefault(RunStatus.RUNNING, 0);
    int planned = Math.max(s.spec().planned(), s.runs().size());
    o.put("name", s.name());
    o.put("title", s.spec().title() == null ? s.name() : s.spec().title());
    o.put("description", s.spec().description());
    o.put("active", s.coordinatorAlive());
    o.put("planned", s.spec().planned() < 0 ? null : planned);
    o.put("runs", s.runs().size());
    Map<String, Integer> byStatus = new LinkedHashMap<>();
    counts.forEach((status, n) -> byStatus.put(status.json(), n));
    o.put("counts", byStatus);
    o.put("ok", counts.getOrDefault(RunStatus.OK, 0));
    o.put("failed", s.runs().size() - running - counts.getOrDefault(RunStatus.OK, 0));
    o.put("running", running);
    o.put("done", s.runs().size() - running);
    o.put("started_unix_s", Double.isInfinite(started) ? null : started);
    o.put("last_activity_unix_s", last == 0 ? null : last);
    o.put("spend", spend(s));
    o.put("version", s.version());
    return o;
  }

  private static Map<String, Object> spend(LiveExperiment.Snapshot s) {
    if (s.spec().budgetMetric() == null) {
      return null;
    }
    double spent = 0;
    for (double v : s.spendByAttempt().values()) {
      spent += v;
    }
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("metric", s.spec().budgetMetric());
    o.put("limit", num(s.spec().budgetLimit()));
    o.put("spent", spent);
    return o;
  }

  /** The experiment page's data. {@code curves} are computed by the caller (they read series files). */
  static Map<String, Object> detail(LiveExperiment.Snapshot s, Path root, List<Map<String, Object>> curves, boolean hasReport) {
    Map<String, Object> o = overview(s);
    double now = System.currentTimeMillis() / 1000.0;
    o.put("now_unix_s", now);
    o.put("eta_s", s.coordinatorAlive() ? eta(s, now) : null);
    List<RunRecord> running = LiveExperiment.withStatus(s.runs(), List.of(RunStatus.RUNNING));
    List<Map<String, Object>> runningRows = new ArrayList<>();
    for (RunRecord r : running.subList(0, Math.min(RUNNING_SHOWN, running.size()))) {
      Map<String, Object> row = row(r);
      row.put("turn", turn(root.resolve("runs").resolve(r.meta().runId())));
      runningRows.add(row);
    }
    o.put("running_runs", runningRows);
    List<RunRecord> failed = new ArrayList<>();
    for (RunRecord r : s.runs()) {
      if (r.meta().status().isFailure()) {
        failed.add(r);
      }
    }
    failed.sort(Comparator.comparing((RunRecord r) -> r.meta().endTimeUnixS() == null ? 0 : r.meta().endTimeUnixS()).reversed());
    List<Map<String, Object>> failures = new ArrayList<>();
    for (RunRecord r : failed.subList(0, Math.min(FAILURES_SHOWN, failed.size()))) {
      Map<String, Object> row = row(r);
      row.put("stderr_tail", FileTail.lines(root.resolve("runs").resolve(r.meta().runId()).resolve("stderr.txt"), STDERR_LINES,
          STDERR_LINE_CHARS));
      failures.add(row);
    }
    o.put("failures", failures);
    o.put("failures_total", failed.size());
    o.put("summary", summary(s, root));
    o.put("curves", curves);
    o.put("report", hasReport);
    return o;
  }

  /** Seconds left at the rate of the last {@value #RATE_WINDOW} finished runs, or null. */
  private static Double eta(LiveExperiment.Snapshot s, double now) {
    List<Double> ends = new ArrayList<>();
    for (RunRecord r : s.runs()) {
      if (r.meta().status() != RunStatus.RUNNING && r.meta().endTimeUnixS() != null) {
        ends.add(r.meta().endTimeUnixS());
      }
    }
    int planned = s.spec().planned();
    if (planned < 0 || ends.size() < 2) {
      return null;
    }
    ends.sort(null);
    List<Double> window = ends.subList(Math.max(0, ends.size() - RATE_WINDOW), ends.size());
    double span = Math.max(now, window.get(window.size() - 1)) - window.get(0);
    if (span <= 0) {
      return null;
    }
    double rate = (window.size() - 1) / span;
    int left = Math.max(0, planned - ends.size());
    return rate > 0 ? left / rate : null;
  }

  /** One run as the pages and the runs API show it. */
  static Map<String, Object> row(RunRecord r) {
    RunMeta m = r.meta();
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("run_id", m.runId());
    o.put("trial_key", m.trialKey());
    o.put("status", m.status().json());
    o.put("attempt", m.attempt());
    o.put("params", m.params());
    o.put("seed", m.seed());
    o.put("ablation", m.ablationName());
    o.put("exit_code", m.exitCode());
    o.put("start_time_unix_s", m.startTimeUnixS());
    o.put("end_time_unix_s", m.endTimeUnixS());
    o.put("wall_time_s", m.wallTimeS());
    o.put("error", m.error());
    o.put("metrics", r.metrics().values());
    return o;
  }

  /** The current turn of an interactive session: the turns its transcript holds so far, or null. */
  private static Integer turn(Path runDir) {
    Path transcript = runDir.resolve("transcript.json");
    if (!Files.isRegularFile(transcript)) {
      return null;
    }
    try {
      Object t = StoreJson.MAPPER.readValue(transcript.toFile(), Object.class);
      if (t instanceof Map<?, ?> m && m.get("turns") instanceof List<?> turns) {
        return turns.size();
      }
      return t instanceof List<?> list ? list.size() : null;
    } catch (java.io.IOException | RuntimeException e) {
      return null; // being rewritten
    }
  }

  /** Per variation and goal metric: n, mean and its Student t interval over the ok runs so far. */
  static Map<String, Object> summary(LiveExperiment.Snapshot s, Path root) {
    Map<String, Object> o = new LinkedHashMap<>();
    List<Map<String, Object>> rows = new ArrayList<>();
    o.put("confidence", 0.95);
    o.put("interval", "Student t");
    o.put("rows", rows);
    if (s.runs().isEmpty()) {
      o.put("metrics", List.of());
      return o;
    }
    Experiment e = ExperimentReader.of(root, s.spec().spec(), s.runs(), Map.of(), List.of());
    RunValues values = new RunValues(e);
    List<String> names = metricNames(e, values);
    o.put("metrics", names);
    o.put("goals", goals(e, names));
    if (names.isEmpty() || e.okRuns().isEmpty()) {
      return o;
    }
    SummarySettings t = new SummarySettings(MeanInterval.T, 0.95, 1000, 1);
    for (MetricSummary m : Summaries.compute(values, Grouping.byVariation(e), names.stream().map(Metric::scalar).toList(), t)) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("group", m.group().label());
      row.put("metric", m.metric().name());
      row.put("n", m.n());
      row.put("ok", m.ok());
      row.put("finished", m.finished());
      row.put("mean", m.summary().map(x -> num(x.mean())).orElse(null));
      row.put("low", m.meanInterval().map(x -> num(x.lower())).orElse(null));
      row.put("high", m.meanInterval().map(x -> num(x.upper())).orElse(null));
      rows.add(row);
    }
    return o;
  }

  private static List<String> metricNames(Experiment e, RunValues values) {
    List<String> scalars = values.scalarNames();
    List<String> out = new ArrayList<>();
    for (String goal : e.goals().keySet()) {
      if (scalars.contains(goal)) {
        out.add(goal);
      }
    }
    if (out.isEmpty()) {
      e.reportMetrics().stream().filter(scalars::contains).forEach(out::add);
    }
    if (out.isEmpty()) {
      scalars.stream().filter(n -> !RunValues.BUILTINS.contains(n)).limit(METRICS_SHOWN).forEach(out::add);
    }
    return out.subList(0, Math.min(out.size(), METRICS_SHOWN));
  }

  private static Map<String, String> goals(Experiment e, List<String> names) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String n : names) {
      if (e.goals().containsKey(n)) {
        out.put(n, e.goals().get(n).name().toLowerCase(java.util.Locale.ROOT));
      }
    }
    return out;
  }

  static Double num(double d) {
    return Double.isFinite(d) ? d : null;
  }
}
