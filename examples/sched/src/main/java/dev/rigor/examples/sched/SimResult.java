package dev.rigor.examples.sched;

import java.util.List;
import java.util.Objects;

/**
 * Everything a run produced; pure data, written to files by {@link ResultFiles}.
 *
 * @param horizonMs simulated time from the first arrival to the last workflow's finish
 */
public record SimResult(
    SimConfig config, long seed, Summary summary, List<WorkflowResult> workflows,
    List<TierResult> tiers, Trace trace, List<ProgressPoint> progress, double horizonMs) {

  public SimResult {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(trace, "trace");
    workflows = List.copyOf(workflows);
    tiers = List.copyOf(tiers);
    progress = List.copyOf(progress);
  }

  public int totalHedges() {
    return workflows.stream().mapToInt(WorkflowResult::hedges).sum();
  }

  public int totalEscalations() {
    return workflows.stream().mapToInt(WorkflowResult::escalations).sum();
  }

  /** The one-line result printed on stdout, e.g. for a regex metric. */
  public String logLine() {
    return "makespan_p95_ms=" + DecimalText.fixed(summary.makespanP95Ms(), 1)
        + " makespan_p50_ms=" + DecimalText.fixed(summary.makespanP50Ms(), 1)
        + " cost_mean=" + DecimalText.fixed(summary.costMean(), 4)
        + " hedges=" + totalHedges()
        + " escalations=" + totalEscalations()
        + " workflows=" + workflows.size()
        + " policy=" + config.policy().cliName();
  }
}
