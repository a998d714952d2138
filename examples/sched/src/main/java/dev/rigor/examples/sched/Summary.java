package dev.rigor.examples.sched;

import java.util.Arrays;
import java.util.List;

/**
 * The headline numbers of a run, over workflows: makespan (finish minus arrival, ms) and cost
 * (USD). Percentiles interpolate ({@link Percentiles#type7}).
 */
public record Summary(
    double makespanMeanMs, double makespanP50Ms, double makespanP95Ms, double makespanP99Ms,
    double costMean, double costP50) {

  public static Summary of(List<WorkflowResult> workflows) {
    if (workflows.isEmpty()) {
      throw new IllegalArgumentException("no workflows");
    }
    double[] makespans = workflows.stream().mapToDouble(WorkflowResult::makespanMs).sorted()
        .toArray();
    double[] costs = workflows.stream().mapToDouble(WorkflowResult::cost).sorted().toArray();
    return new Summary(mean(makespans), Percentiles.type7(makespans, 0.50),
        Percentiles.type7(makespans, 0.95), Percentiles.type7(makespans, 0.99), mean(costs),
        Percentiles.type7(costs, 0.50));
  }

  private static double mean(double[] values) {
    return Arrays.stream(values).sum() / values.length;
  }
}
