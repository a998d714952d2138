package dev.rigor.examples.sched;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class HeavyTailVarianceTest {
  private static final int SEEDS = 10;

  @Test
  void heavyTailsMakeTheP99VaryAcrossSeeds() {
    // The cheapest-only policy cannot rescue a stalled request, so stalls reach the p99.
    SimConfig base = SeedAverages.seed004(30, Policy.FIFO_CHEAPEST);

    double[] tails = SeedAverages.perSeed(base.withHeavyTail(0.05, 50), SEEDS, SeedAverages::p99);
    double[] noTails = SeedAverages.perSeed(base.withHeavyTail(0, 50), SEEDS, SeedAverages::p99);

    assertThat(cv(tails)).isGreaterThan(2 * cv(noTails));
    assertThat(sd(tails)).isGreaterThan(10 * sd(noTails));
  }

  @Test
  void fullPolicyAbsorbsMostOfTheTail() {
    SimConfig full = SeedAverages.seed004(30, Policy.FULL);
    SimConfig fifo = full.withPolicy(Policy.FIFO_CHEAPEST);

    double fullGrowth = SeedAverages.mean(full.withHeavyTail(0.05, 50), 5, SeedAverages::p99)
        / SeedAverages.mean(full.withHeavyTail(0, 50), 5, SeedAverages::p99);
    double fifoGrowth = SeedAverages.mean(fifo.withHeavyTail(0.05, 50), 5, SeedAverages::p99)
        / SeedAverages.mean(fifo.withHeavyTail(0, 50), 5, SeedAverages::p99);

    assertThat(fullGrowth).isLessThan(1.5);
    assertThat(fifoGrowth).isGreaterThan(3);
  }

  @Test
  void stallsAreDrawnAtTheConfiguredRate() {
    SimResult r = Simulation.run(SeedAverages.seed004(100, Policy.FIFO_CHEAPEST)
        .withHeavyTail(0.05, 50), 9);
    double attempts = r.workflows().stream().mapToInt(WorkflowResult::attempts).sum();
    double stalls = r.workflows().stream().mapToInt(WorkflowResult::heavyTailAttempts).sum();

    // 3600 attempts: the binomial standard deviation of the rate is about 0.0036.
    assertThat(stalls / attempts).isBetween(0.035, 0.065);
  }

  private static double cv(double[] values) {
    return sd(values) / Arrays.stream(values).average().orElseThrow();
  }

  private static double sd(double[] values) {
    double mean = Arrays.stream(values).average().orElseThrow();
    double var = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum()
        / (values.length - 1);
    return Math.sqrt(var);
  }
}
