package dev.rigor.exec.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rigor.store.ExperimentDirectory;
import dev.rigor.store.RunMeta;
import dev.rigor.store.RunStatus;
import dev.rigor.testing.CliRun;
import dev.rigor.testing.Experiments;
import dev.rigor.testing.Jar;
import dev.rigor.testing.Processes;
import dev.rigor.testing.Waits;
import dev.rigor.testing.trials.FaultTrial;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every fault of a trial that runs in a worker (DESIGN.md §7, issue 13) with real worker processes:
 * the faulty run ends with the right status and reason, its worker is replaced, the other trials'
 * records are intact, and no worker process survives.
 */
class WorkerFaultsIT {

  @TempDir Path tmp;

  /** The trial of the Python tests: misbehaves according to its {@code mode}; logs which worker started which run. */
  private static final String FAULTS_PY = """
      import os, pathlib, sys, time

      def run(params, ctx):
          pathlib.Path(ctx.out, "pid").write_text(str(os.getpid()))
          with open(os.path.join(%s, "started.log"), "a") as log:
              log.write("%%s %%d\\n" %% (ctx.run_id, os.getpid()))
          mode = params.get("mode", "ok")
          if mode == "sleep":
              time.sleep(60)
          elif mode == "hang":
              while True:
                  try:
                      time.sleep(0.05)
                  except BaseException:
                      pass
          elif mode == "exit":
              os._exit(3)
          elif mode == "raise":
              raise ValueError("mode says raise")
          elif mode == "flaky":
              marker = pathlib.Path(%s, "flaky-" + ctx.run_id)
              if not marker.exists():
                  marker.write_text("failed once")
                  raise RuntimeError("first attempt fails")
          elif mode == "cooperate":
              while not ctx.cancelled:
                  time.sleep(0.02)
              return {"stopped": 1}
          print("ran", ctx.run_id)
          ctx.log(cost_usd=0.25)
          ctx.log(step=1, loss=0.5)
          with open(os.path.join(%s, "done.log"), "a") as log:
              log.write("%%s %%d\\n" %% (ctx.run_id, os.getpid()))
          return {"worker_pid": os.getpid(), "seed_seen": ctx.seed}
      """;

  @BeforeEach
  void trialModule() throws IOException {
    String dir = "'" + tmp + "'";
    Files.writeString(tmp.resolve("faults.py"), FAULTS_PY.formatted(dir, dir, dir));
  }

  @AfterEach
  void noWorkerSurvives() {
    for (long pid : startedPids()) {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  private String pythonSpec(String name, String modes, String extra) {
    Experiments.spec(tmp, name + ".yaml", """
        name: %s
        python: {function: "faults:run", path: ["."]}
        matrix: {mode: [%s]}
        jobs: 1
        order: grid
        kill_grace: 1s
        %s
        """.formatted(name, modes, extra.contains("seeds:") ? extra : extra + "\nseeds: [1]"));
    return name + ".yaml";
  }

  @Test
  void aWorkerKilledBySigkillMidTrialCostsOnlyThatRun() throws Exception {
    String spec = pythonSpec("sigkill", "ok, sleep, ok2", "");
    Thread killer = new Thread(() -> {
      Waits.until("the sleeping trial to start", Duration.ofSeconds(60), () -> startedLines().stream().anyMatch(l -> l.startsWith("sleep__")));
      long pid = Long.parseLong(startedLines().stream().filter(l -> l.startsWith("sleep__")).findFirst().orElseThrow().split(" ")[1]);
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    });
    killer.start();
    CliRun run = CliRun.in(tmp, "run", spec);
    killer.join();

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    Map<String, RunMeta> metas = byMode("sigkill");
    assertThat(metas.get("sleep").status()).isEqualTo(RunStatus.ERROR);
    assertThat(metas.get("sleep").error()).contains("the worker died during the trial").contains("signal 9");
    assertThat(metas.get("sleep").signal()).isEqualTo(9);
    assertThat(metas.get("ok").status()).isEqualTo(RunStatus.OK);
    assertThat(Experiments.runsCsv(Experiments.dir(tmp, "sigkill"))).hasSize(3);
    assertThat(workerPids()).as("the killed worker was replaced for the next trial").hasSize(2);
  }

  @Test
  void osExitEndsTheRunErrorAndTheNextTrialGetsANewWorker() throws Exception {
    CliRun run = CliRun.in(tmp, "run", pythonSpec("osexit", "ok, exit, raise, ok2", ""));

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    Map<String, RunMeta> metas = byMode("osexit");
    assertThat(metas.get("exit").status()).isEqualTo(RunStatus.ERROR);
    assertThat(metas.get("exit").error()).contains("the worker died during the trial (exit code 3)");
    assertThat(metas.get("exit").exitCode()).isEqualTo(3);
    RunMeta raised = metas.get("raise");
    assertThat(raised.status()).isEqualTo(RunStatus.ERROR);
    assertThat(raised.error()).startsWith("ValueError: mode says raise").contains("Traceback (most recent call last)");
    ExperimentDirectory dir = Experiments.dir(tmp, "osexit");
    assertThat(Files.readString(dir.run(raised.runId()).stderr())).contains("Traceback").contains("ValueError: mode says raise");
    assertThat(metas.get("ok").status()).isEqualTo(RunStatus.OK);
    // ok (worker 1) · exit (worker 1 dies) · raise (worker 2, which survives its exception) · ok (worker 2)
    assertThat(workerPids()).hasSize(2);
  }

  @Test
  void aTrialHangingPastItsTimeoutIsKilledAndTheNextTrialRuns() throws Exception {
    CliRun run = CliRun.in(tmp, "run", pythonSpec("hang", "hang, cooperate, ok", "timeout: 2s"));

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    Map<String, RunMeta> metas = byMode("hang");
    assertThat(metas.get("hang").status()).isEqualTo(RunStatus.TIMEOUT);
    assertThat(metas.get("hang").error()).contains("timed out after 2s").contains("process tree was stopped");
    assertThat(metas.get("cooperate").status()).as("a trial that honours the cancel keeps its worker").isEqualTo(RunStatus.TIMEOUT);
    assertThat(metas.get("cooperate").error()).contains("the worker stopped the trial");
    assertThat(metas.get("ok").status()).isEqualTo(RunStatus.OK);
    assertThat(metas.get("hang").wallTimeS()).isBetween(2.0, 30.0);
    // hang (worker 1, killed) · cooperate (worker 2, kept) · ok (worker 2)
    assertThat(workerPids()).hasSize(2);
    assertThat(Processes.allDead(List.of(startedPids().get(0)), Duration.ofSeconds(5))).isTrue();
  }

  @Test
  void aWorkerThatNeverSaysHelloIsReplacedAfterItsStartupTimeout() throws Exception {
    Experiments.spec(tmp, "mute.yaml", """
        name: mute
        worker: {command: [sh, -c, 'echo $$ >> mute.pids; exec sleep 120'], startup_timeout: 2s}
        matrix: {x: [1, 2]}
        jobs: 1
        kill_grace: 1s
        """);
    CliRun run = CliRun.in(tmp, "run", "mute.yaml");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    List<RunMeta> metas = Experiments.metas(Experiments.dir(tmp, "mute"));
    assertThat(metas).hasSize(2).allSatisfy(m -> {
      assertThat(m.status()).isEqualTo(RunStatus.ERROR);
      assertThat(m.error()).contains("did not say hello within startup_timeout (2s)");
    });
    List<String> pids = Experiments.lines(tmp.resolve("mute.pids"));
    assertThat(pids).as("one worker per attempt").hasSize(2);
    assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false)).isFalse());
  }

  @Test
  void aWorkerThatBreaksTheProtocolEndsItsRunErrorAndIsReplaced() throws Exception {
    // Says hello, answers the first trial with garbage and every later one properly.
    Files.writeString(tmp.resolve("rude.py"), """
        import json, os, socket
        s = socket.socket(socket.AF_UNIX); s.connect(os.environ["RIGOR_WORKER_SOCKET"])
        f = s.makefile("rwb")
        def send(m): f.write((json.dumps(m) + "\\n").encode()); f.flush()
        send({"type": "hello", "protocol": "rigor.worker/1"})
        first = not os.path.exists("rude.once")
        open("rude.once", "a").write("%d\\n" % os.getpid())
        for line in f:
            m = json.loads(line)
            if m["type"] != "trial":
                break
            if first:
                f.write(b"this is not json\\n"); f.flush()
            else:
                send({"type": "metrics", "run_id": m["run_id"], "step": 3, "reward": 1.5})
                send({"type": "done", "run_id": m["run_id"], "status": "ok", "metrics": {"x_seen": m["params"]["x"]}})
        """);
    Experiments.spec(tmp, "rude.yaml", """
        name: rude
        worker: {command: [python3, rude.py]}
        matrix: {x: [1, 2, 3]}
        jobs: 1
        order: grid
        kill_grace: 1s
        """);
    CliRun run = CliRun.in(tmp, "run", "rude.yaml");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    ExperimentDirectory dir = Experiments.dir(tmp, "rude");
    Map<Object, RunMeta> byX = Experiments.metas(dir).stream().collect(Collectors.toMap(m -> m.params().get("x"), m -> m));
    assertThat(byX.get(1L).status()).isEqualTo(RunStatus.ERROR);
    assertThat(byX.get(1L).error()).contains("the worker broke the protocol (not JSON: this is not json)");
    assertThat(byX.get(2L).status()).isEqualTo(RunStatus.OK);
    assertThat(byX.get(3L).status()).isEqualTo(RunStatus.OK);
    assertThat(dir.run(byX.get(3L).runId()).readMetrics().values()).containsEntry("x_seen", 3L);
    assertThat(Files.readString(dir.run(byX.get(3L).runId()).series())).contains("reward,3");
    assertThat(Experiments.lines(tmp.resolve("rude.once"))).hasSize(2);
  }

  @Test
  void retriesRunTheFailedTrialAgainOnTheSameWorkerAndKeepEveryAttempt() throws Exception {
    CliRun run = CliRun.in(tmp, "run", pythonSpec("retry", "flaky, ok", "retries: 1"));

    assertThat(run.exitCode()).as(run.toString()).isZero();
    Map<String, RunMeta> metas = byMode("retry");
    assertThat(metas.get("flaky").attempt()).isEqualTo(2);
    assertThat(metas.get("flaky").status()).isEqualTo(RunStatus.OK);
    ExperimentDirectory dir = Experiments.dir(tmp, "retry");
    Path first = dir.run(metas.get("flaky").runId()).root().resolve("attempts/1");
    assertThat(Files.readString(first.resolve("meta.json"))).contains("\"status\" : \"error\"").contains("first attempt fails");
    assertThat(Files.readString(first.resolve("stderr.txt"))).contains("RuntimeError: first attempt fails");
    assertThat(workerPids()).as("an exception does not cost the worker").hasSize(1);
  }

  @Test
  void failFastStopsLaunchingAndExitsThree() throws Exception {
    CliRun run = CliRun.in(tmp, "run", pythonSpec("failfast", "ok, raise, ok2, ok3", ""), "--fail-fast");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    List<RunMeta> metas = Experiments.metas(Experiments.dir(tmp, "failfast"));
    assertThat(metas).extracting(m -> m.params().get("mode") + " " + m.status().json()).containsExactlyInAnyOrder("ok ok", "raise error");
  }

  @Test
  void resumeRunsOnlyTheTrialsWithoutAnOkRun() throws Exception {
    String spec = pythonSpec("resume", "ok, raise", "seeds: [1, 2]");
    assertThat(CliRun.in(tmp, "run", spec).exitCode()).isEqualTo(1);
    List<String> doneBefore = Experiments.lines(tmp.resolve("done.log"));
    assertThat(doneBefore).hasSize(2);

    Files.writeString(tmp.resolve("faults.py"), Files.readString(tmp.resolve("faults.py")).replace("raise ValueError(\"mode says raise\")", "pass"));
    CliRun resumed = CliRun.in(tmp, "run", spec, "--resume");

    assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
    Map<String, Long> completions = Experiments.lines(tmp.resolve("done.log")).stream()
        .collect(Collectors.groupingBy(l -> l.split(" ")[0], Collectors.counting()));
    assertThat(completions).hasSize(4).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
  }

  @Test
  void sigintStopsTheRunningTrialMarksItInterruptedAndLeavesNoWorker() throws Exception {
    String spec = pythonSpec("sigint", "ok, sleep, ok2", "");
    Process coordinator = Jar.start(tmp, "run", spec);
    Waits.until("the sleeping trial to start", Duration.ofSeconds(60), () -> startedLines().stream().anyMatch(l -> l.startsWith("sleep__")));
    new ProcessBuilder("kill", "-INT", Long.toString(coordinator.pid())).start().waitFor();

    assertThat(coordinator.waitFor()).as(Files.readString(tmp.resolve("rigor.err"))).isEqualTo(130);
    Map<String, RunMeta> metas = byMode("sigint");
    assertThat(metas.get("sleep").status()).isEqualTo(RunStatus.INTERRUPTED);
    assertThat(metas.get("ok").status()).isEqualTo(RunStatus.OK);
    assertThat(Processes.allDead(startedPids(), Duration.ofSeconds(10))).isTrue();
  }

  @Test
  void killMinusNineOfTheCoordinatorLeavesNoWorkerAndResumeRunsTheRest() throws Exception {
    String spec = pythonSpec("crash", "ok, sleep, ok2", "");
    Process coordinator = Jar.start(tmp, "run", spec);
    Waits.until("the sleeping trial to start", Duration.ofSeconds(60), () -> startedLines().stream().anyMatch(l -> l.startsWith("sleep__")));
    // Kill only once the finished trial is recorded: one that finished unrecorded is rightly run again.
    Waits.until("the first trial to be recorded ok", Duration.ofSeconds(30), () -> recordedOk("crash") == 1);
    coordinator.destroyForcibly().waitFor();
    assertThat(Processes.allDead(startedPids(), Duration.ofSeconds(10))).as("a worker notices its coordinator is gone").isTrue();

    Files.writeString(tmp.resolve("faults.py"), Files.readString(tmp.resolve("faults.py")).replace("time.sleep(60)", "pass"));
    CliRun resumed = CliRun.in(tmp, "run", spec, "--resume", "--allow-drift");

    assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
    Map<String, Long> completions = Experiments.lines(tmp.resolve("done.log")).stream()
        .collect(Collectors.groupingBy(l -> l.split(" ")[0], Collectors.counting()));
    assertThat(completions).as("every trial completed exactly once").hasSize(3).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
    assertThat(byMode("crash").get("sleep").attempt()).isEqualTo(2);
  }

  @Test
  void javaWorkerIsolationSurvivesSystemExitAndOutOfMemory() throws Exception {
    Experiments.spec(tmp, "jfaults.yaml", """
        name: jfaults
        java: {class: %s, classpath: ["%s"], jvm_args: [-Xmx64m]}
        matrix: {mode: [ok, exit, after_exit, oom, throw, after_oom]}
        seeds: [5]
        jobs: 1
        order: grid
        kill_grace: 1s
        """.formatted(FaultTrial.class.getName(), testClasses()));
    CliRun run = CliRun.in(tmp, "run", "jfaults.yaml");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    ExperimentDirectory dir = Experiments.dir(tmp, "jfaults");
    List<RunMeta> metas = Experiments.metas(dir);
    Map<String, List<RunMeta>> byMode = metas.stream().collect(Collectors.groupingBy(m -> (String) m.params().get("mode")));
    assertThat(metas).hasSize(6);
    assertThat(byMode.get("after_exit").get(0).status()).isEqualTo(RunStatus.OK);
    assertThat(byMode.get("after_oom").get(0).status()).isEqualTo(RunStatus.OK);
    RunMeta exit = byMode.get("exit").get(0);
    assertThat(exit.status()).isEqualTo(RunStatus.ERROR);
    assertThat(exit.error()).contains("the worker died during the trial (exit code 7)");
    RunMeta oom = byMode.get("oom").get(0);
    assertThat(oom.status()).isEqualTo(RunStatus.ERROR);
    assertThat(Files.readString(dir.run(oom.runId()).stdout()) + Files.readString(dir.run(oom.runId()).stderr())).contains("OutOfMemoryError");
    RunMeta thrown = byMode.get("throw").get(0);
    assertThat(thrown.error()).startsWith("java.lang.IllegalStateException: trial says no").contains(FaultTrial.class.getName() + ".run(FaultTrial.java:");
    RunMeta ok = byMode.get("ok").get(0);
    assertThat(ok.status()).isEqualTo(RunStatus.OK);
    assertThat(ok.measurement().json()).isEqualTo("worker");
    assertThat(dir.run(ok.runId()).readMetrics().values()).containsEntry("seed", 5L).containsEntry("cost_usd", 0.5);
    assertThat(Files.readString(dir.run(ok.runId()).stdout())).contains("trial " + ok.runId());
    long okPid = (Long) dir.run(ok.runId()).readMetrics().values().get("worker_pid");
    assertThat(okPid).isNotEqualTo(ProcessHandle.current().pid());
    assertThat(Processes.allDead(List.of(okPid), Duration.ofSeconds(5))).as("workers are shut down at the end").isTrue();
    long afterOom = (Long) dir.run(byMode.get("after_oom").get(0).runId()).readMetrics().values().get("worker_pid");
    assertThat(afterOom).as("the worker that ran out of memory was replaced").isNotEqualTo(okPid);
  }

  @Test
  void javaCoordinatorIsolationRunsOnAThreadAndAbandonsAHungTrial() throws Exception {
    Experiments.spec(tmp, "jthread.yaml", """
        name: jthread
        java: {class: %s, classpath: ["%s"], isolation: coordinator}
        matrix: {mode: [ok, throw, hang, cooperate]}
        seeds: [9]
        jobs: 2
        timeout: 2s
        kill_grace: 1s
        """.formatted(FaultTrial.class.getName(), testClasses()));
    CliRun run = CliRun.in(tmp, "run", "jthread.yaml");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    ExperimentDirectory dir = Experiments.dir(tmp, "jthread");
    Map<Object, RunMeta> byMode = Experiments.metas(dir).stream().collect(Collectors.toMap(m -> m.params().get("mode"), m -> m));
    RunMeta ok = byMode.get("ok");
    assertThat(ok.status()).isEqualTo(RunStatus.OK);
    assertThat(ok.measurement().json()).isEqualTo("thread");
    assertThat(dir.run(ok.runId()).readMetrics().values()).containsEntry("worker_pid", ProcessHandle.current().pid()).containsEntry("cost_usd", 0.5);
    assertThat(Files.readString(dir.run(ok.runId()).stdout())).contains("trial " + ok.runId());
    assertThat(Files.readString(dir.run(ok.runId()).series())).contains("loss,1");
    assertThat(byMode.get("throw").status()).isEqualTo(RunStatus.ERROR);
    assertThat(Files.readString(dir.run(byMode.get("throw").runId()).stderr())).contains("IllegalStateException: trial says no");
    assertThat(byMode.get("hang").status()).isEqualTo(RunStatus.TIMEOUT);
    assertThat(byMode.get("hang").error()).contains("abandoned");
    assertThat(byMode.get("cooperate").status()).isEqualTo(RunStatus.TIMEOUT);
    assertThat(byMode.get("cooperate").error()).contains("returned when cancelled");
  }

  private static String testClasses() {
    try {
      return Path.of(FaultTrial.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<String, RunMeta> byMode(String experiment) {
    return Experiments.metas(Experiments.dir(tmp, experiment)).stream()
        .collect(Collectors.toMap(m -> (String) m.params().get("mode"), m -> m, (a, b) -> a));
  }

  private long recordedOk(String experiment) {
    try {
      return Experiments.metas(Experiments.dir(tmp, experiment)).stream().filter(m -> m.status() == RunStatus.OK).count();
    } catch (RuntimeException e) {
      return -1; // a meta.json is being replaced; look again
    }
  }

  private List<String> startedLines() {
    return Experiments.lines(tmp.resolve("started.log"));
  }

  private List<Long> startedPids() {
    return startedLines().stream().map(l -> Long.parseLong(l.split(" ")[1])).toList();
  }

  private List<Long> workerPids() {
    return startedPids().stream().distinct().toList();
  }

}
