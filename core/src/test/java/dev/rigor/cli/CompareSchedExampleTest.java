package dev.rigor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rigor.testing.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled example: the simulator's full policy is much faster than fifo_cheapest, and compare says so. */
class CompareSchedExampleTest {

  @TempDir Path out;

  @Test
  void fullBeatsFifoCheapestOnMakespanP95() {
    CliRun run = CliRun.in(CliRun.repo(), "run", "examples/sched/smoke.yaml", "--out-root", out.toString(), "--quiet");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    CliRun r = CliRun.in(CliRun.repo(), "compare", out.resolve("sched-smoke").toString(), "--control", "policy=fifo_cheapest",
        "--candidate", "policy=full", "--metric", "makespan_p95_ms");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("paired by ablation, seed (4 pairs)");
    String row = r.out().lines().filter(l -> l.startsWith("policy=full")).findFirst().orElseThrow();
    assertThat(row).contains("makespan_p95_ms").contains("min").endsWith("better");
  }
}
