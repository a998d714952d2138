package dev.rigor.spec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a {@link SpecNode} tree into a validated {@link Spec}, collecting every error with its
 * position. Sections with their own rules live in {@link MatrixSection} and {@link MetricsSection};
 * placeholder checks in {@link PlaceholderCheck}.
 */
public final class SpecReader {

  /** Every top-level key, in the order the docs present them. */
  public static final List<String> TOP_LEVEL_KEYS = List.of(
      "name", "description", "out_root", "command", "shell", "worker", "python", "java", "args", "params", "matrix", "seeds",
      "ablations", "replicates", "jobs", "timeout", "retries", "order", "order_seed", "env", "workdir",
      "metrics", "goals", "success", "limits", "measure", "kill_grace", "report", "executor", "adaptive",
      "session", "verify", "budget");

  /**
   * The trial kinds (DESIGN.md §7): a spec has exactly one of these keys. A new kind is one more
   * entry here (and its reader).
   */
  public static final List<String> KIND_KEYS = List.of("command", "shell", "worker", "python", "java", "session");

  /** Names that trials always know and that params and axes must not reuse. */
  public static final Set<String> RESERVED = Set.of("seed", "replicate", "ablation", "run_id", "run_dir", "out");

  static final Duration DEFAULT_KILL_GRACE = Duration.ofSeconds(5);

  private final NodeReader r = new NodeReader();
  /** {start, step} of a {@code seeds: {count, start, step}} form (adaptive rounds continue it), else null. */
  private long[] seedProgression;

  private SpecReader() {}

  /** Validates {@code root}; throws with every error found. */
  public static Spec read(SpecNode root) throws SpecException {
    SpecReader reader = new SpecReader();
    Spec spec = reader.spec(root);
    if (!reader.r.errors().isEmpty() || spec == null) {
      if (reader.r.errors().isEmpty()) {
        throw new IllegalStateException("spec rejected without an error");
      }
      List<SpecError> sorted = new ArrayList<>(reader.r.errors());
      sorted.sort(SpecError.BY_POSITION);
      throw new SpecException(sorted);
    }
    return spec;
  }

  private Spec spec(SpecNode root) {
    SpecNode.MapNode top = r.map(root, "the spec", "name: my-experiment");
    if (top == null) {
      return null;
    }
    r.checkKeys(top, "the spec", TOP_LEVEL_KEYS);

    String name = name(top);
    String description = optionalString(top, "description", "");
    String outRoot = optionalString(top, "out_root", "runs");
    Map<String, Object> params = params(top);
    Matrix matrix = top.has("matrix") ? new MatrixSection(r).read(top.get("matrix"), params.keySet()) : Matrix.EMPTY;
    Seeds seeds = seeds(top);
    List<Ablation> ablations = ablations(top);
    List<Template> command = new ArrayList<>();
    String kind = kind(top);
    Template shell = kind == null || kind.equals("command") || kind.equals("shell") ? command(top, command) : null;
    WorkerSpec worker = workerKind(kind, top);
    ArgsMode args = top.has("args") ? r.choice(top.get("args"), "args", ArgsMode.class) : ArgsMode.NONE;
    int replicates = intOr(top, "replicates", 1, 1, "replicates: 3");
    Integer jobs = top.has("jobs") ? asInt(r.integer(top.get("jobs"), "jobs", 1, "jobs: 2")) : null;
    Duration timeout = duration(top, "timeout", null);
    PoliciesSection.Read retries = new PoliciesSection(r).read(top.get("retries"));
    Order order = top.has("order") ? r.choice(top.get("order"), "order", Order.class) : Order.INTERLEAVED;
    long orderSeed = top.has("order_seed") ? orElse(r.integer(top.get("order_seed"), "order_seed", Long.MIN_VALUE, "order_seed: 42"), 0L)
        : name == null ? 0 : name.hashCode();
    Map<String, Template> env = env(top);
    Template workdir = top.has("workdir") ? r.template(top.get("workdir"), "workdir", "workdir: sim") : null;
    MetricsSection metricsSection = new MetricsSection(r);
    List<MetricSpec> metrics = top.has("metrics") ? metricsSection.metrics(top.get("metrics")) : List.of();
    Map<String, Goal> goals = goals(top);
    checkGoalNames(top, metrics, goals);
    SuccessCriteria success = top.has("success") ? metricsSection.success(top.get("success")) : SuccessCriteria.DEFAULT;
    Limits limits = limits(top);
    MeasureMode measure = top.has("measure") ? r.choice(top.get("measure"), "measure", MeasureMode.class) : MeasureMode.AUTO;
    Duration killGrace = duration(top, "kill_grace", DEFAULT_KILL_GRACE);
    ReportSettings report = top.has("report") ? report(top.get("report"), matrix) : ReportSettings.DEFAULT;
    BudgetSpec budget = top.has("budget") ? new PoliciesSection(r).budget(top.get("budget")) : null;
    ExecutorSettings executor = top.has("executor") ? executor(top.get("executor")) : ExecutorSettings.LOCAL;
    if (budget != null && "slurm".equals(executor.type())) {
      // A SLURM trial frees its slot at submission and its spend is not streamed back while it runs,
      // so the budget's reservations could not hold (docs/BUDGET.md, "Executors").
      r.error(top.fields().get("budget").keyPosition(), "a budget cannot be used with executor type slurm",
          "remove 'budget', or run locally (drop 'executor' or pass --executor local)");
    }

    Adaptive adaptive = null;
    if (top.has("adaptive")) {
      List<Seeds> extended = new ArrayList<>();
      adaptive = new AdaptiveSection(r).read(top.get("adaptive"), seeds, seedProgression, matrix, replicates, extended);
      seeds = extended.isEmpty() ? seeds : extended.get(0);
    }
    SessionSection sessions = new SessionSection(r);
    SessionSpec session = top.has("session") ? sessions.session(top.get("session")) : null;
    VerifySpec verify = top.has("verify") ? sessions.verify(top.get("verify")) : null;
    sessionOnly(top);

    new PlaceholderCheck(r, params, matrix, seeds, ablations).check(top);

    if (!r.errors().isEmpty()) {
      return null;
    }
    return new Spec(name, description, outRoot, command, shell, args, params, matrix, seeds, ablations, replicates,
        jobs, timeout, retries.max(), order, orderSeed, env, workdir, metrics, goals, success,
        limits, measure, killGrace, report, executor, worker, adaptive, session, verify, retries.rule(), budget);
  }

  /** {@code verify} checks what a session made, and a session is judged by how it ended, not by {@code success}. */
  private void sessionOnly(SpecNode.MapNode top) {
    if (top.has("verify") && !top.has("session")) {
      r.error(top.fields().get("verify").keyPosition(), "'verify' applies only to a 'session' trial",
          "move the checks into success: {files: [...]}, or make the trial a session");
    }
    if (top.has("success") && top.has("session")) {
      r.error(top.fields().get("success").keyPosition(), "'success' does not apply to a session (it succeeds when ended by 'end' and every 'verify' check passes)",
          "remove 'success'; check files with verify: {files: [...]}");
    }
  }

  /** The one trial-kind key of the spec, or {@code null} (with an error) when there is none or more than one. */
  private String kind(SpecNode.MapNode top) {
    List<String> present = KIND_KEYS.stream().filter(top::has).toList();
    if (present.size() > 1) {
      r.error(top.fields().get(present.get(1)).keyPosition(), "the spec gives both '" + present.get(0) + "' and '" + present.get(1) + "'",
          "keep exactly one trial kind: " + String.join(", ", KIND_KEYS));
      return null;
    }
    return present.isEmpty() ? "command" : present.get(0); // none: 'command' reports what is missing
  }

  private WorkerSpec workerKind(String kind, SpecNode.MapNode top) {
    for (WorkerSpec.Kind k : WorkerSpec.Kind.values()) {
      if (k.key().equals(kind)) {
        return new WorkerSection(r).read(k, top.get(kind));
      }
    }
    return null;
  }

  private String name(SpecNode.MapNode top) {
    if (!top.has("name")) {
      r.error(top.position(), "the spec has no 'name'", "add e.g. 'name: my-experiment' (it names the experiment directory)");
      return null;
    }
    String name = r.string(top.get("name"), "name", "name: my-experiment");
    if (name != null && !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      r.error(top.get("name").position(), "'name' must be a file-name-safe word, not \"" + name + "\"",
          "use letters, digits, '.', '_' and '-', e.g. " + name.replaceAll("[^A-Za-z0-9._-]+", "-"));
      return null;
    }
    return name;
  }

  private Template command(SpecNode.MapNode top, List<Template> command) {
    boolean hasCommand = top.has("command");
    boolean hasShell = top.has("shell");
    if (!hasCommand && !hasShell) {
      r.error(top.position(), "the spec has no 'command'", "add e.g. command: [python3, train.py, --out, \"{out}\"]"
          + " (or another trial kind: " + String.join(", ", KIND_KEYS.subList(1, KIND_KEYS.size())) + ")");
      return null;
    }
    if (hasShell) {
      return r.template(top.get("shell"), "shell", "shell: \"make run SEED={seed}\"");
    }
    SpecNode node = top.get("command");
    if (node instanceof SpecNode.ScalarNode s && s.value() instanceof String text) {
      r.error(node.position(), "'command' must be an argv list, not a string (\"" + text + "\")",
          "write command: [" + String.join(", ", java.util.Arrays.stream(text.trim().split("\\s+")).map(SpecReader::yamlWord).toList())
              + "], or opt in to a shell with shell: \"...\"");
      return null;
    }
    List<SpecNode> items = r.list(node, "command", "command: [python3, train.py]");
    if (items == null) {
      return null;
    }
    if (items.isEmpty()) {
      r.error(node.position(), "'command' is empty", "give the program and its arguments, e.g. [python3, train.py]");
    }
    for (int i = 0; i < items.size(); i++) {
      Template t = r.template(items.get(i), "command[" + i + "]", "command: [python3, train.py]");
      if (t != null) {
        command.add(t);
      }
    }
    return null;
  }

  /** A word as a YAML flow-sequence item: quoted when it has characters YAML would read otherwise. */
  private static String yamlWord(String word) {
    return word.matches("[A-Za-z0-9_./=+-]+") ? word : "\"" + word.replace("\"", "\\\"") + "\"";
  }

  private Map<String, Object> params(SpecNode.MapNode top) {
    Map<String, Object> params = new LinkedHashMap<>();
    if (!top.has("params")) {
      return params;
    }
    SpecNode.MapNode map = r.map(top.get("params"), "params", "params: {pdfs: 10}");
    if (map == null) {
      return params;
    }
    for (SpecNode.Field field : map.fields().values()) {
      if (checkParamName(field.key(), field.keyPosition(), "params")) {
        Object value = r.scalar(field.value(), "params." + field.key());
        if (value != null) {
          params.put(field.key(), value);
        }
      }
    }
    return params;
  }

  /** Parameter and axis names: identifiers that do not shadow the built-in placeholders. */
  boolean checkParamName(String name, SourcePosition at, String where) {
    return checkParamName(r, name, at, where);
  }

  static boolean checkParamName(NodeReader r, String name, SourcePosition at, String where) {
    if (RESERVED.contains(name)) {
      r.error(at, "'" + name + "' in " + where + " is reserved (Rigor sets it for every trial)",
          "rename it; '{" + name + "}' is always available in templates");
      return false;
    }
    if (!name.matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
      r.error(at, "'" + name + "' in " + where + " is not a valid parameter name",
          "start with a letter or '_' and use letters, digits, '_', '.', '-'");
      return false;
    }
    return true;
  }

  private Seeds seeds(SpecNode.MapNode top) {
    if (!top.has("seeds")) {
      return Seeds.NONE;
    }
    SpecNode node = top.get("seeds");
    List<Long> values = new ArrayList<>();
    if (node instanceof SpecNode.MapNode m) {
      r.checkKeys(m, "seeds", List.of("count", "start", "step"));
      if (!m.has("count") && !top.has("adaptive")) {
        r.error(m.position(), "'seeds' needs a 'count'", "write e.g. seeds: {count: 15, start: 1, step: 1}");
        return Seeds.NONE;
      }
      Long count = m.has("count") ? r.integer(m.get("count"), "seeds.count", 1, "count: 15") : Long.valueOf(1);
      Long start = m.has("start") ? r.integer(m.get("start"), "seeds.start", Long.MIN_VALUE, "start: 1") : Long.valueOf(1);
      Long step = m.has("step") ? r.integer(m.get("step"), "seeds.step", 1, "step: 1") : Long.valueOf(1);
      if (count == null || start == null || step == null) {
        return Seeds.NONE;
      }
      for (long i = 0; i < count; i++) {
        values.add(start + i * step);
      }
      seedProgression = new long[] {start, step};
      return Seeds.of(values);
    }
    List<SpecNode> items = r.list(node, "seeds", "seeds: [1, 2, 3] or seeds: {count: 10}");
    if (items == null) {
      return Seeds.NONE;
    }
    if (items.isEmpty()) {
      r.error(node.position(), "'seeds' is empty", "give at least one seed, or remove 'seeds'");
      return Seeds.NONE;
    }
    Set<Long> seen = new LinkedHashSet<>();
    for (SpecNode item : items) {
      Long seed = r.integer(item, "seeds[]", Long.MIN_VALUE, "seeds: [1, 2, 3]");
      if (seed != null && !seen.add(seed)) {
        r.error(item.position(), "duplicate seed " + seed, "list each seed once (use replicates: N to repeat runs)");
      }
      if (seed != null) {
        values.add(seed);
      }
    }
    return values.isEmpty() ? Seeds.NONE : Seeds.of(values);
  }

  private List<Ablation> ablations(SpecNode.MapNode top) {
    if (!top.has("ablations")) {
      return List.of(Ablation.BASELINE);
    }
    SpecNode node = top.get("ablations");
    List<SpecNode> items = r.list(node, "ablations", "ablations: [{name: baseline}, {name: no_cache, flags: [--no-cache]}]");
    if (items == null) {
      return List.of(Ablation.BASELINE);
    }
    if (items.isEmpty()) {
      r.error(node.position(), "'ablations' is empty", "list at least the baseline: ablations: [{name: baseline}]");
      return List.of(Ablation.BASELINE);
    }
    List<Ablation> ablations = new ArrayList<>();
    Map<String, Integer> firstLine = new LinkedHashMap<>();
    for (SpecNode item : items) {
      Ablation ablation = ablation(item);
      if (ablation == null) {
        continue;
      }
      Integer line = firstLine.putIfAbsent(ablation.name(), item.position().line());
      if (line != null) {
        r.error(item.position(), "duplicate ablation '" + ablation.name() + "' (first at line " + line + ")",
            "give each ablation a unique name");
      } else {
        ablations.add(ablation);
      }
    }
    return ablations.isEmpty() ? List.of(Ablation.BASELINE) : ablations;
  }

  private Ablation ablation(SpecNode item) {
    SpecNode.MapNode m = r.map(item, "ablations[]", "{name: no_hedge, flags: [--disable_hedging]}");
    if (m == null) {
      return null;
    }
    r.checkKeys(m, "an ablation", List.of("name", "flags", "params"));
    if (!m.has("name")) {
      r.error(m.position(), "an ablation has no 'name'", "add e.g. name: no_hedge");
      return null;
    }
    String name = r.string(m.get("name"), "ablations[].name", "name: no_hedge");
    if (name == null) {
      return null;
    }
    if (!name.matches("[A-Za-z0-9._-]+")) {
      r.error(m.get("name").position(), "ablation name \"" + name + "\" is not file-name safe",
          "use letters, digits, '.', '_' and '-', e.g. " + name.replaceAll("[^A-Za-z0-9._-]+", "_"));
      return null;
    }
    List<String> flags = new ArrayList<>();
    if (m.has("flags")) {
      List<SpecNode> items = r.list(m.get("flags"), "flags", "flags: [--disable_hedging]");
      if (items != null) {
        for (SpecNode flag : items) {
          String text = r.string(flag, "flags[]", "flags: [--disable_hedging]");
          if (text != null) {
            flags.add(text);
          }
        }
      }
    }
    Map<String, Object> params = new LinkedHashMap<>();
    if (m.has("params")) {
      SpecNode.MapNode pm = r.map(m.get("params"), "ablation params", "params: {hedging: false}");
      if (pm != null) {
        for (SpecNode.Field f : pm.fields().values()) {
          if (checkParamName(f.key(), f.keyPosition(), "ablation '" + name + "' params")) {
            Object value = r.scalar(f.value(), "params." + f.key());
            if (value != null) {
              params.put(f.key(), value);
            }
          }
        }
      }
    }
    return new Ablation(name, flags, params);
  }

  private Map<String, Template> env(SpecNode.MapNode top) {
    Map<String, Template> env = new LinkedHashMap<>();
    if (!top.has("env")) {
      return env;
    }
    SpecNode.MapNode map = r.map(top.get("env"), "env", "env: {OMP_NUM_THREADS: \"1\"}");
    if (map == null) {
      return env;
    }
    for (SpecNode.Field f : map.fields().values()) {
      if (!f.key().matches("[A-Za-z_][A-Za-z0-9_]*")) {
        r.error(f.keyPosition(), "'" + f.key() + "' is not a valid environment variable name", "use letters, digits and '_'");
        continue;
      }
      if (f.key().startsWith("RIGOR_")) {
        r.error(f.keyPosition(), "'" + f.key() + "' is set by Rigor for every trial", "choose a name that does not start with RIGOR_");
        continue;
      }
      SpecNode value = f.value();
      if (value instanceof SpecNode.ScalarNode s && (s.value() instanceof Long || s.value() instanceof Double || s.value() instanceof Boolean)) {
        value = new SpecNode.ScalarNode(s.position(), String.valueOf(s.value()));
      }
      Template t = r.template(value, "env." + f.key(), f.key() + ": \"value\"");
      if (t != null) {
        env.put(f.key(), t);
      }
    }
    return env;
  }

  /** Metrics every run has, whatever the extractors. */
  private static final List<String> BUILTIN_METRICS = List.of("wall_time_s", "cpu_time_s", "peak_rss_bytes");

  /**
   * When every extractor declares its names (regex {@code name}, json {@code fields}, csv {@code columns}), a goal
   * whose name is a near miss of one ({@code avg_rewrd} for regex name {@code avg_reward}) is a typo: an error with
   * did-you-mean. A name far from every declared one may be a streamed
   * metric ($RIGOR_METRICS), which only runs reveal: run, compare and the report warn when no run has it.
   */
  private void checkGoalNames(SpecNode.MapNode top, List<MetricSpec> metrics, Map<String, Goal> goals) {
    List<String> declared = new ArrayList<>(BUILTIN_METRICS);
    for (MetricSpec m : metrics) {
      if (m instanceof MetricSpec.Regex regex) {
        declared.add(regex.name());
      } else if (m instanceof MetricSpec.Json json && !json.fields().isEmpty()) {
        json.fields().forEach(f -> declared.add(json.prefix() + f));
      } else if (m instanceof MetricSpec.Csv csv && csv.key().isEmpty() && !csv.columns().isEmpty()) {
        csv.columns().forEach(c -> declared.add(csv.prefix() + c));
      } else {
        return; // this extractor's names come from the files (every key of a json, every column of a csv): runs will tell
      }
    }
    if (!(top.get("goals") instanceof SpecNode.MapNode map)) {
      return;
    }
    for (SpecNode.Field f : map.fields().values()) {
      String closest = DidYouMean.closest(f.key(), declared);
      if (goals.containsKey(f.key()) && !declared.contains(f.key()) && closest != null) {
        r.error(f.keyPosition(), "goal '" + f.key() + "' names no declared metric — did you mean '" + closest + "'?",
            "name a metric the metrics section extracts (" + String.join(", ", declared) + ")");
      }
    }
  }

  private Map<String, Goal> goals(SpecNode.MapNode top) {
    Map<String, Goal> goals = new LinkedHashMap<>();
    if (!top.has("goals")) {
      return goals;
    }
    SpecNode.MapNode map = r.map(top.get("goals"), "goals", "goals: {latency_ms: min, accuracy: max}");
    if (map != null) {
      for (SpecNode.Field f : map.fields().values()) {
        Goal goal = r.choice(f.value(), "goals." + f.key(), Goal.class);
        if (goal != null) {
          goals.put(f.key(), goal);
        }
      }
    }
    return goals;
  }

  private Limits limits(SpecNode.MapNode top) {
    if (!top.has("limits")) {
      return Limits.NONE;
    }
    SpecNode.MapNode map = r.map(top.get("limits"), "limits", "limits: {memory: 2g, cpus: 1}");
    if (map == null) {
      return Limits.NONE;
    }
    r.checkKeys(map, "limits", List.of("memory", "cpus"));
    Long memory = null;
    if (map.has("memory")) {
      SpecNode node = map.get("memory");
      String text = node instanceof SpecNode.ScalarNode s && s.value() instanceof Long l ? l.toString()
          : r.string(node, "limits.memory", "memory: 2g");
      if (text != null) {
        try {
          memory = Quantities.size(text);
          if (memory <= 0) {
            throw new IllegalArgumentException("'" + text + "' is not a positive size");
          }
        } catch (IllegalArgumentException e) {
          r.error(node.position(), "'limits.memory' " + e.getMessage().replaceFirst("^'[^']*' ", "is "), "write e.g. 512m or 2g");
          memory = null;
        }
      }
    }
    Double cpus = null;
    if (map.has("cpus")) {
      cpus = r.number(map.get("cpus"), "limits.cpus", "cpus: 1.5");
      if (cpus != null && !(cpus > 0)) {
        r.error(map.get("cpus").position(), "'limits.cpus' must be positive", "write e.g. cpus: 1");
        cpus = null;
      }
    }
    return new Limits(memory, cpus);
  }

  /** {@code executor: {type: slurm, partition: gpu, time: 2h, mem: 4g, ...}} (DESIGN.md §11). */
  private ExecutorSettings executor(SpecNode node) {
    String example = "executor: {type: slurm, partition: debug, time: 1h, mem: 2g}";
    SpecNode.MapNode map = r.map(node, "executor", example);
    if (map == null) {
      return ExecutorSettings.LOCAL;
    }
    r.checkKeys(map, "executor", ExecutorSettings.KEYS);
    String type = "local";
    if (!map.has("type")) {
      r.error(map.position(), "'executor' has no 'type'", "add type: slurm (or type: local)");
    } else {
      String t = r.string(map.get("type"), "executor.type", "type: slurm");
      if (t != null && !ExecutorSettings.TYPES.contains(t)) {
        r.error(map.get("type").position(), "unknown executor type '" + t + "'", DidYouMean.hint(t, ExecutorSettings.TYPES));
      } else if (t != null) {
        type = t;
      }
    }
    String partition = map.has("partition") ? r.string(map.get("partition"), "executor.partition", "partition: debug") : null;
    Duration time = duration(map, "time", null);
    Integer cpus = map.has("cpus_per_task") ? asInt(r.integer(map.get("cpus_per_task"), "executor.cpus_per_task", 1, "cpus_per_task: 4")) : null;
    String mem = null;
    if (map.has("mem")) {
      SpecNode memNode = map.get("mem");
      String text = memNode instanceof SpecNode.ScalarNode sn && sn.value() instanceof Long l ? l + "m"
          : r.string(memNode, "executor.mem", "mem: 4g");
      if (text != null) {
        if (text.matches("(?i)[0-9]+[kmgt]?b?")) {
          mem = text.toUpperCase(java.util.Locale.ROOT).replaceFirst("B$", "");
        } else {
          r.error(memNode.position(), "'executor.mem' is not a size: '" + text + "'", "write e.g. mem: 512m or mem: 4g");
        }
      }
    }
    String gpus = null;
    if (map.has("gpus")) {
      SpecNode g = map.get("gpus");
      gpus = g instanceof SpecNode.ScalarNode sn && sn.value() instanceof Long l ? l.toString() : r.string(g, "executor.gpus", "gpus: 1");
    }
    Integer parallelism = map.has("array_parallelism")
        ? asInt(r.integer(map.get("array_parallelism"), "executor.array_parallelism", 1, "array_parallelism: 50")) : null;
    List<String> sbatchArgs = stringList(map, "sbatch_args", "sbatch_args: [--account=myproj, --qos=short]");
    List<String> setup = stringList(map, "setup", "setup: ['module load java/17']");
    return new ExecutorSettings(type, partition, time, cpus, mem, gpus, parallelism, sbatchArgs, setup);
  }

  private List<String> stringList(SpecNode.MapNode map, String key, String example) {
    if (!map.has(key)) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    List<SpecNode> items = r.list(map.get(key), "executor." + key, example);
    if (items != null) {
      for (SpecNode item : items) {
        String text = r.string(item, "executor." + key + "[]", example);
        if (text != null) {
          out.add(text);
        }
      }
    }
    return out;
  }

  private ReportSettings report(SpecNode node, Matrix matrix) {
    SpecNode.MapNode map = r.map(node, "report", "report: {facet: workflows, control: {policy: fifo}}");
    if (map == null) {
      return ReportSettings.DEFAULT;
    }
    r.checkKeys(map, "report", List.of("facet", "control", "metrics"));
    Set<String> axes = new TreeSet<>(matrix.axes().keySet());
    axes.add("ablation");
    String facet = null;
    if (map.has("facet")) {
      facet = r.string(map.get("facet"), "report.facet", "facet: workflows");
      if (facet != null && !axes.contains(facet)) {
        r.error(map.get("facet").position(), "report facet '" + facet + "' is not a matrix axis", DidYouMean.hint(facet, axes));
        facet = null;
      }
    }
    Map<String, Object> control = new LinkedHashMap<>();
    if (map.has("control")) {
      SpecNode.MapNode c = r.map(map.get("control"), "report.control", "control: {policy: fifo_cheapest}");
      if (c != null) {
        for (SpecNode.Field f : c.fields().values()) {
          if (!axes.contains(f.key())) {
            r.error(f.keyPosition(), "report control names unknown axis '" + f.key() + "'", DidYouMean.hint(f.key(), axes));
          } else {
            Object v = r.scalar(f.value(), "report.control." + f.key());
            if (v != null) {
              control.put(f.key(), v);
            }
          }
        }
      }
    }
    List<String> metrics = new ArrayList<>();
    if (map.has("metrics")) {
      List<SpecNode> items = r.list(map.get("metrics"), "report.metrics", "metrics: [makespan_p95_ms, cost_mean]");
      if (items != null) {
        for (SpecNode item : items) {
          String m = r.string(item, "report.metrics[]", "metrics: [makespan_p95_ms]");
          if (m != null) {
            metrics.add(m);
          }
        }
      }
    }
    return new ReportSettings(facet, control, metrics);
  }

  private String optionalString(SpecNode.MapNode top, String key, String fallback) {
    return top.has(key) ? orElse(r.string(top.get(key), key, key + ": ..."), fallback) : fallback;
  }

  private int intOr(SpecNode.MapNode top, String key, int fallback, long min, String example) {
    return top.has(key) ? orElse(asInt(r.integer(top.get(key), key, min, example)), fallback) : fallback;
  }

  private Duration duration(SpecNode.MapNode top, String key, Duration fallback) {
    return top.has(key) ? duration(r, top.get(key), key, fallback) : fallback;
  }

  /** A duration written as {@code 90s}, {@code 10m}, {@code 2h}, or a whole number of seconds. */
  static Duration duration(NodeReader r, SpecNode node, String key, Duration fallback) {
    if (node instanceof SpecNode.ScalarNode s && s.value() instanceof Long seconds && seconds > 0) {
      return Duration.ofSeconds(seconds);
    }
    String text = r.string(node, key, key + ": 10m");
    if (text == null) {
      return fallback;
    }
    try {
      Duration d = Quantities.duration(text);
      if (d.isZero()) {
        r.error(node.position(), "'" + key + "' must be longer than zero", "write e.g. 90s, 10m or 2h");
        return fallback;
      }
      return d;
    } catch (IllegalArgumentException e) {
      r.error(node.position(), "'" + key + "' is not a duration: \"" + text + "\"", "write e.g. 90s, 10m or 2h");
      return fallback;
    }
  }

  private static Integer asInt(Long value) {
    return value == null ? null : (int) Math.min(Integer.MAX_VALUE, value);
  }

  private static <T> T orElse(T value, T fallback) {
    return value == null ? fallback : value;
  }
}
