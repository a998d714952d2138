package dev.rigor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rigor.analysis.ToyExperiments;
import dev.rigor.stats.TTestDesign;
import dev.rigor.stats.TTestPower;
import dev.rigor.testing.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PowerCommandTest {

  @TempDir static Path dir;

  @BeforeAll
  static void runToy() {
    ToyExperiments.run(dir, "toy");
  }

  @Test
  void printsTheDesignAndWhy() {
    CliRun r = CliRun.in(dir, "power", "runs/toy", "--metric", "latency", "--effect", "1%");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("difference of 1% of the baseline mean").contains("control variant=base")
        .contains("paired: shares its seeds with the control, paired by seed (6 pairs): sd of the per-seed differences (2 of 2 rows)");
  }

  @Test
  void theControlIsNotPlannedAgainstItself() throws Exception {
    CliRun r = CliRun.in(dir, "power", "runs/toy", "--metric", "latency", "--effect", "1%", "--format", "json");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode rows = new ObjectMapper().readTree(r.out());
    assertThat(rows).hasSize(2);
    assertThat(rows.findValuesAsText("variant")).containsExactly("fast", "slow");
    assertThat(r.out()).doesNotContain("itself");
  }

  @Test
  void jsonNeededRunsMatchPowerTTest() throws Exception {
    CliRun r = CliRun.in(dir, "power", "runs/toy", "--metric", "latency", "--effect", "1%", "--power", "0.9", "--format", "json");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode fast = new ObjectMapper().readTree(r.out()).get(0);
    assertThat(fast.get("design").asText()).isEqualTo("paired");
    assertThat(fast.get("n_needed").asInt())
        .isEqualTo(TTestPower.sampleSize(TTestDesign.PAIRED, 1.35, Math.sqrt(0.8), 0.05, 0.9).wholeN());
  }

  @Test
  void withoutControlEveryVariationIsTwoSample() {
    CliRun r = CliRun.in(dir, "power", "runs/toy", "--metric", "score", "--effect", "0.5", "--control", "none");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("no control").contains("two-sample: no control (--control, or report.control in the spec)");
  }

  @Test
  void effectIsRequiredAndChecked() {
    assertThat(CliRun.in(dir, "power", "runs/toy", "--metric", "latency").exitCode()).isEqualTo(2);
    CliRun bad = CliRun.in(dir, "power", "runs/toy", "--metric", "latency", "--effect", "big");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("--effect 'big': expected a relative difference like 5% or an absolute one like 0.3");
  }

  @Test
  void helpHasExamples() {
    assertThat(CliRun.in(dir, "power", "--help").out()).contains("Examples:").contains("--effect 5%");
  }
}
