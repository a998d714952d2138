package dev.rigor.spec;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated experiment spec (DESIGN.md §3). Immutable; built only by {@link SpecReader}, so every
 * instance has passed validation.
 *
 * @param command the argv template; empty when {@code shell} is used
 * @param shell an explicit opt-in shell command line (values are shell-quoted), or {@code null}
 * @param params fixed parameters, in spec order
 * @param jobs concurrent trials, or {@code null} for the number of cores
 * @param timeout per-run timeout, or {@code null} for none
 * @param workdir the trial's working directory template, or {@code null} for the directory rigor runs in
 * @param executor where trials run (local, or a SLURM cluster and its settings)
 * @param worker the {@code worker}, {@code python} or {@code java} trial kind, or {@code null} for process trials
 * @param adaptive adaptive replication (DESIGN.md §13), or {@code null}: every seed runs
 * @param session the interactive-session trial kind, or {@code null}
 * @param verify checks after a session ended by {@code end}, or {@code null}
 * @param retries how often a failed run is retried; {@code retryRule} says which failures and after what wait
 * @param budget the spend limits, or {@code null} for none
 */
public record Spec(
    String name,
    String description,
    String outRoot,
    List<Template> command,
    Template shell,
    ArgsMode args,
    Map<String, Object> params,
    Matrix matrix,
    Seeds seeds,
    List<Ablation> ablations,
    int replicates,
    Integer jobs,
    Duration timeout,
    int retries,
    Order order,
    long orderSeed,
    Map<String, Template> env,
    Template workdir,
    List<MetricSpec> metrics,
    Map<String, Goal> goals,
    SuccessCriteria success,
    Limits limits,
    MeasureMode measure,
    Duration killGrace,
    ReportSettings report,
    ExecutorSettings executor,
    WorkerSpec worker,
    Adaptive adaptive,
    SessionSpec session,
    VerifySpec verify,
    RetryRule retryRule,
    BudgetSpec budget) {

  public Spec {
    command = List.copyOf(command);
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    ablations = List.copyOf(ablations);
    env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
    metrics = List.copyOf(metrics);
    goals = Collections.unmodifiableMap(new LinkedHashMap<>(goals));
    if (ablations.isEmpty()) {
      throw new IllegalArgumentException("a spec has at least the baseline ablation");
    }
    if ((command.isEmpty() ? 0 : 1) + (shell == null ? 0 : 1) + (worker == null ? 0 : 1) + (session == null ? 0 : 1) != 1) {
      throw new IllegalArgumentException("exactly one trial kind (command, shell, worker, python, java, session) is set");
    }
    java.util.Objects.requireNonNull(retryRule, "retryRule");
    if (replicates < 1 || retries < 0) {
      throw new IllegalArgumentException("replicates >= 1 and retries >= 0");
    }
  }

  /** Whether seeds are added in rounds until the answer is clear. */
  public boolean isAdaptive() {
    return adaptive != null;
  }

  /** The baseline ablation (the first one). */
  public Ablation baseline() {
    return ablations.get(0);
  }
}
