package dev.rigor.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rigor.store.ExperimentDirectory;
import dev.rigor.store.Ledger;
import dev.rigor.store.RunMeta;
import dev.rigor.store.RunStatus;
import dev.rigor.testing.CliRun;
import dev.rigor.testing.Experiments;
import dev.rigor.testing.Jar;
import dev.rigor.testing.Processes;
import dev.rigor.testing.Waits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Budgets with real processes, through the CLI: the per-run limit stops a run's whole tree and counts
 * its spend; a sweep that runs out stops launching, lets its runs finish, exits 3 and says how to go
 * on; a kill -9 of the coordinator and --resume carry the spend exactly (the interrupted runs' spend
 * included, nothing twice), and a raised limit lets the rest run.
 */
class BudgetIT {

  @TempDir Path tmp;
  private final String marker = Processes.marker();

  @AfterEach
  void cleanUp() {
    Processes.killAll(marker);
  }

  /**
   * A trial that streams its cumulative cost: {@code steps} reports of {@code step} each, {@code pause}
   * seconds apart, then exits 0 — the shape of an LLM-driven run.
   */
  private String spec(String name, int trials, double step, int steps, String pause, String budget) throws IOException {
    Files.writeString(tmp.resolve("cost.py"), """
        import os, sys, time
        steps, pause, step = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
        c = 0.0
        for i in range(steps):
            time.sleep(pause)
            c += step
            with open(os.environ["RIGOR_METRICS"], "a") as f:
                f.write('{"cost_usd": %.4f}\\n' % c)
        print("done", c)
        """);
    return """
        name: %s
        command: [python3, "%s", "%d", "%s", "%s", "%s", "{n}"]
        matrix: {n: [%s]}
        jobs: 2
        budget: %s
        """.formatted(name, tmp.resolve("cost.py"), steps, pause, step, marker,
        String.join(", ", Stream.iterate(1, i -> i + 1).limit(trials).map(String::valueOf).toList()), budget);
  }

  @Test
  void aPythonWorkerTrialPastThePerRunLimitIsStoppedAndSlurmIsRefused() throws Exception {
    Files.writeString(tmp.resolve("paid.py"), """
        import time
        def run(params, ctx):
            c = 0.0
            for i in range(40):
                time.sleep(0.3)
                if ctx.cancelled:  # a worker trial stops when asked (else its tree is killed after kill_grace)
                    return {}
                c += 0.1
                ctx.log(cost_usd=round(c, 4))
            return {"done": 1}
        """);
    Experiments.spec(tmp, "w.yaml", """
        name: w
        python: {function: "paid:run", path: ["%s"]}
        matrix: {n: [1, 2]}
        jobs: 2
        budget: {limit: 10, per_run_limit: 0.35}
        """.formatted(tmp));
    CliRun refused = CliRun.in(tmp, "run", "w.yaml", "--executor", "slurm", "--no-report");
    assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
    assertThat(refused.err()).contains("a budget cannot be used with executor type slurm");
    assertThat(tmp.resolve("runs/w")).doesNotExist();

    CliRun run = CliRun.in(tmp, "run", "w.yaml", "--no-report");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    ExperimentDirectory dir = Experiments.dir(tmp, "w");
    assertThat(Experiments.metas(dir)).hasSize(2).allSatisfy(m -> {
      assertThat(m.status()).isEqualTo(RunStatus.COST_LIMIT);
      assertThat(m.spend()).as("stopped at its first report past the limit").isCloseTo(0.4, Offset.offset(1e-9));
      assertThat(m.error()).contains("past the per-run limit of 0.35");
    });
    assertThat(Ledger.readSpend(dir.ledger()).total()).isCloseTo(0.8, Offset.offset(1e-9));
  }

  @Test
  void aRunPastThePerRunLimitIsStoppedAndItsSpendCounted() throws Exception {
    Experiments.spec(tmp, "s.yaml", spec("s", 2, 0.1, 20, "0.2", "{limit: 10, per_run_limit: 0.35}"));
    CliRun run = CliRun.in(tmp, "run", "s.yaml", "--no-report");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    ExperimentDirectory dir = Experiments.dir(tmp, "s");
    for (RunMeta m : Experiments.metas(dir)) {
      assertThat(m.status()).isEqualTo(RunStatus.COST_LIMIT);
      assertThat(m.error()).contains("past the per-run limit of 0.35");
      assertThat(m.spend()).as("counted exactly as streamed").isEqualTo(lastStreamed(dir.run(m.runId()).metricsStream()));
      assertThat(m.spend()).as("stopped at its first report past the limit (0.4); reports are 0.2 s apart").isCloseTo(0.4, Offset.offset(1e-9));
      assertThat(Files.readString(dir.run(m.runId()).stdout())).doesNotContain("done");
    }
    assertThat(Ledger.readSpend(dir.ledger()).total()).isCloseTo(0.8, Offset.offset(1e-9));
    assertThat(run.out()).contains("spent: 0.8 of 10 cost_usd (per-run limit 0.35)");
    assertThat(Processes.awaitNone(marker, Duration.ofSeconds(5))).isEmpty();
  }

  @Test
  void anExhaustedBudgetStopsLaunchingExitsThreeAndARaisedLimitRunsTheRest() throws Exception {
    // each run costs 0.3; reservations of 0.5 fit twice in 1.2 (then 0.6 spent, 0.6 left: one more; then 0.9: none)
    Experiments.spec(tmp, "s.yaml", spec("s", 6, 0.1, 3, "0.05", "{limit: 1.2, per_run_limit: 0.5}"));
    CliRun first = CliRun.in(tmp, "run", "s.yaml", "--no-report");

    assertThat(first.exitCode()).as(first.toString()).isEqualTo(3);
    assertThat(first.err()).contains("budget: spent").contains("not launching the 3 remaining trial(s)");
    assertThat(first.out()).contains("budget reached: 3 trial(s) not run")
        .contains("continue: rigor run s.yaml --resume --set budget.limit=");
    ExperimentDirectory dir = Experiments.dir(tmp, "s");
    assertThat(Experiments.metas(dir)).hasSize(3).allSatisfy(m -> assertThat(m.status()).isEqualTo(RunStatus.OK));
    assertThat(Ledger.readSpend(dir.ledger()).total()).isCloseTo(0.9, Offset.offset(1e-9)).isLessThanOrEqualTo(1.2);

    CliRun status = CliRun.in(tmp, "status", "runs/s");
    assertThat(status.out()).contains("spent: 0.9 of 1.2 cost_usd (75%); per-run limit 0.5");

    CliRun resumed = CliRun.in(tmp, "run", "s.yaml", "--resume", "--set", "budget.limit=3", "--no-report");
    assertThat(resumed.exitCode()).as("a budget change is not drift: " + resumed).isZero();
    assertThat(Experiments.metas(dir)).hasSize(6).allSatisfy(m -> assertThat(m.status()).isEqualTo(RunStatus.OK));
    assertThat(Ledger.readSpend(dir.ledger()).total()).as("the first session's spend carried once").isCloseTo(1.8, Offset.offset(1e-9));
    assertThat(resumed.out()).contains("spent: 1.8 of 3 cost_usd");
  }

  @Test
  void killMinusNineThenResumeCarriesTheSpendExactly() throws Exception {
    Experiments.spec(tmp, "s.yaml", spec("s", 6, 0.01, 30, "0.1", "{limit: 100}"));
    Process coordinator = Jar.start(tmp, "run", "s.yaml", "--no-report");
    ExperimentDirectory dir = Experiments.dir(tmp, "s");
    // without a per-run limit the first run goes alone; kill once it finished and its successors are streaming
    Waits.until("a run to finish and two to be streaming", Duration.ofSeconds(90), () -> finished(dir) >= 1 && streaming(dir) >= 2);
    coordinator.destroyForcibly().waitFor();

    CliRun resumed = CliRun.in(tmp, "run", "s.yaml", "--resume", "--no-report");

    assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
    List<RunMeta> metas = Experiments.metas(dir);
    assertThat(metas).hasSize(6).allSatisfy(m -> assertThat(m.status()).isEqualTo(RunStatus.OK));
    assertThat(metas).filteredOn(m -> m.attempt() == 2).as("the runs the kill interrupted ran again").hasSizeGreaterThanOrEqualTo(2);
    double streamed = 0;
    double interrupted = 0;
    try (Stream<Path> files = Files.walk(dir.root().resolve("runs"))) {
      for (Path f : files.filter(p -> p.getFileName().toString().equals("metrics.jsonl")).toList()) {
        double last = lastStreamed(f);
        streamed += last;
        if (f.getParent().getParent().getFileName().toString().equals("attempts")) {
          interrupted += last;
          RunMeta archived = dev.rigor.store.StoreJson.read(f.resolveSibling("meta.json"), RunMeta.class);
          assertThat(archived.status()).isEqualTo(RunStatus.INTERRUPTED);
          assertThat(archived.spend()).as("an interrupted run's spend is recorded").isEqualTo(last);
        }
      }
    }
    assertThat(interrupted).as("the interrupted runs had spent something").isPositive();
    assertThat(Ledger.readSpend(dir.ledger()).total()).as("every attempt's streamed spend, counted once").isCloseTo(streamed, Offset.offset(1e-9));
    assertThat(Ledger.readSpend(dir.ledger()).total()).isCloseTo(6 * 0.3 + interrupted, Offset.offset(1e-9));
    assertThat(Processes.awaitNone(marker, Duration.ofSeconds(5))).isEmpty();
  }

  private static long finished(ExperimentDirectory dir) {
    try {
      return Experiments.metas(dir).stream().filter(m -> m.status() == RunStatus.OK).count();
    } catch (RuntimeException e) {
      return 0;
    }
  }

  private static long streaming(ExperimentDirectory dir) {
    try (Stream<Path> runs = Files.list(dir.root().resolve("runs"))) {
      return runs.filter(r -> !Files.exists(r.resolve("meta.json")) || isRunning(r.resolve("meta.json")))
          .filter(r -> lastStreamed(r.resolve("metrics.jsonl")) > 0.03).count();
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  private static boolean isRunning(Path meta) {
    try {
      return dev.rigor.store.StoreJson.read(meta, RunMeta.class).status() == RunStatus.RUNNING;
    } catch (IOException e) {
      return false;
    }
  }

  private static double lastStreamed(Path metricsJsonl) {
    return dev.rigor.metrics.MetricsTail.lastValue(metricsJsonl, "cost_usd");
  }
}
