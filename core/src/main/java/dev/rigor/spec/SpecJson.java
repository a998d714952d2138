package dev.rigor.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The resolved spec as plain JSON values (for {@code experiment.json}), and the part of it that
 * defines what a trial computes (for drift detection on {@code --resume}).
 */
public final class SpecJson {

  private SpecJson() {}

  public static Map<String, Object> resolved(Spec s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", s.name());
    m.put("description", s.description());
    m.put("out_root", s.outRoot());
    m.putAll(definition(s));
    Map<String, Object> matrix = new LinkedHashMap<>(s.matrix().axes());
    if (!s.matrix().include().isEmpty()) {
      matrix.put("include", s.matrix().include());
    }
    if (!s.matrix().exclude().isEmpty()) {
      matrix.put("exclude", s.matrix().exclude());
    }
    m.put("matrix", matrix);
    m.put("seeds", s.seeds().declared() ? s.seeds().values() : null);
    m.put("replicates", s.replicates());
    m.put("jobs", s.jobs());
    m.put("timeout", s.timeout() == null ? null : Quantities.format(s.timeout()));
    m.put("retries", s.retries());
    m.put("retry", retry(s.retryRule()));
    m.put("budget", budget(s.budget()));
    m.put("order", lower(s.order()));
    m.put("order_seed", s.orderSeed());
    Map<String, Object> goals = new LinkedHashMap<>();
    s.goals().forEach((k, v) -> goals.put(k, lower(v)));
    m.put("goals", goals);
    Map<String, Object> limits = new LinkedHashMap<>();
    limits.put("memory", s.limits().memoryBytes());
    limits.put("cpus", s.limits().cpus());
    m.put("limits", limits);
    m.put("measure", lower(s.measure()));
    m.put("kill_grace", Quantities.format(s.killGrace()));
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("facet", s.report().facet());
    report.put("control", s.report().control());
    report.put("metrics", s.report().metrics());
    m.put("report", report);
    if (!s.executor().equals(ExecutorSettings.LOCAL)) { // only when given: local experiments keep their experiment.json
      ExecutorSettings e = s.executor();
      Map<String, Object> executor = new LinkedHashMap<>();
      executor.put("type", e.type());
      executor.put("partition", e.partition());
      executor.put("time", e.time() == null ? null : Quantities.format(e.time()));
      executor.put("cpus_per_task", e.cpusPerTask());
      executor.put("mem", e.mem());
      executor.put("gpus", e.gpus());
      executor.put("array_parallelism", e.arrayParallelism());
      executor.put("sbatch_args", e.sbatchArgs());
      executor.put("setup", e.setup());
      m.put("executor", executor);
    }
    if (s.worker() != null) {
      Map<String, Object> worker = new LinkedHashMap<>(workerDefinition(s.worker()));
      worker.put("max_trials", s.worker().maxTrials());
      worker.put("startup_timeout", Quantities.format(s.worker().startupTimeout()));
      if (s.worker().kind() == WorkerSpec.Kind.JAVA) {
        worker.put("isolation", lower(s.worker().isolation()));
        worker.put("jvm_args", s.worker().jvmArgs());
      }
      m.put(s.worker().kind().key(), worker);
    }
    if (s.adaptive() != null) {
      m.put("adaptive", adaptive(s.adaptive()));
    }
    return m;
  }

  /** What a worker kind computes with (not how its workers are pooled). */
  private static Map<String, Object> workerDefinition(WorkerSpec w) {
    Map<String, Object> m = new LinkedHashMap<>();
    switch (w.kind()) {
      case WORKER -> m.put("command", w.command().stream().map(Template::raw).toList());
      case PYTHON -> {
        m.put("function", w.function());
        m.put("path", w.path());
        m.put("interpreter", w.interpreter());
      }
      case JAVA -> {
        m.put("class", w.javaClass());
        m.put("classpath", w.classpath());
      }
    }
    return m;
  }

  /**
   * What a trial computes, independent of which trials exist: changing any of it makes earlier
   * results incomparable (drift), while adding seeds or axis values only adds trials.
   */
  public static Map<String, Object> definition(Spec s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("command", s.command().stream().map(Template::raw).toList());
    m.put("shell", s.shell() == null ? null : s.shell().raw());
    if (s.worker() != null) { // only then: the definitions (and hashes) of process experiments stay as they were
      m.put(s.worker().kind().key(), workerDefinition(s.worker()));
    }
    m.put("args", lower(s.args()));
    m.put("params", s.params());
    List<Object> ablations = new ArrayList<>();
    for (Ablation a : s.ablations()) {
      Map<String, Object> am = new LinkedHashMap<>();
      am.put("name", a.name());
      am.put("flags", a.flags());
      am.put("params", a.params());
      ablations.add(am);
    }
    m.put("ablations", ablations);
    Map<String, Object> env = new LinkedHashMap<>();
    s.env().forEach((k, v) -> env.put(k, v.raw()));
    m.put("env", env);
    m.put("workdir", s.workdir() == null ? null : s.workdir().raw());
    m.put("metrics", s.metrics().stream().map(SpecJson::metric).toList());
    Map<String, Object> success = new LinkedHashMap<>();
    success.put("exit_code", new ArrayList<>(new TreeSet<>(s.success().exitCodes())));
    success.put("files", s.success().files().stream().map(Template::raw).toList());
    success.put("metrics", s.success().metrics());
    m.put("success", success);
    if (s.session() != null) {
      m.put("session", session(s.session()));
    }
    if (s.verify() != null) {
      m.put("verify", verify(s.verify()));
    }
    return m;
  }

  private static Map<String, Object> retry(RetryRule rule) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("exit_codes", new ArrayList<>(new TreeSet<>(rule.exitCodes())));
    m.put("output", rule.output() == null ? null : rule.output().pattern());
    m.put("backoff_initial", Quantities.format(rule.initialBackoff()));
    m.put("backoff_max", Quantities.format(rule.maxBackoff()));
    return m;
  }

  private static Map<String, Object> budget(BudgetSpec budget) {
    if (budget == null) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("metric", budget.metric());
    m.put("limit", budget.limit());
    m.put("per_run_limit", budget.perRunLimit());
    return m;
  }

  private static Map<String, Object> adaptive(Adaptive a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("metrics", a.metrics());
    Map<String, Object> until = new LinkedHashMap<>();
    if (a.until() instanceof Adaptive.HalfWidth h) {
      until.put("ci_halfwidth", h.relative() ? Values.text(h.value() * 100) + "%" : h.value());
    } else if (a.until() instanceof Adaptive.Decided d) {
      Map<String, Object> decided = new LinkedHashMap<>();
      decided.put("control", d.control());
      decided.put("margin", d.relative() ? Values.text(d.margin() * 100) + "%" : d.margin());
      until.put("decided", decided);
    }
    m.put("until", until);
    m.put("min_seeds", a.minSeeds());
    m.put("max_seeds", a.maxSeeds());
    m.put("batch", a.batch());
    m.put("alpha", a.alpha());
    return m;
  }


  private static Map<String, Object> session(SessionSpec s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("command", raw(s.command()));
    m.put("initial_prompt", s.initialPrompt() == null ? null : s.initialPrompt().raw());
    Map<String, Object> ready = new LinkedHashMap<>();
    if (s.ready().regex() != null) {
      ready.put("regex", s.ready().regex().pattern());
    } else {
      ready.put("idle", Quantities.format(s.ready().idle()));
    }
    m.put("ready", ready);
    List<Object> reactors = new ArrayList<>();
    for (SessionSpec.Reactor r : s.reactors()) {
      Map<String, Object> rm = new LinkedHashMap<>();
      rm.put("when", r.when().pattern());
      rm.putAll(action(r.action()));
      reactors.add(rm);
    }
    m.put("reactors", reactors);
    m.put("default", action(s.defaultAction()));
    m.put("max_turns", s.maxTurns());
    m.put("turn_timeout", Quantities.format(s.turnTimeout()));
    m.put("workdir", s.freshWorkdir() ? "fresh" : s.workdir() == null ? null : s.workdir().raw());
    return m;
  }

  /** An action as the spec writes it: {@code {send: text}}, {@code {end: true}}, {@code {fail: reason}}, {@code {program: argv}}. */
  public static Map<String, Object> action(SessionSpec.Action a) {
    Object value;
    if (a instanceof SessionSpec.Send send) {
      value = send.text().raw();
    } else if (a instanceof SessionSpec.Fail fail) {
      value = fail.reason();
    } else if (a instanceof SessionSpec.Program program) {
      value = raw(program.argv());
    } else {
      value = true;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(a.type(), value);
    return m;
  }

  private static Map<String, Object> verify(VerifySpec v) {
    List<Object> files = new ArrayList<>();
    for (VerifySpec.FileCheck f : v.files()) {
      Map<String, Object> fm = new LinkedHashMap<>();
      fm.put("path", f.path().raw());
      fm.put("exists", f.exists());
      fm.put("contains", f.contains() == null ? null : f.contains().raw());
      fm.put("equals", f.equals() == null ? null : f.equals().raw());
      fm.put("matches", f.matches() == null ? null : f.matches().pattern());
      files.add(fm);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("files", files);
    m.put("command", raw(v.command()));
    return m;
  }

  private static List<String> raw(List<Template> templates) {
    return templates.stream().map(Template::raw).toList();
  }

  private static Map<String, Object> metric(MetricSpec spec) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (spec instanceof MetricSpec.Csv c) {
      m.put("csv", c.path().raw());
      m.put("key", c.key());
      m.put("name", c.name().raw());
      m.put("columns", c.columns());
      m.put("prefix", c.prefix());
    } else if (spec instanceof MetricSpec.Json j) {
      m.put("json", j.path().raw());
      m.put("fields", j.fields());
      m.put("prefix", j.prefix());
    } else if (spec instanceof MetricSpec.Regex r) {
      Map<String, Object> regex = new LinkedHashMap<>();
      regex.put("file", r.file());
      regex.put("pattern", r.pattern().pattern());
      regex.put("name", r.name());
      regex.put("type", lower(r.type()));
      m.put("regex", regex);
    }
    return m;
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(java.util.Locale.ROOT);
  }
}
