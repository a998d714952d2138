package dev.rigor.examples.sched;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimulationDeterminismTest {
  private final SimConfig config = SeedAverages.seed004(30, Policy.FULL);

  @Test
  void sameSeedGivesIdenticalResultsAndFiles() {
    SimResult a = Simulation.run(config, 42);
    SimResult b = Simulation.run(config, 42);

    assertThat(a).isEqualTo(b);
    assertThat(SummaryCsv.render(a)).isEqualTo(SummaryCsv.render(b));
    assertThat(WorkflowsCsv.render(a)).isEqualTo(WorkflowsCsv.render(b));
    assertThat(TraceJson.render(a)).isEqualTo(TraceJson.render(b));
  }

  @Test
  void differentSeedsGiveDifferentResults() {
    SimResult a = Simulation.run(config, 1);
    SimResult b = Simulation.run(config, 2);

    assertThat(SummaryCsv.render(a)).isNotEqualTo(SummaryCsv.render(b));
    assertThat(a.workflows().get(5).arrivalMs()).isNotEqualTo(b.workflows().get(5).arrivalMs());
  }

  @Test
  void policiesShareArrivalsAndFirstAttemptDraws() {
    // Common random numbers: only the scheduling differs between policies for one seed.
    SimResult fifo = Simulation.run(config.withPolicy(Policy.FIFO_CHEAPEST), 3);
    SimResult dag = Simulation.run(config.withPolicy(Policy.DAG_CHEAPEST), 3);

    assertThat(fifo.workflows()).extracting(WorkflowResult::arrivalMs)
        .isEqualTo(dag.workflows().stream().map(WorkflowResult::arrivalMs).toList());
    // Same tiers, same draws: reordering the queues cannot change what is paid.
    assertThat(fifo.summary().costMean()).isEqualTo(dag.summary().costMean());
  }

  @Test
  void progressStepsIncreaseAndEndWithEveryWorkflowDone() {
    SimResult r = Simulation.run(config, 5);

    assertThat(r.progress()).hasSizeBetween(20, 60);
    for (int i = 1; i < r.progress().size(); i++) {
      assertThat(r.progress().get(i).step()).isGreaterThan(r.progress().get(i - 1).step());
      assertThat(r.progress().get(i).costUsd()).isGreaterThanOrEqualTo(
          r.progress().get(i - 1).costUsd());
    }
    ProgressPoint last = r.progress().get(r.progress().size() - 1);
    assertThat(last.completedWorkflows()).isEqualTo(30);
    assertThat(last.costUsd()).isCloseTo(r.summary().costMean() * 30,
        org.assertj.core.data.Offset.offset(1e-9));
  }
}
