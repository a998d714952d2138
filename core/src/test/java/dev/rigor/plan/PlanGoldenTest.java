package dev.rigor.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rigor.testing.CliRun;
import dev.rigor.testing.Golden;
import org.junit.jupiter.api.Test;

/** What `rigor plan` shows for the bundled examples; any change to trial keys or order shows up here. */
class PlanGoldenTest {

  @Test
  void smokePlanTable() {
    CliRun run = CliRun.in(CliRun.repo(), "plan", "examples/sched/smoke.yaml");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    Golden.assertMatches("plans/smoke.txt", run.out());
  }

  @Test
  void smokePlanJson() {
    CliRun run = CliRun.in(CliRun.repo(), "plan", "examples/sched/smoke.yaml", "--json");
    assertThat(run.exitCode()).isZero();
    Golden.assertMatches("plans/smoke.json", run.out());
  }

  @Test
  void seed004DefaultJsonPlansTheFull96TrialMatrix() {
    CliRun run = CliRun.in(CliRun.repo(), "plan", "--config", "examples/sched/default.json", "--format", "csv");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out().lines().count()).isEqualTo(97);
    Golden.assertMatches("plans/default.csv", run.out());
  }

  @Test
  void dryRunShowsThePlanAndWritesNothing(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) {
    CliRun run = CliRun.in(CliRun.repo(), "run", "examples/sched/experiment.yaml", "--dry_run", "--out_root", tmp.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("96 trials = 32 variations (8 combinations × 4 ablations) × 3 seeds × 1 replicate")
        .contains("dry run: nothing was run or written");
    assertThat(tmp.toFile().list()).isEmpty();
  }
}
