package dev.rigor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rigor.analysis.ToyExperiments;
import dev.rigor.store.ExperimentDirectory;
import dev.rigor.store.Manifest;
import dev.rigor.testing.CliRun;
import dev.rigor.testing.Golden;
import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {

  @TempDir static Path dir;

  @BeforeAll
  static void runToys() throws Exception {
    ToyExperiments.run(dir, "toy");
    ToyExperiments.run(dir, "shifted", "shift=3");
    Manifest.record(new ExperimentDirectory(dir.resolve("runs/toy")), Map.of("git", Map.of("commit", "1111111111111111", "dirty", false)));
    Manifest.record(new ExperimentDirectory(dir.resolve("runs/shifted")), Map.of("git", Map.of("commit", "2222222222222222", "dirty", true)));
  }

  @Test
  void markdownMatchesTheGoldenFile() {
    CliRun r = CliRun.in(dir, "compare", "runs/toy", "--metric", "latency,score,tokens", "--format", "md", "--seed", "7");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    Golden.assertMatches("analysis/compare_toy.md", r.out());
  }

  @Test
  void controlDefaultsToTheSpecsReportControlAndCandidatesToTheOtherValues() {
    CliRun r = CliRun.in(dir, "compare", "runs/toy", "--metric", "latency");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("each candidate vs the control variant=base").contains("variant=fast").contains("variant=slow")
        .contains("paired by seed (6 pairs)");
  }

  @Test
  void jsonRowsCarryEveryNumber() throws Exception {
    CliRun r = CliRun.in(dir, "compare", "runs/toy", "--control", "variant=base", "--candidate", "variant=fast", "--metric", "latency",
        "--format", "json");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode row = new ObjectMapper().readTree(r.out()).get(0);
    assertThat(row.get("design").asText()).isEqualTo("paired");
    assertThat(row.get("estimate").asDouble()).isEqualTo(-5.0);
    assertThat(row.get("test").asText()).isEqualTo("paired_t");
    assertThat(row.get("test_statistic").asDouble()).isCloseTo(-5 / (Math.sqrt(0.8) / Math.sqrt(6)), Offset.offset(1e-9));
    assertThat(row.get("df").asDouble()).isEqualTo(5);
    assertThat(row.get("verdict").asText()).isEqualTo("better");
    assertThat(r.err()).contains("note: variant=fast vs variant=base: paired by seed (6 pairs)");
  }

  @Test
  void failOnRegressionExitsOneWhenAVerdictIsWorse() {
    String[] slowWorse = {"compare", "runs/toy", "--control", "variant=base", "--candidate", "variant=slow", "--metric", "score",
        "--alpha", "0.1", "--fail-on", "regression"};
    CliRun worse = CliRun.in(dir, slowWorse);
    assertThat(worse.out()).contains("worse");
    assertThat(worse.exitCode()).as(worse.toString()).isEqualTo(1);
    CliRun better = CliRun.in(dir, "compare", "runs/toy", "--candidate", "variant=fast", "--fail-on", "regression");
    assertThat(better.exitCode()).as(better.toString()).isZero();
    CliRun noGate = CliRun.in(dir, "compare", "runs/toy", "--candidate", "variant=slow", "--metric", "score", "--alpha", "0.1");
    assertThat(noGate.exitCode()).isZero();
  }

  @Test
  void acrossTwoExperimentsWarnsAboutDifferentCommits() throws Exception {
    CliRun r = CliRun.in(dir, "compare", "--control-exp", "runs/toy", "--candidate-exp", "runs/shifted", "--metric", "latency",
        "--format", "csv");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).contains("rigor: warning: the experiments ran at different git commits: control toy at 111111111111,"
        + " candidate shifted at 222222222222 (dirty)");
    assertThat(r.err()).contains("note: shifted vs toy: paired by variant, seed (18 pairs)");
    String row = r.out().lines().skip(1).findFirst().orElseThrow();
    assertThat(row).startsWith("shifted,toy,latency,min,paired,18,18,").contains(",mean-diff,3,").endsWith(",worse");
  }

  @Test
  void acrossExperimentsPerVariation() {
    CliRun r = CliRun.in(dir, "compare", "runs/toy", "--candidate-exp", "runs/shifted", "--by", "variant", "--metric", "latency");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("compare shifted (candidate) vs toy (control)").contains("variant=base: shifted vs toy: paired by seed (6 pairs)");
    assertThat(r.out().lines().filter(l -> l.matches("^(base|fast|slow) +shifted .*6 pairs.*worse$"))).hasSize(3);
  }

  @Test
  void selectorMatchingNoRunListsTheValues() {
    CliRun r = CliRun.in(dir, "compare", "runs/toy", "--control", "variant=base", "--candidate", "variant=turbo");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--candidate 'variant=turbo': no run has variant=turbo; variant has base, fast, slow");
  }

  @Test
  void unknownMetricAndOverlappingSidesAreUsageErrors() {
    CliRun metric = CliRun.in(dir, "compare", "runs/toy", "--metric", "scroe");
    assertThat(metric.exitCode()).isEqualTo(2);
    assertThat(metric.err()).contains("unknown metric 'scroe' in toy — did you mean 'score'?");
    CliRun overlap = CliRun.in(dir, "compare", "runs/toy", "--control", "variant=base", "--candidate", "seed=1");
    assertThat(overlap.exitCode()).isEqualTo(2);
    assertThat(overlap.err()).contains("share 1 run(s)");
    CliRun test = CliRun.in(dir, "compare", "runs/toy", "--test", "anova");
    assertThat(test.err()).contains("--test 'anova': expected t, wilcoxon or none");
  }

  @Test
  void seriesMetricsAreReducedPerRun() {
    CliRun r = CliRun.in(dir, "compare", "runs/toy", "--candidate", "variant=fast", "--metric", "reward", "--summary", "auc",
        "--format", "csv");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    // reward_i = i·s, plus i for fast: the step-weighted mean over steps 1..4 rises by exactly 2.5 on every seed
    assertThat(r.out().lines().skip(1).findFirst().orElseThrow())
        .startsWith("variant=fast,variant=base,reward:auc[all],,paired,6,6,8.75,").contains(",mean-diff,2.5,2.5,2.5,").endsWith(",higher");
  }

  @Test
  void groupsWithoutBothSidesAreLeftOutOrAnError() {
    CliRun r = CliRun.in(dir, "compare", "runs/toy", "--candidate", "variant=fast", "--by", "variant");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("nothing to compare: variant=base: left out, the candidate (variant=fast) has no run there");
  }

  @Test
  void helpHasExamples() {
    CliRun r = CliRun.in(dir, "compare", "--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("Examples:").contains("--fail-on regression").contains("--paired-by").contains("'last 25%'");
  }
}
