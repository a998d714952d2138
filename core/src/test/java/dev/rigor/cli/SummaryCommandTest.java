package dev.rigor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rigor.analysis.ToyExperiments;
import dev.rigor.testing.CliRun;
import dev.rigor.testing.Golden;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryCommandTest {

  @TempDir static Path dir;

  @BeforeAll
  static void runToy() {
    ToyExperiments.run(dir, "toy");
    ToyExperiments.run(dir, "flaky", "fail_seed=3");
  }

  @Test
  void markdownMatchesTheGoldenFile() {
    CliRun r = CliRun.in(dir, "summary", "runs/flaky", "--format", "md", "--seed", "7");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    Golden.assertMatches("analysis/summary_flaky.md", r.out());
  }

  @Test
  void jsonHasAColumnPerNumber() throws Exception {
    CliRun r = CliRun.in(dir, "summary", "--exp_dir", "runs/flaky", "--metric", "latency", "--format", "json");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode rows = new ObjectMapper().readTree(r.out());
    assertThat(rows).hasSize(3);
    JsonNode fast = rows.get(1);
    assertThat(fast.get("variant").asText()).isEqualTo("fast");
    assertThat(fast.get("runs").asInt()).isEqualTo(6);
    assertThat(fast.get("ok").asInt()).isEqualTo(5);
    assertThat(fast.get("mean").asDouble()).isEqualTo(130.8);
    assertThat(fast.get("success_rate").asDouble()).isCloseTo(5.0 / 6, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(fast.get("ci_method").asText()).as("5 values: the small-sample rule gives t").isEqualTo("t");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void everyAnalysisCommandTakesTheSameCiValuesAndTheDefaultFollowsOneRule() throws Exception {
    for (String ci : java.util.List.of("auto", "t", "bca", "percentile", "basic")) {
      assertThat(CliRun.in(dir, "summary", "runs/toy", "--metric", "latency", "--ci", ci).exitCode()).as("summary --ci " + ci).isZero();
      assertThat(CliRun.in(dir, "compare", "runs/toy", "--metric", "latency", "--ci", ci).exitCode()).as("compare --ci " + ci).isZero();
    }
    // 6 runs per group: summary's default interval is the t interval, the one the report's charts show
    JsonNode auto = new ObjectMapper().readTree(CliRun.in(dir, "summary", "runs/toy", "--metric", "latency", "--format", "json").out());
    JsonNode t = new ObjectMapper().readTree(CliRun.in(dir, "summary", "runs/toy", "--metric", "latency", "--ci", "t", "--format", "json").out());
    assertThat(auto.get(0).get("ci_method").asText()).isEqualTo("t");
    assertThat(auto.get(0).get("ci_low").asDouble()).isEqualTo(t.get(0).get("ci_low").asDouble());
    assertThat(dev.rigor.analysis.IntervalChoice.AUTO.resolve(29)).isEqualTo(dev.rigor.analysis.IntervalChoice.T);
    assertThat(dev.rigor.analysis.IntervalChoice.AUTO.resolve(30)).isEqualTo(dev.rigor.analysis.IntervalChoice.BCA);
  }

  @Test
  void aSeriesSummaryIsLabelledWithItsWindowAsCompareLabelsIt() {
    CliRun summary = CliRun.in(dir, "summary", "runs/toy", "--metric", "reward", "--summary", "auc");
    CliRun compare = CliRun.in(dir, "compare", "runs/toy", "--metric", "reward", "--summary", "auc");
    assertThat(summary.out()).contains("reward:auc[all]");
    assertThat(compare.out()).contains("reward:auc[all]");
  }

  @Test
  void jsonWritesParameterValuesWithTheirSpecTypes() throws Exception {
    JsonNode rows = new ObjectMapper().readTree(CliRun.in(dir, "summary", "runs/toy", "--metric", "tokens", "--by", "seed,variant",
        "--format", "json").out());
    assertThat(rows.get(0).get("seed").isNumber()).isTrue();
    assertThat(rows.get(0).get("seed").asInt()).isEqualTo(1);
    assertThat(rows.get(0).get("variant").isTextual()).isTrue();
  }

  @Test
  void csvByAnotherAxis() {
    CliRun r = CliRun.in(dir, "summary", "runs/toy", "--metric", "tokens", "--by", "seed", "--format", "csv", "--ci", "t");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out().lines().findFirst().orElseThrow()).startsWith("metric,seed,runs,ok,n,mean,ci_low,ci_high,ci_method");
    assertThat(r.out().lines()).hasSize(7);
    assertThat(r.out().lines().skip(1).findFirst().orElseThrow()).startsWith("tokens,1,3,3,3,1001,1001,1001,t,");
  }

  @Test
  void unknownMetricIsAUsageErrorListingTheMetrics() {
    CliRun r = CliRun.in(dir, "summary", "runs/toy", "--metric", "latncy");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("unknown metric 'latncy' in toy — did you mean 'latency'?")
        .contains("metrics: latency, score, tokens, wall_time_s, cpu_time_s, peak_rss_bytes");
  }

  @Test
  void badOptionsAreUsageErrors() {
    assertThat(CliRun.in(dir, "summary", "runs/toy", "--ci", "bootstrap").err()).contains("--ci 'bootstrap': expected auto, t, bca, percentile or basic");
    assertThat(CliRun.in(dir, "summary", "runs/toy", "--confidence", "95").exitCode()).isEqualTo(2);
    assertThat(CliRun.in(dir, "summary", "runs/toy", "--format", "xml").err()).contains("unknown --format 'xml'");
    assertThat(CliRun.in(dir, "summary", "runs/nope").err()).contains("runs/nope does not exist");
  }

  @Test
  void helpHasExamples() {
    CliRun r = CliRun.in(dir, "summary", "--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("Examples:").contains("rigor summary runs/sched-smoke").contains("--ci").contains("IQM (25% trimmed");
  }
}
