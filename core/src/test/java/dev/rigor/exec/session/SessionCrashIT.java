package dev.rigor.exec.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rigor.store.ExperimentDirectory;
import dev.rigor.store.RunDirectory;
import dev.rigor.store.RunMeta;
import dev.rigor.store.RunStatus;
import dev.rigor.store.Transcript;
import dev.rigor.testing.CliRun;
import dev.rigor.testing.Experiments;
import dev.rigor.testing.Jar;
import dev.rigor.testing.Processes;
import dev.rigor.testing.Waits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The coordinator (the packaged CLI) is stopped in the middle of two sessions — SIGINT, or kill -9 —
 * while each program waits mid-turn. Its programs ignore SIGHUP (so closing the terminal alone would
 * not end them) and leave a grandchild that ignores SIGTERM: no process survives, and --resume runs
 * the sessions again to their end.
 */
class SessionCrashIT {

  @TempDir Path tmp;
  private final String marker = Processes.marker();

  @AfterEach
  void cleanUp() {
    Processes.killAll(marker);
  }

  private void spec() {
    Experiments.spec(tmp, "crash.yaml", """
        name: crash
        session:
          command: [%s, %s, "%s"]
          ready: {regex: "chat> $"}
          initial_prompt: "echo hello"
          reactors:
            - {when: "^hello", send: hang}
            - {when: "DONE", end: true}
          turn_timeout: 5m
          workdir: fresh
        env: {CHAT_IGNORE_HUP: "1", CHAT_QUICK: "%s/quick"}
        matrix: {n: [1, 2]}
        jobs: 2
        kill_grace: 1s
        """.formatted(SessionIT.PYTHON, SessionIT.CHAT, marker, tmp));
  }

  /** Both sessions are on their second turn (the first one's transcript is written) and their programs hang. */
  private void awaitBothHanging(ExperimentDirectory dir) {
    Waits.until("two sessions on turn 2", Duration.ofSeconds(60), () -> {
      try {
        List<RunDirectory> runs = dir.runDirectories();
        return runs.size() == 2 && runs.stream().allMatch(r -> {
          Transcript.Progress p = Transcript.progress(r);
          return p != null && p.turns() == 1 && Processes.withMarker(marker).size() >= 4;
        });
      } catch (java.io.IOException e) {
        return false;
      }
    });
  }

  private void resumeRunsTheSessionsAgain() throws Exception {
    Files.writeString(tmp.resolve("quick"), "");
    CliRun resumed = CliRun.in(tmp, "run", "crash.yaml", "--resume", "--quiet");
    assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
    List<RunMeta> metas = Experiments.metas(Experiments.dir(tmp, "crash"));
    assertThat(metas).hasSize(2).allSatisfy(m -> {
      assertThat(m.status()).isEqualTo(RunStatus.OK);
      assertThat(m.attempt()).isEqualTo(2);
    });
    assertThat(Processes.awaitNone(marker, Duration.ofSeconds(5))).isEmpty();
  }

  @Test
  void sigintStopsTheSessionsAndTheirTreesAndResumeRunsThemAgain() throws Exception {
    spec();
    ExperimentDirectory dir = Experiments.dir(tmp, "crash");
    Process coordinator = Jar.start(tmp, "run", "crash.yaml");
    awaitBothHanging(dir);
    CliRun status = CliRun.in(tmp, "status", "runs/crash");
    assertThat(status.out()).contains("session turn 2 of at most 20; last reply: hello chat>");

    new ProcessBuilder("kill", "-INT", Long.toString(coordinator.pid())).start().waitFor();

    assertThat(coordinator.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(coordinator.exitValue()).isEqualTo(130);
    assertThat(Experiments.metas(dir)).hasSize(2).allSatisfy(m -> assertThat(m.status()).isEqualTo(RunStatus.INTERRUPTED));
    for (RunDirectory r : dir.runDirectories()) {
      Transcript t = Transcript.read(r);
      assertThat(t.end()).isEqualTo("interrupted");
      assertThat(t.turns()).hasSize(2);
      assertThat(t.turns().get(1).received()).isEqualTo("thinking\n");
    }
    assertThat(Processes.awaitNone(marker, Duration.ofSeconds(5))).as("no program survives").isEmpty();
    resumeRunsTheSessionsAgain();
  }

  @Test
  void killMinusNineLeavesNoProgramOnceResumedAndTheSessionsRunAgain() throws Exception {
    spec();
    ExperimentDirectory dir = Experiments.dir(tmp, "crash");
    Process coordinator = Jar.start(tmp, "run", "crash.yaml");
    awaitBothHanging(dir);

    coordinator.destroyForcibly().waitFor();

    assertThat(Experiments.metas(dir)).allSatisfy(m -> assertThat(m.status()).isEqualTo(RunStatus.RUNNING));
    resumeRunsTheSessionsAgain();
  }
}
