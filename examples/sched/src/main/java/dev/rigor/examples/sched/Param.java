package dev.rigor.examples.sched;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * Every parameter of the simulator with its type, default and help text: the single place where
 * defaults live. {@link Scope#RUN} parameters belong to one run (seed, output directory), not to
 * the {@link SimConfig}.
 */
enum Param {
  WORKFLOWS("workflows", Type.INT, "20", "workflows in the run (Poisson arrivals)"),
  PDFS("pdfs", Type.INT, "10", "PDFs per workflow: one parse + one embedding request each"),
  ITERS("iters", Type.INT, "3", "retrieval iterations per workflow"),
  SUBQUERIES("subqueries", Type.INT, "4", "LLM sub-queries per iteration (fan-out)"),
  POLICY("policy", Type.POLICY, "full", "scheduling policy: " + Policy.cliNames()),
  TIME_SCALE("time_scale", Type.DOUBLE, "50",
      "load: mean gap between workflow arrivals is 300 s / time_scale"),
  ENABLE_MODEL_ROUTING("enable_model_routing", Type.BOOL, "false",
      "send simple sub-queries (half, at random) to the small LLM"),
  HEAVY_TAIL_PROB("heavy_tail_prob", Type.DOUBLE, "0.02",
      "probability that an attempt stalls"),
  HEAVY_TAIL_MULT("heavy_tail_mult", Type.DOUBLE, "50",
      "latency multiplier of a stalled attempt"),
  DISABLE_HEDGING("disable_hedging", Type.BOOL, "false", "ablation: never hedge"),
  DISABLE_ESCALATION("disable_escalation", Type.BOOL, "false", "ablation: never escalate"),
  DISABLE_DAG_PRIORITY("disable_dag_priority", Type.BOOL, "false",
      "ablation: FIFO queues instead of critical-path priority"),
  SEED("seed", Type.LONG, "1", "random seed", Scope.RUN),
  OUT_DIR("out_dir", Type.PATH, null, "output directory (created); required", Scope.RUN);

  enum Type { INT, LONG, DOUBLE, BOOL, POLICY, PATH }

  enum Scope { CONFIG, RUN }

  private final String key;
  private final Type type;
  private final String defaultValue;
  private final String help;
  private final Scope scope;

  Param(String key, Type type, String defaultValue, String help) {
    this(key, type, defaultValue, help, Scope.CONFIG);
  }

  Param(String key, Type type, String defaultValue, String help, Scope scope) {
    this.key = key;
    this.type = type;
    this.defaultValue = defaultValue;
    this.help = help;
    this.scope = scope;
  }

  String key() {
    return key;
  }

  Type type() {
    return type;
  }

  /** The default as text, or null when the parameter is required. */
  String defaultValue() {
    return defaultValue;
  }

  String help() {
    return help;
  }

  Scope scope() {
    return scope;
  }

  static Optional<Param> byKey(String key) {
    return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
  }

  /** The known key closest to a misspelt one, if any is close enough to be a likely typo. */
  static Optional<String> suggest(String unknown) {
    String lower = unknown.toLowerCase(Locale.ROOT).replace('-', '_');
    return Arrays.stream(values())
        .map(Param::key)
        .filter(k -> editDistance(lower, k) <= Math.max(2, k.length() / 4))
        .min(Comparator.comparingInt((String k) -> editDistance(lower, k)));
  }

  /** Levenshtein distance. */
  static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(substitute, Math.min(prev[j], cur[j - 1]) + 1);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
