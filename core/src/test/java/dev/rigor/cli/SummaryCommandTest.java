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
    assertThat(fast.get("ci_method").asText()).isEqualTo("bca");
    assertThat(r.err()).isEmpty();
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
    assertThat(CliRun.in(dir, "summary", "runs/toy", "--ci", "bootstrap").err()).contains("--ci 'bootstrap': expected bca, percentile or t");
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
