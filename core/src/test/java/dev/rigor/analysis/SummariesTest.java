package dev.rigor.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rigor.stats.ConfidenceInterval;
import dev.rigor.stats.Quantiles;
import dev.rigor.stats.TTests;
import dev.rigor.stats.WilsonScoreInterval;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummariesTest {

  @TempDir static Path dir;
  static RunValues flaky;

  @BeforeAll
  static void runToy() throws Exception {
    flaky = new RunValues(ExperimentReader.read(ToyExperiments.run(dir, "flaky", "fail_seed=3")));
  }

  private static MetricSummary row(List<MetricSummary> rows, String variant, String metric) {
    return rows.stream().filter(r -> r.group().values().get("variant").equals(variant) && r.metric().name().equals(metric))
        .findFirst().orElseThrow();
  }

  @Test
  void describesEachVariationFromItsOkRuns() throws Exception {
    List<MetricSummary> rows = Summaries.compute(flaky, Grouping.byVariation(flaky.experiment()),
        flaky.resolve(List.of("latency", "score"), null), SummarySettings.defaults());
    assertThat(rows).hasSize(6);
    assertThat(rows.get(0).metric().name()).as("metric-major").isEqualTo("latency");
    assertThat(rows.stream().limit(3).map(r -> r.group().label())).containsExactly("variant=base", "variant=fast", "variant=slow");

    MetricSummary base = row(rows, "base", "latency");
    assertThat(base.n()).isEqualTo(6);
    assertThat(base.summary().orElseThrow().mean()).isEqualTo(135);
    assertThat(base.summary().orElseThrow().standardDeviation()).isCloseTo(Math.sqrt(350), within(1e-12));
    assertThat(base.summary().orElseThrow().median()).isEqualTo(135);
    assertThat(base.p95().orElseThrow()).isCloseTo(Quantiles.type7(ToyExperiments.baseLatency(), 0.95), within(1e-12));
    assertThat(base.p95().orElseThrow()).isCloseTo(157.5, within(1e-12));
    assertThat(base.p99().orElseThrow()).isCloseTo(159.5, within(1e-12));
    ConfidenceInterval ci = base.meanInterval().orElseThrow();
    assertThat(ci.lower()).isLessThan(135);
    assertThat(ci.upper()).isGreaterThan(135);
    assertThat(ci.confidence()).isEqualTo(0.95);
  }

  @Test
  void successRateCountsFailedRunsWithAWilsonInterval() throws Exception {
    List<MetricSummary> rows = Summaries.compute(flaky, Grouping.byVariation(flaky.experiment()),
        flaky.resolve(List.of("latency"), null), SummarySettings.defaults());
    MetricSummary fast = row(rows, "fast", "latency");
    assertThat(fast.finished()).isEqualTo(6);
    assertThat(fast.ok()).isEqualTo(5);
    assertThat(fast.n()).isEqualTo(5);
    assertThat(fast.summary().orElseThrow().mean()).as("seed 3 failed: 105,114,135,144,156").isCloseTo(130.8, within(1e-12));
    assertThat(fast.successRate().orElseThrow()).isEqualTo(WilsonScoreInterval.of(5, 6, 0.95));
    assertThat(row(rows, "base", "latency").successRate().orElseThrow().estimate()).isEqualTo(1);
  }

  @Test
  void tIntervalIsStudents() throws Exception {
    SummarySettings t = new SummarySettings(IntervalChoice.T, 0.9, 1000, 7);
    List<MetricSummary> rows = Summaries.compute(flaky, Grouping.byVariation(flaky.experiment()),
        flaky.resolve(List.of("score"), null), t);
    assertThat(row(rows, "slow", "score").meanInterval().orElseThrow())
        .isEqualTo(TTests.oneSample(ToyExperiments.slowScore(), 0, 0.9).difference().orElseThrow());
  }

  @Test
  void groupsByAnyAttributeOrNone() throws Exception {
    Experiment e = flaky.experiment();
    List<Metric> latency = flaky.resolve(List.of("latency"), null);
    List<MetricSummary> bySeed = Summaries.compute(flaky, Grouping.parse("seed", e), latency, SummarySettings.defaults());
    assertThat(bySeed).hasSize(6);
    assertThat(bySeed.get(0).group().values()).isEqualTo(Map.of("seed", "1"));
    assertThat(bySeed.get(0).summary().orElseThrow().mean()).isCloseTo((110 + 105 + 111) / 3.0, within(1e-12));
    MetricSummary seed3 = bySeed.get(2);
    assertThat(seed3.ok()).isEqualTo(2);
    assertThat(seed3.finished()).isEqualTo(3);
    List<MetricSummary> all = Summaries.compute(flaky, Grouping.parse("none", e), latency, SummarySettings.defaults());
    assertThat(all).singleElement().satisfies(r -> {
      assertThat(r.group()).isEqualTo(GroupKey.ALL);
      assertThat(r.n()).isEqualTo(17);
    });
  }
}
