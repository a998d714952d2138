package dev.rigor.examples.sched;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Bookkeeping that must hold for every run, whatever the policy. */
class EngineInvariantsTest {

  @Test
  void concurrencyLimitsHoldAtEveryInstant() {
    // A burst: 20 workflows almost at once, so every cheap tier is full and queues build.
    for (Policy policy : Policy.values()) {
      SimResult r = Simulation.run(SeedAverages.seed004(20, policy).withWorkload(20, 2000), 3);
      assertThat(r.trace().truncated()).isFalse();

      Map<Tier, Integer> inFlight = new HashMap<>();
      Set<List<Integer>> running = new HashSet<>();
      boolean saturated = false;
      for (TraceEvent e : r.trace().events()) {
        List<Integer> attempt = List.of(e.workflow(), e.request(), e.attempt());
        if (e.type() == TraceType.ATTEMPT_START) {
          running.add(attempt);
          int n = inFlight.merge(e.tier(), 1, Integer::sum);
          assertThat(n).as("%s in flight on %s", policy, e.tier()).isLessThanOrEqualTo(
              e.tier().concurrency());
          saturated |= n == e.tier().concurrency();
        } else if ((e.type() == TraceType.ATTEMPT_FINISH || e.type() == TraceType.ATTEMPT_CANCEL)
            && running.remove(attempt)) {
          inFlight.merge(e.tier(), -1, Integer::sum);
        }
      }
      assertThat(running).as("nothing is left running at the end").isEmpty();
      assertThat(saturated).as("the burst fills some tier to its limit").isTrue();
    }
  }

  @Test
  void costsAttemptsAndRequestsAddUp() {
    for (Policy policy : Policy.values()) {
      SimResult r = Simulation.run(SeedAverages.seed004(40, policy), 8);
      double workflowCost = r.workflows().stream().mapToDouble(WorkflowResult::cost).sum();
      double tierCost = r.tiers().stream().mapToDouble(TierResult::cost).sum();
      int workflowAttempts = r.workflows().stream().mapToInt(WorkflowResult::attempts).sum();
      int tierAttempts = r.tiers().stream().mapToInt(TierResult::attempts).sum();

      assertThat(tierCost).isCloseTo(workflowCost, offset(1e-9));
      assertThat(tierAttempts).isEqualTo(workflowAttempts);
      for (WorkflowResult w : r.workflows()) {
        assertThat(w.requests()).isEqualTo(36);
        assertThat(w.attempts()).isGreaterThanOrEqualTo(w.requests() + w.hedges());
        assertThat(w.makespanMs()).isPositive().isEqualTo(w.finishMs() - w.arrivalMs());
      }
      for (TierResult t : r.tiers()) {
        assertThat(t.utilization()).isBetween(0.0, 1.0);
        assertThat(t.inFlightAvg()).isCloseTo(t.utilization() * t.tier().concurrency(),
            offset(1e-9));
      }
    }
  }

  @Test
  void cheapestPoliciesNeverLeaveTierZero() {
    SimResult r = Simulation.run(SeedAverages.seed004(30, Policy.DAG_CHEAPEST), 2);

    assertThat(r.tiers()).filteredOn(t -> t.tier().id() > 0)
        .allSatisfy(t -> assertThat(t.attempts()).isZero());
    assertThat(r.tiers()).filteredOn(t -> t.tier().provider() == Provider.LLM_SMALL
        && t.tier().id() == 0).allSatisfy(t -> assertThat(t.attempts()).isPositive());
  }

  @Test
  void withoutRoutingTheSmallModelIsIdle() {
    SimResult r = Simulation.run(SeedAverages.seed004(10, Policy.FULL).withRouting(false), 2);

    assertThat(r.tiers()).filteredOn(t -> t.tier().provider() == Provider.LLM_SMALL)
        .allSatisfy(t -> assertThat(t.attempts()).isZero());
  }
}
