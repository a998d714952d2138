package dev.rigor.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rigor.store.ExperimentDirectory;
import dev.rigor.testing.CliRun;
import dev.rigor.testing.Experiments;
import dev.rigor.testing.Jar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled example through the real, packaged CLI: the seed-004 workflow end to end. */
class SchedExampleIT {

  @TempDir Path tmp;

  private static final List<String> SEED004_COLUMNS = List.of("run_id", "policy", "workflows", "pdfs", "iters", "subqueries",
      "seed", "time_scale", "enable_model_routing", "heavy_tail_prob", "heavy_tail_mult", "ablation_name", "ablation_flags",
      "disable_hedging", "makespan_mean_ms", "makespan_p50_ms", "makespan_p95_ms", "makespan_p99_ms", "cost_mean", "cost_p50",
      "llm_provider_tier0_queue_wait_p95_ms", "embed_provider_tier0_queue_wait_p95_ms", "exit_code", "wall_time_s", "run_dir",
      "start_time_unix_s", "end_time_unix_s");

  @Test
  void smokeRunsEndToEndThenResumeRunsNothing() throws Exception {
    Process run = Jar.start(CliRun.repo(), tmp, "run", "examples/sched/smoke.yaml", "--out-root", tmp.toString());
    assertThat(run.waitFor(180, TimeUnit.SECONDS)).isTrue();
    String out = Files.readString(tmp.resolve("rigor.out"));
    assertThat(run.exitValue()).as(out + Files.readString(tmp.resolve("rigor.err"))).isZero();
    assertThat(out).contains("sched-smoke: 8 trials ran (8 ok)").contains("aggregate/runs.csv");

    ExperimentDirectory dir = new ExperimentDirectory(tmp.resolve("sched-smoke"));
    List<Map<String, String>> rows = Experiments.runsCsv(dir);
    assertThat(rows).hasSize(8).allSatisfy(r -> assertThat(r).containsKeys(SEED004_COLUMNS.toArray(String[]::new)));
    assertThat(rows).allSatisfy(r -> {
      assertThat(r.get("status")).isEqualTo("ok");
      assertThat(Double.parseDouble(r.get("makespan_p99_ms"))).isGreaterThan(Double.parseDouble(r.get("makespan_p95_ms")));
      assertThat(r.get("disable_hedging")).isEqualTo(Boolean.toString(r.get("ablation_name").equals("no_hedge")));
      assertThat(Double.parseDouble(r.get("makespan_p95_log"))).isCloseTo(Double.parseDouble(r.get("makespan_p95_ms")), org.assertj.core.data.Offset.offset(0.5));
    });
    Map<String, Double> p95ByPolicy = rows.stream().collect(Collectors.groupingBy(r -> r.get("policy"),
        Collectors.averagingDouble(r -> Double.parseDouble(r.get("makespan_p95_ms")))));
    Map<String, Double> costByPolicy = rows.stream().collect(Collectors.groupingBy(r -> r.get("policy"),
        Collectors.averagingDouble(r -> Double.parseDouble(r.get("cost_mean")))));
    assertThat(p95ByPolicy.get("full")).as("full is faster").isLessThan(p95ByPolicy.get("fifo_cheapest"));
    assertThat(costByPolicy.get("full")).as("full costs more").isGreaterThan(costByPolicy.get("fifo_cheapest"));
    String firstCsv = Files.readString(dir.runsCsv());

    Process resumed = Jar.start(CliRun.repo(), tmp, "run", "examples/sched/smoke.yaml", "--out-root", tmp.toString(), "--resume");
    assertThat(resumed.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(resumed.exitValue()).isZero();
    assertThat(Files.readString(tmp.resolve("rigor.out"))).contains("0 trials ran").contains("8 already ok");
    assertThat(Files.readString(dir.runsCsv())).isEqualTo(firstCsv);
    assertThat(Experiments.metas(dir)).allSatisfy(m -> assertThat(m.attempt()).isEqualTo(1));
  }

  @Test
  void collectGivesTheSeed004Columns() throws Exception {
    CliRun run = CliRun.in(CliRun.repo(), "run", "examples/sched/smoke.yaml", "--out-root", tmp.toString(), "--quiet",
        "--set", "seeds=[3]");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    Path csv = tmp.resolve("collected.csv");

    CliRun collect = CliRun.in(CliRun.repo(), "collect", "--exp_dir", tmp.resolve("sched-smoke").toString(), "--out_csv", csv.toString());

    assertThat(collect.exitCode()).as(collect.toString()).isZero();
    String header = Files.readAllLines(csv).get(0);
    assertThat(List.of(header.split(","))).containsAll(SEED004_COLUMNS);
    assertThat(Files.readAllLines(csv)).hasSize(5);
  }

  @Test
  void seed004DefaultJsonPlansNinetySixTrialsInADryRun() {
    CliRun run = CliRun.in(CliRun.repo(), "run", "--config", "examples/sched/default.json", "--dry_run", "--out_root", tmp.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("default: 96 trials = 32 variations (8 combinations × 4 ablations) × 3 seeds × 1 replicate; order grid");
    assertThat(run.out().lines().filter(l -> l.matches("\\s*\\d+  workflows.*"))).hasSize(96);
    assertThat(tmp.toFile().list()).isEmpty();
  }
}
