package dev.rigor.examples.sched;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The policies trade makespan against cost: each added mechanism buys speed with money. */
class PolicyTradeoffTest {
  private static final int SEEDS = 5;

  @Test
  void morePolicyIsFasterAndPricierOnTheSeed004Workload() {
    Map<Policy, Double> makespan = new EnumMap<>(Policy.class);
    Map<Policy, Double> p95 = new EnumMap<>(Policy.class);
    Map<Policy, Double> cost = new EnumMap<>(Policy.class);
    for (Policy p : Policy.values()) {
      SimConfig c = SeedAverages.seed004(50, p);
      makespan.put(p, SeedAverages.mean(c, SEEDS, SeedAverages::meanMakespan));
      p95.put(p, SeedAverages.mean(c, SEEDS, SeedAverages::p95));
      cost.put(p, SeedAverages.mean(c, SEEDS, SeedAverages::cost));
    }

    assertThat(makespan.get(Policy.FULL)).isLessThan(makespan.get(Policy.DAG_ESCALATION));
    assertThat(makespan.get(Policy.DAG_ESCALATION)).isLessThan(makespan.get(Policy.DAG_CHEAPEST));
    assertThat(makespan.get(Policy.DAG_CHEAPEST)).isLessThan(makespan.get(Policy.FIFO_CHEAPEST));
    assertThat(p95.get(Policy.FULL)).isLessThan(0.5 * p95.get(Policy.FIFO_CHEAPEST));

    assertThat(cost.get(Policy.FULL)).isGreaterThan(cost.get(Policy.DAG_ESCALATION));
    assertThat(cost.get(Policy.DAG_ESCALATION)).isGreaterThan(cost.get(Policy.DAG_CHEAPEST));
    assertThat(cost.get(Policy.DAG_CHEAPEST)).isEqualTo(cost.get(Policy.FIFO_CHEAPEST));
  }

  @Test
  void modelRoutingMakesWorkflowsCheaper() {
    SimConfig routed = SeedAverages.seed004(30, Policy.FULL);
    SimConfig unrouted = routed.withRouting(false);

    assertThat(SeedAverages.mean(routed, SEEDS, SeedAverages::cost))
        .isLessThan(0.9 * SeedAverages.mean(unrouted, SEEDS, SeedAverages::cost));
  }

  @Test
  void moreLoadMeansLongerWorkflows() {
    SimConfig light = SeedAverages.seed004(40, Policy.DAG_CHEAPEST).withWorkload(40, 5);
    SimConfig heavy = light.withWorkload(40, 80);

    assertThat(SeedAverages.mean(heavy, SEEDS, SeedAverages::meanMakespan))
        .isGreaterThan(SeedAverages.mean(light, SEEDS, SeedAverages::meanMakespan));
  }
}
