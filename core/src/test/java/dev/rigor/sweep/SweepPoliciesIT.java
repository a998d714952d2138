package dev.rigor.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rigor.store.ExperimentDirectory;
import dev.rigor.store.RunMeta;
import dev.rigor.store.RunStatus;
import dev.rigor.testing.CliRun;
import dev.rigor.testing.Experiments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retries, fail-fast, refusal of an existing experiment, resume and drift — through the CLI, with real processes. */
class SweepPoliciesIT {

  @TempDir Path tmp;

  /** A trial that appends its run id to log.txt and exits with the code found in codes/<n> (else 0). */
  private String spec(String name, String extra) {
    return """
        name: %s
        command: [sh, -c, 'echo "$RIGOR_RUN_ID" >> "%s/log.txt"; echo "n={n}"; exit $(cat "%s/codes/{n}" 2>/dev/null || echo 0)']
        matrix: {n: [1, 2, 3]}
        seeds: [7]
        jobs: 2
        metrics:
          - regex: {file: stdout, pattern: "n=([0-9]+)", name: n_echo, type: int}
        %s
        """.formatted(name, tmp, tmp, extra);
  }

  private void exitCode(int n, int code) throws Exception {
    Files.createDirectories(tmp.resolve("codes"));
    Files.writeString(tmp.resolve("codes/" + n), Integer.toString(code));
  }

  private List<String> log() {
    return Experiments.lines(tmp.resolve("log.txt"));
  }

  private Map<String, RunStatus> statuses(String name) {
    return Experiments.metas(Experiments.dir(tmp, name)).stream()
        .collect(java.util.stream.Collectors.toMap(m -> String.valueOf(m.params().get("n")), RunMeta::status));
  }

  @Test
  void allOkExitsZeroAndWritesRunsCsv() {
    Experiments.spec(tmp, "s.yaml", spec("s", ""));
    CliRun run = CliRun.in(tmp, "run", "s.yaml");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("s: 3 trials ran (3 ok)").contains("results: runs/s/aggregate/runs.csv");
    List<Map<String, String>> rows = Experiments.runsCsv(Experiments.dir(tmp, "s"));
    assertThat(rows).hasSize(3).allSatisfy(r -> assertThat(r.get("n_echo")).isEqualTo(r.get("n")));
  }

  @Test
  void aFailedTrialMakesExitCodeOneAndKeepsItsRowWithEmptyMetrics() throws Exception {
    exitCode(2, 4);
    Experiments.spec(tmp, "s.yaml", spec("s", ""));
    CliRun run = CliRun.in(tmp, "run", "s.yaml");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("failed").contains("exit code 4");
    Map<String, String> row = Experiments.runsCsv(Experiments.dir(tmp, "s")).stream().filter(r -> r.get("n").equals("2")).findFirst().orElseThrow();
    assertThat(row).containsEntry("status", "failed").containsEntry("exit_code", "4").containsEntry("n_echo", "");
  }

  @Test
  void retriesKeepEveryAttempt() throws Exception {
    exitCode(3, 1);
    Experiments.spec(tmp, "s.yaml", spec("s", "retries: 2"));
    CliRun run = CliRun.in(tmp, "run", "s.yaml", "--quiet");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(log()).hasSize(2 + 3);
    ExperimentDirectory dir = Experiments.dir(tmp, "s");
    RunMeta latest = Experiments.metas(dir).stream().filter(m -> m.params().get("n").equals(3L)).findFirst().orElseThrow();
    assertThat(latest.attempt()).isEqualTo(3);
    Path runDir = dir.run(latest.runId()).root();
    assertThat(runDir.resolve("attempts/1/meta.json")).exists();
    assertThat(runDir.resolve("attempts/2/stdout.txt")).hasContent("n=3");
  }

  @Test
  void failFastStopsLaunchingTerminatesRunningTrialsAndExitsThree() throws Exception {
    Experiments.spec(tmp, "ff.yaml", """
        name: ff
        command: [sh, -c, 'if [ {n} = 1 ]; then exit 9; fi; sleep 300']
        matrix: {n: [1, 2, 3, 4]}
        order: grid
        jobs: 2
        kill_grace: 1s
        """);
    long start = System.nanoTime();
    CliRun run = CliRun.in(tmp, "run", "ff.yaml", "--fail-fast");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat((System.nanoTime() - start) / 1e9).isLessThan(60);
    assertThat(run.err()).contains("fail-fast");
    Map<String, RunStatus> s = statuses("ff");
    assertThat(s).containsEntry("1", RunStatus.FAILED).containsEntry("2", RunStatus.CANCELLED).hasSize(2);
    assertThat(run.out()).contains("2 not run");
  }

  @Test
  void refusesAnExperimentWithRunsWithoutResumeAndChangesNothing() throws Exception {
    Experiments.spec(tmp, "s.yaml", spec("s", ""));
    assertThat(CliRun.in(tmp, "run", "s.yaml", "--quiet").exitCode()).isZero();
    ExperimentDirectory dir = Experiments.dir(tmp, "s");
    long before = Files.getLastModifiedTime(dir.experimentJson()).toMillis();

    CliRun again = CliRun.in(tmp, "run", "s.yaml");

    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err()).contains("already has runs").contains("--resume");
    assertThat(log()).hasSize(3);
    assertThat(Files.getLastModifiedTime(dir.experimentJson()).toMillis()).isEqualTo(before);
  }

  @Test
  void resumeRunsOnlyTrialsWithoutAnOkRun() throws Exception {
    exitCode(2, 1);
    Experiments.spec(tmp, "s.yaml", spec("s", ""));
    assertThat(CliRun.in(tmp, "run", "s.yaml", "--quiet").exitCode()).isEqualTo(1);
    Files.delete(tmp.resolve("codes/2"));

    CliRun resumed = CliRun.in(tmp, "run", "s.yaml", "--resume");

    assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
    assertThat(resumed.err()).contains("running 1 of 3 trials").contains("2 trials already ok are skipped");
    assertThat(log()).hasSize(4);
    assertThat(statuses("s")).containsValues(RunStatus.OK).doesNotContainValue(RunStatus.FAILED);
  }

  @Test
  void resumeWithNewSeedsRunsOnlyTheNewTrials() {
    Experiments.spec(tmp, "s.yaml", spec("s", ""));
    assertThat(CliRun.in(tmp, "run", "s.yaml", "--quiet").exitCode()).isZero();

    Experiments.spec(tmp, "s.yaml", spec("s", "").replace("seeds: [7]", "seeds: [7, 8]"));
    CliRun resumed = CliRun.in(tmp, "run", "s.yaml", "--resume", "--quiet");

    assertThat(resumed.exitCode()).isZero();
    assertThat(log()).hasSize(6).doesNotHaveDuplicates();
  }

  @Test
  void resumeRefusesADriftedTrialDefinitionUnlessAllowed() {
    Experiments.spec(tmp, "s.yaml", spec("s", "params: {lr: 0.1}"));
    assertThat(CliRun.in(tmp, "run", "s.yaml", "--quiet").exitCode()).isZero();
    Experiments.spec(tmp, "s.yaml", spec("s", "params: {lr: 0.2}"));

    CliRun refused = CliRun.in(tmp, "run", "s.yaml", "--resume");
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains("trial definition changed").contains("params.lr: 0.1 → 0.2").contains("--allow-drift");
    assertThat(log()).hasSize(3);

    CliRun allowed = CliRun.in(tmp, "run", "s.yaml", "--resume", "--allow-drift", "--quiet");
    assertThat(allowed.exitCode()).isZero();
    assertThat(log()).hasSize(6);
  }

  @Test
  void movingAnExperimentDirectoryKeepsItsTrialsDone() throws Exception {
    Experiments.spec(tmp, "s.yaml", spec("s", ""));
    assertThat(CliRun.in(tmp, "run", "s.yaml", "--quiet").exitCode()).isZero();
    Files.move(tmp.resolve("runs"), tmp.resolve("moved"));

    CliRun resumed = CliRun.in(tmp, "run", "s.yaml", "--resume", "--out-root", "moved");

    assertThat(resumed.exitCode()).isZero();
    assertThat(resumed.out()).contains("0 trials ran").contains("3 already ok");
    assertThat(log()).hasSize(3);
  }

  @Test
  void collectRebuildsRunsCsvAndTheLedgerFromRunDirectoriesAlone() throws Exception {
    exitCode(1, 2);
    Experiments.spec(tmp, "s.yaml", spec("s", ""));
    CliRun.in(tmp, "run", "s.yaml", "--quiet");
    ExperimentDirectory dir = Experiments.dir(tmp, "s");
    String csv = Files.readString(dir.runsCsv());
    Files.delete(dir.runsCsv());
    Files.delete(dir.ledger());
    Files.deleteIfExists(dir.root().resolve("rigor.db-wal"));
    Files.deleteIfExists(dir.root().resolve("rigor.db-shm"));

    CliRun collect = CliRun.in(tmp, "collect", "runs/s");

    assertThat(collect.exitCode()).as(collect.toString()).isZero();
    assertThat(collect.out()).contains("3 trials, 3 runs in the ledger");
    assertThat(Files.readString(dir.runsCsv())).isEqualTo(csv);
    assertThat(dir.ledger()).exists();
    CliRun status = CliRun.in(tmp, "status", "--exp_dir", "runs/s");
    assertThat(status.out()).contains("progress: 2 of 3 planned trials ok").contains("failed").contains("exit code 2");
  }

  @Test
  void statusShowsFailuresWithTheirStderrTail() throws Exception {
    Experiments.spec(tmp, "st.yaml", """
        name: st
        command: [sh, -c, 'echo "line one" >&2; echo "Traceback: boom {n}" >&2; exit {n}']
        matrix: {n: [0, 3]}
        """);
    CliRun.in(tmp, "run", "st.yaml", "--quiet");

    CliRun status = CliRun.in(tmp, "status", "runs/st");

    assertThat(status.exitCode()).isZero();
    assertThat(status.out()).contains("progress: 1 of 2 planned trials ok (50%)")
        .contains("failed  exit code 3").contains("(n3__baseline__").contains("Traceback: boom 3").contains("line one");
    CliRun json = CliRun.in(tmp, "status", "runs/st", "--format", "json");
    assertThat(json.out()).contains("\"failed\" : 1").contains("\"stderr_tail\"");
  }
}
