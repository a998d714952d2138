package dev.rigor.examples.sched;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PercentilesTest {
  private static final double[] ONE_TO_TEN = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

  @Test
  void matchesRQuantileType7() {
    // R: quantile(1:10, c(0, .5, .95, .99, 1)) = 1, 5.5, 9.55, 9.91, 10
    assertThat(Percentiles.type7(ONE_TO_TEN, 0)).isEqualTo(1);
    assertThat(Percentiles.type7(ONE_TO_TEN, 0.5)).isCloseTo(5.5, offset(1e-12));
    assertThat(Percentiles.type7(ONE_TO_TEN, 0.95)).isCloseTo(9.55, offset(1e-12));
    assertThat(Percentiles.type7(ONE_TO_TEN, 0.99)).isCloseTo(9.91, offset(1e-12));
    assertThat(Percentiles.type7(ONE_TO_TEN, 1)).isEqualTo(10);
  }

  @Test
  void singleValueIsEveryQuantile() {
    assertThat(Percentiles.type7(new double[] {42}, 0.95)).isEqualTo(42);
  }

  @Test
  void rejectsEmptyInputAndBadProbability() {
    assertThatThrownBy(() -> Percentiles.type7(new double[0], 0.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Percentiles.type7(ONE_TO_TEN, 1.5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void summaryP95AndP99DifferOnFiveWorkflows() {
    // Seed 004's bug: with nearest-rank percentiles, p95 and p99 of five values are both the max.
    List<WorkflowResult> five = new ArrayList<>();
    double[] makespans = {100, 200, 300, 400, 1000};
    for (int i = 0; i < makespans.length; i++) {
      five.add(new WorkflowResult(i, 0, makespans[i], makespans[i], 0.01 * (i + 1), 1, 1, 0, 0,
          0, 0, 100));
    }

    Summary s = Summary.of(five);

    assertThat(s.makespanP95Ms()).isCloseTo(880, offset(1e-9));
    assertThat(s.makespanP99Ms()).isCloseTo(976, offset(1e-9));
    assertThat(s.makespanMeanMs()).isCloseTo(400, offset(1e-9));
    assertThat(s.makespanP50Ms()).isEqualTo(300);
    assertThat(s.costP50()).isCloseTo(0.03, offset(1e-12));
  }

  @Test
  void smokeRunHasDistinctP95AndP99() {
    SimResult r = Simulation.run(SeedAverages.seed004(5, Policy.FULL), 1);

    assertThat(r.summary().makespanP95Ms()).isLessThan(r.summary().makespanP99Ms());
  }
}
