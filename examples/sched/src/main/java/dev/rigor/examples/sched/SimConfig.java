package dev.rigor.examples.sched;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything that defines a simulated world except the seed: workload, policy, ablations and
 * latency tails. Immutable and validated; build it with {@link #fromParams} or {@link #defaults}.
 *
 * @param timeScale load knob: workflows arrive as a Poisson process with mean gap
 *     {@link #NOMINAL_ARRIVAL_GAP_MS} / timeScale (50 → one every 6 s). Service latencies are
 *     never scaled, so simulated milliseconds stay real milliseconds.
 * @param modelRouting when true, simple sub-queries go to the small LLM provider
 * @param disabled mechanisms switched off by ablation flags, whatever the policy
 */
public record SimConfig(
    int workflows, int pdfs, int iters, int subqueries, Policy policy, double timeScale,
    boolean modelRouting, double heavyTailProb, double heavyTailMult, Set<Mechanism> disabled) {

  /** Mean gap between workflow arrivals at time_scale 1: five simulated minutes. */
  public static final double NOMINAL_ARRIVAL_GAP_MS = 300_000;

  /** Guards run time and memory: a million requests take about 5 s and 1 GB. */
  public static final long MAX_REQUESTS = 2_000_000;

  public SimConfig {
    Objects.requireNonNull(policy, "policy");
    disabled = Collections.unmodifiableSet(enumSet(Objects.requireNonNull(disabled, "disabled")));
    requireRange(Param.WORKFLOWS, workflows, 1, 100_000);
    requireRange(Param.PDFS, pdfs, 0, 1_000);
    requireRange(Param.ITERS, iters, 1, 100);
    requireRange(Param.SUBQUERIES, subqueries, 1, 1_000);
    requireRange(Param.TIME_SCALE, timeScale, 1e-6, 1e6);
    requireRange(Param.HEAVY_TAIL_PROB, heavyTailProb, 0, 1);
    requireRange(Param.HEAVY_TAIL_MULT, heavyTailMult, 1, 10_000);
    long requests = (long) workflows * requestsPerWorkflow(pdfs, iters, subqueries);
    if (requests > MAX_REQUESTS) {
      throw new ConfigException(Param.WORKFLOWS.key(), "the run would simulate " + requests
          + " requests; keep workflows × requests per workflow ≤ " + MAX_REQUESTS);
    }
  }

  /** The configuration with every parameter at its default. */
  public static SimConfig defaults() {
    return fromParams(Map.of());
  }

  /**
   * Builds a configuration from parameter names (as on the command line, without dashes) to
   * values: text, numbers, booleans or a {@link Policy}. Missing parameters take their defaults;
   * {@code seed} and {@code out_dir} are run parameters and are ignored here, so a trial's whole
   * parameter map can be passed.
   *
   * @throws ConfigException naming the first unknown or invalid parameter
   */
  public static SimConfig fromParams(Map<String, ?> params) {
    for (String key : new TreeSet<>(params.keySet())) {
      if (Param.byKey(key).isEmpty()) {
        String hint = Param.suggest(key).map(s -> " — did you mean '" + s + "'?").orElse("");
        throw new ConfigException(key, "unknown parameter" + hint);
      }
    }
    ParamReader read = new ParamReader(params);
    EnumSet<Mechanism> disabled = EnumSet.noneOf(Mechanism.class);
    for (Mechanism m : Mechanism.values()) {
      if (read.bool(Param.byKey(m.disableFlag()).orElseThrow())) {
        disabled.add(m);
      }
    }
    return new SimConfig(read.integer(Param.WORKFLOWS), read.integer(Param.PDFS),
        read.integer(Param.ITERS), read.integer(Param.SUBQUERIES), read.policy(Param.POLICY),
        read.decimal(Param.TIME_SCALE), read.bool(Param.ENABLE_MODEL_ROUTING),
        read.decimal(Param.HEAVY_TAIL_PROB), read.decimal(Param.HEAVY_TAIL_MULT), disabled);
  }

  /** The parameters that rebuild this configuration with {@link #fromParams}, in help order. */
  public Map<String, Object> toParams() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(Param.WORKFLOWS.key(), workflows);
    out.put(Param.PDFS.key(), pdfs);
    out.put(Param.ITERS.key(), iters);
    out.put(Param.SUBQUERIES.key(), subqueries);
    out.put(Param.POLICY.key(), policy.cliName());
    out.put(Param.TIME_SCALE.key(), timeScale);
    out.put(Param.ENABLE_MODEL_ROUTING.key(), modelRouting);
    out.put(Param.HEAVY_TAIL_PROB.key(), heavyTailProb);
    out.put(Param.HEAVY_TAIL_MULT.key(), heavyTailMult);
    for (Mechanism m : Mechanism.values()) {
      out.put(m.disableFlag(), disabled.contains(m));
    }
    return Collections.unmodifiableMap(out);
  }

  /** The mechanisms in effect: the policy's, minus the disabled ones. */
  public Set<Mechanism> mechanisms() {
    EnumSet<Mechanism> on = enumSet(policy.mechanisms());
    on.removeAll(disabled);
    return Collections.unmodifiableSet(on);
  }

  public boolean uses(Mechanism mechanism) {
    return policy.mechanisms().contains(mechanism) && !disabled.contains(mechanism);
  }

  public double meanArrivalGapMs() {
    return NOMINAL_ARRIVAL_GAP_MS / timeScale;
  }

  public int requestsPerWorkflow() {
    return requestsPerWorkflow(pdfs, iters, subqueries);
  }

  public SimConfig withPolicy(Policy newPolicy) {
    return new SimConfig(workflows, pdfs, iters, subqueries, newPolicy, timeScale, modelRouting,
        heavyTailProb, heavyTailMult, disabled);
  }

  public SimConfig withDisabled(Mechanism... mechanisms) {
    EnumSet<Mechanism> more = enumSet(disabled);
    more.addAll(List.of(mechanisms));
    return new SimConfig(workflows, pdfs, iters, subqueries, policy, timeScale, modelRouting,
        heavyTailProb, heavyTailMult, more);
  }

  public SimConfig withHeavyTail(double prob, double mult) {
    return new SimConfig(workflows, pdfs, iters, subqueries, policy, timeScale, modelRouting,
        prob, mult, disabled);
  }

  public SimConfig withRouting(boolean routing) {
    return new SimConfig(workflows, pdfs, iters, subqueries, policy, timeScale, routing,
        heavyTailProb, heavyTailMult, disabled);
  }

  public SimConfig withWorkload(int newWorkflows, double newTimeScale) {
    return new SimConfig(newWorkflows, pdfs, iters, subqueries, policy, newTimeScale,
        modelRouting, heavyTailProb, heavyTailMult, disabled);
  }

  private static int requestsPerWorkflow(int pdfs, int iters, int subqueries) {
    return 2 * pdfs + iters * (subqueries + 1) + 1;
  }

  private static EnumSet<Mechanism> enumSet(Collection<Mechanism> mechanisms) {
    EnumSet<Mechanism> set = EnumSet.noneOf(Mechanism.class);
    set.addAll(mechanisms);
    return set;
  }

  private static void requireRange(Param p, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw new ConfigException(p.key(), "must be between " + DecimalText.plain(min) + " and "
          + DecimalText.plain(max) + ", got " + DecimalText.plain(value));
    }
  }
}
