package dev.rigor.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rigor.store.RunMeta;
import dev.rigor.store.RunStatus;
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

/** SIGINT and SIGTERM stop a sweep in order (exit 130, trials recorded interrupted, resumable); the lock keeps out a second coordinator. */
class InterruptIT {

  @TempDir Path tmp;
  private final String marker = Processes.marker();

  @AfterEach
  void cleanUp() {
    Processes.killAll(marker);
  }

  private void longSpec() {
    Experiments.spec(tmp, "long.yaml", """
        name: long
        command: [sh, -c, 'if [ -f "%s/quick" ]; then exit 0; fi; sleep 300', "%s"]
        matrix: {n: [1, 2, 3, 4]}
        jobs: 2
        kill_grace: 2s
        """.formatted(tmp, marker));
  }

  private static long running(Path tmp) {
    try {
      return Experiments.metas(Experiments.dir(tmp, "long")).stream().filter(m -> m.status() == RunStatus.RUNNING && m.pid() != null).count();
    } catch (RuntimeException e) {
      return 0;
    }
  }

  private void signalAndExpectOrderlyStop(String signal) throws Exception {
    longSpec();
    Process coordinator = Jar.start(tmp, "run", "long.yaml");
    Waits.until("two running trials", Duration.ofSeconds(30), () -> running(tmp) == 2);

    new ProcessBuilder("kill", "-" + signal, Long.toString(coordinator.pid())).start().waitFor();

    assertThat(coordinator.waitFor(30, TimeUnit.SECONDS)).as("coordinator exits after SIG" + signal).isTrue();
    assertThat(coordinator.exitValue()).isEqualTo(130);
    List<RunMeta> metas = Experiments.metas(Experiments.dir(tmp, "long"));
    assertThat(metas).hasSize(2).allSatisfy(m -> {
      assertThat(m.status()).isEqualTo(RunStatus.INTERRUPTED);
      assertThat(m.error()).contains("interrupted");
    });
    assertThat(Processes.awaitNone(marker, Duration.ofSeconds(5))).isEmpty();
    assertThat(Files.readString(tmp.resolve("rigor.out"))).contains("continue: rigor run long.yaml --resume");
    // one message, in one wording (the sweep's own "interrupted: stopping…" line no longer repeats it), no ETA after it
    String err = Files.readString(tmp.resolve("rigor.err"));
    assertThat(err.lines().filter(l -> l.contains("interrupted")).toList()).as(err).hasSize(1);
    assertThat(err.substring(err.indexOf("interrupted"))).as(err).doesNotContain("ETA");
    assertThat(Experiments.dir(tmp, "long").runsCsv()).exists();

    Files.writeString(tmp.resolve("quick"), "");
    CliRun resumed = CliRun.in(tmp, "run", "long.yaml", "--resume", "--quiet");
    assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
    assertThat(Experiments.metas(Experiments.dir(tmp, "long"))).hasSize(4).allSatisfy(m -> assertThat(m.status()).isEqualTo(RunStatus.OK));
  }

  @Test
  void sigintStopsRunningTrialsRecordsThemInterruptedAndExits130() throws Exception {
    signalAndExpectOrderlyStop("INT");
  }

  @Test
  void sigtermDoesTheSame() throws Exception {
    signalAndExpectOrderlyStop("TERM");
  }

  @Test
  void aSecondCoordinatorIsRefusedWithTheHoldersPid() throws Exception {
    longSpec();
    Process first = Jar.start(tmp, "run", "long.yaml");
    try {
      Waits.until("the first coordinator to run trials", Duration.ofSeconds(30), () -> running(tmp) == 2);

      CliRun second = CliRun.in(tmp, "run", "long.yaml", "--resume");

      assertThat(second.exitCode()).isEqualTo(2);
      assertThat(second.err()).contains("another rigor is running this experiment (pid " + first.pid() + " on ");
      assertThat(running(tmp)).isEqualTo(2);
    } finally {
      first.destroy();
      first.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
