package dev.rigor.exec.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rigor.store.ExperimentDirectory;
import dev.rigor.store.Ledger;
import dev.rigor.store.RunMeta;
import dev.rigor.store.RunStatus;
import dev.rigor.testing.CliRun;
import dev.rigor.testing.Experiments;
import dev.rigor.testing.Jar;
import dev.rigor.testing.Waits;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SLURM executor against a real single-node SLURM (started by ./test through .ci/slurm-up.sh;
 * skipped only when no SLURM answers here): the example on SLURM gives the records a local run
 * gives; faults SLURM causes (its time limit, its memory limit, scancel from outside, slurmd dying)
 * become the statuses DESIGN.md §11 names; SIGINT and fail-fast cancel what was submitted; a
 * coordinator killed with -9 leaves its jobs running and --resume waits for them without submitting
 * anything twice; preflight failures stop before anything is submitted.
 */
class SlurmIT {

  @TempDir Path tmp;
  private final List<Process> coordinators = new ArrayList<>();

  @BeforeAll
  static void slurmAnswers() throws Exception {
    boolean up = false;
    if (SlurmCommands.which("sbatch") != null) {
      Process p = new ProcessBuilder("sinfo", "-h", "-o", "%T").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      up = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && !out.isBlank();
    }
    assumeTrue(up, "no SLURM answers here (./test starts one with .ci/slurm-up.sh)");
    resumeNode();
  }

  @AfterEach
  void stopCoordinators() throws Exception {
    for (Process p : coordinators) {
      p.destroyForcibly().waitFor();
    }
  }

  @Test
  void theExampleOnSlurmHasTheRecordsOfALocalRun() throws Exception {
    Path repo = CliRun.repo();
    Process slurm = start(repo, tmp, Map.of(), "run", "examples/sched/smoke.yaml", "--executor", "slurm", "--out-root",
        tmp.resolve("slurm").toString(), "--no-report");
    CliRun local = CliRun.in(repo, "run", "examples/sched/smoke.yaml", "--out-root", tmp.resolve("local").toString(), "--no-report");
    assertThat(local.exitCode()).as(local.toString()).isZero();
    assertThat(slurm.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(slurm.exitValue()).as(log(tmp)).isZero();

    ExperimentDirectory onSlurm = new ExperimentDirectory(tmp.resolve("slurm/sched-smoke"));
    ExperimentDirectory onLocal = new ExperimentDirectory(tmp.resolve("local/sched-smoke"));
    Map<String, RunMeta> s = byId(Experiments.metas(onSlurm));
    Map<String, RunMeta> l = byId(Experiments.metas(onLocal));
    assertThat(s.keySet()).isEqualTo(l.keySet()).hasSize(8);
    for (String id : l.keySet()) {
      assertThat(s.get(id).status()).isEqualTo(RunStatus.OK);
      assertThat(fields(onSlurm.run(id).meta())).as("meta.json fields of " + id).isEqualTo(fields(onLocal.run(id).meta()));
      assertThat(fields(onSlurm.run(id).metrics())).as("metrics of " + id).isEqualTo(fields(onLocal.run(id).metrics()));
      assertThat(s.get(id).measurement()).isEqualTo(l.get(id).measurement());
      assertThat(s.get(id).params()).isEqualTo(l.get(id).params());
    }
    List<String> csvSlurm = Files.readAllLines(onSlurm.runsCsv());
    List<String> csvLocal = Files.readAllLines(onLocal.runsCsv());
    assertThat(csvSlurm.get(0)).as("runs.csv header").isEqualTo(csvLocal.get(0));
    assertThat(csvSlurm).hasSameSizeAs(csvLocal);
    assertThat(Ledger.readPlacements(onSlurm.ledger())).hasSize(8)
        .allSatisfy(p -> assertThat(p.where()).containsEntry("executor", "slurm").containsKey("job"));
  }

  @Test
  void slurmsTimeLimitMemoryLimitAndAnOutsideScancelBecomeStatuses() throws Exception {
    Experiments.spec(tmp, "faults.yaml", """
        name: faults
        command: [sh, -c, 'case "$0" in ok) echo fine ;; slow|victim) sleep 300 ;; hog) python3 -c "x = bytearray(700 * 2**20); import time; time.sleep(30)" ;; esac', "{mode}"]
        matrix: {mode: [ok, slow, hog, victim]}
        executor: {type: slurm, time: 1m, mem: 400m}
        """);
    Process coordinator = start(tmp, tmp, Map.of(), "run", "faults.yaml", "--no-report");
    ExperimentDirectory dir = Experiments.dir(tmp, "faults");
    String victim = awaitJob(dir, "victim");
    Waits.until("the victim to run", Duration.ofSeconds(60), () -> state(victim).equals("RUNNING"));
    run("scancel", victim);
    assertThat(coordinator.waitFor(4, TimeUnit.MINUTES)).as("SLURM ends the slow trial at its 1 minute limit").isTrue();
    assertThat(coordinator.exitValue()).as(log(tmp)).isEqualTo(1);

    Map<String, RunMeta> runs = byMode(Experiments.metas(dir));
    assertThat(runs.get("ok").status()).isEqualTo(RunStatus.OK);
    assertThat(runs.get("slow").status()).isEqualTo(RunStatus.TIMEOUT);
    assertThat(runs.get("slow").error()).contains("SLURM time limit");
    assertThat(runs.get("hog").status()).isEqualTo(RunStatus.FAILED);
    assertThat(runs.get("hog").error()).contains("exceeded its SLURM memory (--mem=400M)");
    assertThat(runs.get("victim").status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(runs.get("victim").error()).contains("cancelled outside Rigor");
    for (RunMeta m : runs.values()) {
      assertThat(dir.run(m.runId()).metrics()).as("every run has its metrics.json").exists();
    }
    CliRun status = CliRun.in(tmp, "status", "runs/faults");
    assertThat(status.out()).as(status.toString()).contains("slurm").contains(victim).contains("CANCELLED");
  }

  @Test
  void aNodeThatDiesFailsItsJobsWhichAreRetried() throws Exception {
    // The first attempt sleeps long enough for SLURM to declare the node dead; the retry finishes at once.
    Experiments.spec(tmp, "node.yaml", """
        name: node
        command: [sh, -c, 'if [ -e "$RIGOR_RUN_DIR/../../first-$0" ]; then echo again; else touch "$RIGOR_RUN_DIR/../../first-$0"; sleep 240; fi', "{n}"]
        matrix: {n: [1, 2]}
        retries: 1
        executor: {type: slurm}
        """);
    Process coordinator = start(tmp, tmp, Map.of(), "run", "node.yaml", "--no-report");
    ExperimentDirectory dir = Experiments.dir(tmp, "node");
    String job = awaitJob(dir, "n1");
    Waits.until("the jobs to run", Duration.ofSeconds(60), () -> state(job).equals("RUNNING") && Files.exists(dir.root().resolve("first-2")));
    long slurmd = Long.parseLong(Files.readString(Path.of("/run/slurmd.pid")).strip());
    ProcessHandle.of(slurmd).ifPresent(ProcessHandle::destroyForcibly);
    try {
      Waits.until("SLURM to declare the node failed", Duration.ofSeconds(120), () -> state(job).equals("NODE_FAIL"));
    } finally {
      run("slurmd", "-N", "localhost");
      resumeNode();
    }
    assertThat(coordinator.waitFor(3, TimeUnit.MINUTES)).isTrue();
    assertThat(coordinator.exitValue()).as(log(tmp)).isZero();
    for (RunMeta m : Experiments.metas(dir)) {
      assertThat(m.status()).isEqualTo(RunStatus.OK);
      assertThat(m.attempt()).as("retried after the node failure").isEqualTo(2);
      RunMeta first = dev.rigor.store.StoreJson.read(dir.run(m.runId()).root().resolve("attempts/1/meta.json"), RunMeta.class);
      assertThat(first.status()).isEqualTo(RunStatus.ERROR);
      assertThat(first.error()).contains("NODE_FAIL");
    }
  }

  @Test
  void killMinusNineThenResumeWaitsForTheRunningJobsAndSubmitsNothingTwice() throws Exception {
    Experiments.spec(tmp, "crash.yaml", """
        name: crash
        command: [sh, -c, 'sleep 10; echo "$RIGOR_RUN_ID" >> "%s/done.log"', "{n}"]
        matrix: {n: [1, 2, 3, 4, 5, 6]}
        executor: {type: slurm}
        """.formatted(tmp));
    Process coordinator = start(tmp, tmp, Map.of(), "run", "crash.yaml", "--no-report");
    ExperimentDirectory dir = Experiments.dir(tmp, "crash");
    Waits.until("every trial to be placed in SLURM", Duration.ofSeconds(60), () -> placements(dir).size() == 6);
    coordinator.destroyForcibly().waitFor();
    Map<String, String> jobsBefore = placements(dir);
    assertThat(jobsBefore.values().stream().map(j -> state(j)))
        .as("the jobs outlive their coordinator").anyMatch(s -> s.equals("PENDING") || s.equals("RUNNING"));

    Process resumed = start(tmp, tmp.resolve("resume-logs"), Map.of(), "run", "crash.yaml", "--resume", "--no-report");
    assertThat(resumed.waitFor(3, TimeUnit.MINUTES)).isTrue();
    assertThat(resumed.exitValue()).as(log(tmp.resolve("resume-logs"))).isZero();
    assertThat(Files.readString(tmp.resolve("resume-logs/rigor.err"))).contains("re-attached to");

    Map<String, Long> completions = Experiments.lines(tmp.resolve("done.log")).stream()
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(completions).as("every trial ran exactly once").hasSize(6).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
    assertThat(placements(dir)).as("the same jobs: nothing submitted again").isEqualTo(jobsBefore);
    try (Stream<Path> batches = Files.list(dir.root().resolve("slurm"))) {
      assertThat(batches.filter(p -> p.toString().endsWith(".tasks")).count()).as("one array, submitted once").isEqualTo(1);
    }
    assertThat(Experiments.metas(dir)).allSatisfy(m -> {
      assertThat(m.status()).isEqualTo(RunStatus.OK);
      assertThat(m.attempt()).isEqualTo(1);
    });
  }

  @Test
  void sigintCancelsEverySubmittedJobAndRecordsIt() throws Exception {
    Experiments.spec(tmp, "stop.yaml", """
        name: stop
        command: [sh, -c, 'sleep 300', "{n}"]
        matrix: {n: [1, 2, 3, 4]}
        executor: {type: slurm}
        """);
    Process coordinator = start(tmp, tmp, Map.of(), "run", "stop.yaml", "--no-report");
    ExperimentDirectory dir = Experiments.dir(tmp, "stop");
    Waits.until("every trial to be placed", Duration.ofSeconds(60), () -> placements(dir).size() == 4);
    String first = placements(dir).values().iterator().next();
    Waits.until("a job to run", Duration.ofSeconds(60), () -> state(first).equals("RUNNING"));
    run("kill", "-INT", Long.toString(coordinator.pid()));
    assertThat(coordinator.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(coordinator.exitValue()).as(log(tmp)).isEqualTo(130);
    assertThat(Experiments.metas(dir)).hasSize(4).allSatisfy(m -> {
      assertThat(m.status()).isEqualTo(RunStatus.INTERRUPTED);
      assertThat(m.error()).contains("scancel");
    });
    assertThat(placements(dir).values()).allSatisfy(j -> assertThat(state(j)).isEqualTo("CANCELLED"));
  }

  @Test
  void failFastCancelsTheRest() throws Exception {
    Experiments.spec(tmp, "ff.yaml", """
        name: ff
        command: [sh, -c, 'if [ "$0" = 1 ]; then sleep 2; exit 3; fi; sleep 300', "{n}"]
        matrix: {n: [1, 2, 3]}
        jobs: 3
        executor: {type: slurm}
        """);
    Process coordinator = start(tmp, tmp, Map.of(), "run", "ff.yaml", "--fail-fast", "--no-report");
    assertThat(coordinator.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(coordinator.exitValue()).as(log(tmp)).isEqualTo(3);
    ExperimentDirectory dir = Experiments.dir(tmp, "ff");
    Map<String, RunMeta> runs = Experiments.metas(dir).stream().collect(Collectors.toMap(m -> String.valueOf(m.params().get("n")), m -> m));
    assertThat(runs.get("1").status()).isEqualTo(RunStatus.FAILED);
    assertThat(runs.get("2").status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(runs.get("3").status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(placements(dir).values()).allSatisfy(j -> assertThat(state(j)).isIn("CANCELLED", "FAILED"));
  }

  @Test
  void preflightFailuresStopBeforeAnythingIsSubmitted() throws Exception {
    Experiments.spec(tmp, "pf.yaml", """
        name: pf
        command: [sh, -c, 'echo hi']
        executor: {type: slurm, partition: no_such_partition}
        """);
    Process bad = start(tmp, tmp, Map.of(), "run", "pf.yaml", "--no-report");
    assertThat(bad.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(bad.exitValue()).isEqualTo(2);
    assertThat(Files.readString(tmp.resolve("rigor.err"))).contains("SLURM refuses the experiment's job settings").contains("partition");
    assertThat(tmp.resolve("runs/pf/runs")).doesNotExist();

    Path noSlurm = tmp.resolve("no-slurm");
    Files.createDirectories(noSlurm.resolve("bin"));
    Files.createSymbolicLink(noSlurm.resolve("bin/sh"), Path.of("/bin/sh")); // the trial's program is there, SLURM is not
    Experiments.spec(noSlurm, "pf.yaml", "name: pf\ncommand: [sh, -c, 'echo hi']\n");
    Process missing = start(noSlurm, noSlurm, Map.of("PATH", noSlurm.resolve("bin").toString()), "run", "pf.yaml", "--executor", "slurm",
        "--no-report");
    assertThat(missing.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(missing.exitValue()).isEqualTo(2);
    assertThat(Files.readString(noSlurm.resolve("rigor.err"))).contains("'sbatch', which is not on PATH");
    assertThat(noSlurm.resolve("runs/pf/runs")).doesNotExist();

    // A node that cannot run Rigor (its setup fails) is found by the preflight job, before any trial is submitted.
    Path broken = tmp.resolve("broken");
    Files.createDirectories(broken);
    Experiments.spec(broken, "pf.yaml", "name: pf\ncommand: [sh, -c, 'echo hi']\nexecutor: {type: slurm, setup: ['export RIGOR_JAVA=/nonexistent/java']}\n");
    Process node = start(broken, broken, Map.of(), "run", "pf.yaml", "--no-report");
    assertThat(node.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(node.exitValue()).isEqualTo(2);
    assertThat(Files.readString(broken.resolve("rigor.err"))).contains("preflight job").contains("/nonexistent/java");
    assertThat(broken.resolve("runs/pf/runs")).doesNotExist();
    try (Stream<Path> files = Files.list(broken.resolve("runs/pf/slurm"))) {
      assertThat(files.filter(p -> p.getFileName().toString().startsWith("batch-"))).as("no array submitted").isEmpty();
    }
  }

  // --- helpers

  private Process start(Path cwd, Path logs, Map<String, String> env, String... args) throws IOException {
    Files.createDirectories(logs);
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        Jar.path().toAbsolutePath().toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile())
        .redirectOutput(logs.resolve("rigor.out").toFile()).redirectError(logs.resolve("rigor.err").toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    pb.environment().put("RIGOR_PROGRESS", "plain");
    pb.environment().put("RIGOR_SLURM_POLL", "500ms");
    pb.environment().putAll(env);
    Process p = pb.start();
    coordinators.add(p);
    return p;
  }

  private static String log(Path logs) {
    try {
      return Files.readString(logs.resolve("rigor.out")) + Files.readString(logs.resolve("rigor.err"));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** Run id → job id, from the ledger (read-only, while a coordinator may write it). */
  private static Map<String, String> placements(ExperimentDirectory dir) {
    try {
      if (!Files.exists(dir.ledger())) {
        return Map.of();
      }
      Map<String, String> out = new TreeMap<>();
      for (Ledger.Placement p : Ledger.readPlacements(dir.ledger())) {
        out.put(p.runId(), (String) p.where().get("job"));
      }
      return out;
    } catch (IOException e) {
      return Map.of();
    }
  }

  private static String awaitJob(ExperimentDirectory dir, String runIdPart) {
    Waits.until("a job for " + runIdPart, Duration.ofSeconds(60),
        () -> placements(dir).keySet().stream().anyMatch(id -> id.contains(runIdPart)));
    return placements(dir).entrySet().stream().filter(e -> e.getKey().contains(runIdPart)).findFirst().orElseThrow().getValue();
  }

  private static String state(String job) {
    try {
      SlurmStates.Task t = SlurmStates.query(List.of(job)).get(job);
      return t == null ? "" : t.state();
    } catch (IOException e) {
      return "";
    }
  }

  private static String run(String... argv) {
    try {
      Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(60, TimeUnit.SECONDS);
      return out;
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A node left down by an earlier fault (or test) is returned to service. */
  private static void resumeNode() {
    Waits.until("slurmd to register", Duration.ofSeconds(60), () -> !run("sinfo", "-h", "-o", "%T").isBlank());
    if (run("sinfo", "-h", "-o", "%T").matches("(?s).*(down|drain).*")) {
      run("scontrol", "update", "NodeName=localhost", "State=RESUME");
    }
    Waits.until("the node to be up", Duration.ofSeconds(60), () -> !run("sinfo", "-h", "-o", "%T").matches("(?s).*(down|drain|unk).*"));
  }

  private static Map<String, RunMeta> byId(List<RunMeta> metas) {
    return metas.stream().collect(Collectors.toMap(RunMeta::runId, m -> m));
  }

  private static Map<String, RunMeta> byMode(List<RunMeta> metas) {
    return metas.stream().collect(Collectors.toMap(m -> String.valueOf(m.params().get("mode")), m -> m));
  }

  /** The top-level field names of a JSON file. */
  private static List<String> fields(Path json) throws IOException {
    Map<?, ?> map = new com.fasterxml.jackson.databind.ObjectMapper().readValue(json.toFile(), Map.class);
    return map.keySet().stream().map(String::valueOf).sorted().toList();
  }
}
