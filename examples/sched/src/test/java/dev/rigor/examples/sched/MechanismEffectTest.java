package dev.rigor.examples.sched;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each mechanism changes outcomes, in the direction the model intends, averaged over seeds. */
class MechanismEffectTest {
  private static final int SEEDS = 8;

  @Test
  void hedgingCutsTheTailAndCostsMore() {
    SimConfig full = SeedAverages.seed004(40, Policy.FULL).withHeavyTail(0.05, 50);
    SimConfig noHedge = full.withDisabled(Mechanism.HEDGING);

    double p99With = SeedAverages.mean(full, SEEDS, SeedAverages::p99);
    double p99Without = SeedAverages.mean(noHedge, SEEDS, SeedAverages::p99);

    assertThat(p99With).isLessThan(0.9 * p99Without);
    assertThat(SeedAverages.mean(full, SEEDS, SeedAverages::cost))
        .isGreaterThan(SeedAverages.mean(noHedge, SEEDS, SeedAverages::cost));
    assertThat(Simulation.run(full, 1).totalHedges()).isPositive();
    assertThat(Simulation.run(noHedge, 1).totalHedges()).isZero();
  }

  @Test
  void escalationRescuesStalledRequestsAtAPrice() {
    SimConfig escalating = SeedAverages.seed004(40, Policy.DAG_ESCALATION);
    SimConfig noEscalation = escalating.withDisabled(Mechanism.ESCALATION);

    assertThat(SeedAverages.mean(escalating, SEEDS, SeedAverages::p95))
        .isLessThan(0.5 * SeedAverages.mean(noEscalation, SEEDS, SeedAverages::p95));
    assertThat(SeedAverages.mean(escalating, SEEDS, SeedAverages::cost))
        .isGreaterThan(SeedAverages.mean(noEscalation, SEEDS, SeedAverages::cost));
    assertThat(Simulation.run(escalating, 1).totalEscalations()).isPositive();
  }

  @Test
  void escalationAloneMattersWithoutTails() {
    // Under load with no stalls at all, escalation still moves queued work to idle faster tiers.
    SimConfig loaded = SeedAverages.seed004(60, Policy.DAG_ESCALATION).withHeavyTail(0, 1)
        .withWorkload(60, 80);

    assertThat(SeedAverages.mean(loaded, SEEDS, SeedAverages::meanMakespan)).isLessThan(
        SeedAverages.mean(loaded.withDisabled(Mechanism.ESCALATION), SEEDS,
            SeedAverages::meanMakespan));
  }

  @Test
  void dagPriorityShortensWorkflowsUnderLoadForFree() {
    // Heavy load, no tails: queues are long, so the order in which they are served matters.
    SimConfig dag = SeedAverages.seed004(60, Policy.DAG_CHEAPEST).withHeavyTail(0, 1)
        .withWorkload(60, 80);
    SimConfig fifo = dag.withDisabled(Mechanism.DAG_PRIORITY);

    assertThat(SeedAverages.mean(dag, SEEDS, SeedAverages::meanMakespan))
        .isLessThan(0.95 * SeedAverages.mean(fifo, SEEDS, SeedAverages::meanMakespan));
    assertThat(SeedAverages.mean(dag, SEEDS, SeedAverages::p95))
        .isLessThan(SeedAverages.mean(fifo, SEEDS, SeedAverages::p95));
    assertThat(SeedAverages.mean(dag, SEEDS, SeedAverages::cost))
        .isEqualTo(SeedAverages.mean(fifo, SEEDS, SeedAverages::cost));
  }

  @Test
  void disablingAMechanismThePolicyDoesNotUseChangesNothing() {
    SimConfig fifo = SeedAverages.seed004(20, Policy.FIFO_CHEAPEST);
    SimResult base = Simulation.run(fifo, 4);

    for (Mechanism m : Mechanism.values()) {
      assertThat(Simulation.run(fifo.withDisabled(m), 4).workflows())
          .as("fifo_cheapest with %s disabled", m).isEqualTo(base.workflows());
    }
  }

  @Test
  void everyAblationOfFullChangesTheOutcome() {
    SimConfig full = SeedAverages.seed004(50, Policy.FULL);
    String base = SummaryCsv.render(Simulation.run(full, 1));

    for (Mechanism m : Mechanism.values()) {
      assertThat(SummaryCsv.render(Simulation.run(full.withDisabled(m), 1)))
          .as("full with %s disabled", m).isNotEqualTo(base);
    }
  }
}
