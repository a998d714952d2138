package dev.rigor.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rigor.store.ExperimentDirectory;
import dev.rigor.store.Ledger;
import dev.rigor.store.RunMeta;
import dev.rigor.store.RunStatus;
import dev.rigor.testing.CliRun;
import dev.rigor.testing.Experiments;
import dev.rigor.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/scenario (seed 002), as its README runs it: the Scenario Lab spellings load, the batch
 * stays within its budget and its Markdown report answers the seed's questions; a hung model call is
 * stopped by the timeout with the scenario's whole process tree.
 */
class ScenarioExampleIT {

  @TempDir Path tmp;

  private Path copyExample() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("examples/scenario"));
    for (String f : new String[] {"negotiation.py", "batch.yaml"}) {
      Files.copy(CliRun.repo().resolve("examples/scenario").resolve(f), dir.resolve(f));
    }
    return dir;
  }

  @Test
  void theBatchRunsWithinItsBudgetAndTheReportAnswersTheSeedsQuestions() throws Exception {
    copyExample();
    CliRun run = CliRun.in(tmp, "run", "examples/scenario/batch.yaml", "--set", "replicates=3", "--set", "env.SCENARIO_LATENCY=0.2");

    assertThat(run.exitCode()).as(run.toString()).isIn(0, 1); // some negotiations end without agreement
    ExperimentDirectory dir = Experiments.dir(tmp, "Model-Comparison-Study");
    assertThat(Experiments.metas(dir)).hasSize(12).allSatisfy(m -> assertThat(m.spend()).isNotNull());
    assertThat(Ledger.readSpend(dir.ledger()).total()).isPositive().isLessThanOrEqualTo(6.0);
    for (RunMeta m : Experiments.metas(dir)) {
      if (m.status() != RunStatus.COST_LIMIT) {
        assertThat(m.spend()).isLessThanOrEqualTo(0.22);
      }
    }
    String md = Files.readString(dir.root().resolve("report/report.md"));
    assertThat(md).contains("## Spending (cost\\_usd)").contains("success rate").contains("95% CI").contains("cost per success")
        .contains("regulator_model=anthropic/claude-3.5-sonnet, tech_company_model=openai/gpt-4o-mini").contains("cooperation_level");

    CliRun summary = CliRun.in(tmp, "summary", "runs/Model-Comparison-Study", "--metric", "cost_usd");
    assertThat(summary.exitCode()).as(summary.toString()).isZero();
    assertThat(summary.out()).contains("cost_usd");
  }

  @Test
  void aHungModelCallIsStoppedByTheTimeout() throws Exception {
    copyExample();
    String marker = Processes.marker();
    CliRun run = CliRun.in(tmp, "run", "examples/scenario/batch.yaml", "--set", "replicates=1", "--set", "timeout=3s",
        "--set", "env.SCENARIO_HANG=1", "--set", "env.SCENARIO_RATE_LIMIT=0", "--set", "+params.tag=" + marker,
        "--set", "matrix.regulator_model=openai/gpt-4o-mini", "--set", "matrix.tech_company_model=openai/gpt-4o-mini", "--no-report");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    RunMeta m = Experiments.metas(Experiments.dir(tmp, "Model-Comparison-Study")).get(0);
    assertThat(m.status()).isEqualTo(RunStatus.TIMEOUT);
    assertThat(m.wallTimeS()).isLessThan(30.0);
    assertThat(m.spend()).as("what it spent before hanging is counted").isPositive();
    assertThat(Processes.awaitNone(marker, Duration.ofSeconds(5))).isEmpty();
  }
}
