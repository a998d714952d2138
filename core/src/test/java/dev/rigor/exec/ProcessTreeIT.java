package dev.rigor.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rigor.store.Measurement;
import dev.rigor.store.RunMeta;
import dev.rigor.store.RunStatus;
import dev.rigor.testing.CliRun;
import dev.rigor.testing.Experiments;
import dev.rigor.testing.Processes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Real process trees: timeouts and clean-up reach every descendant, in cgroup and in /proc mode. */
class ProcessTreeIT {

  private static final Path TRIALS = CliRun.repo().resolve("core/src/test/resources/trials");

  @TempDir Path tmp;
  private final String marker = Processes.marker();

  @AfterEach
  void cleanUp() {
    Processes.killAll(marker);
  }

  private List<RunMeta> run(String measure, String mode, String timeout, String... extra) {
    Experiments.spec(tmp, "tree.yaml", """
        name: tree
        command: [python3, "%s", "%s", "%s"]
        timeout: %s
        kill_grace: 1s
        measure: %s
        """.formatted(TRIALS.resolve("tree.py"), marker, mode, timeout, measure));
    String[] args = new String[3 + extra.length];
    args[0] = "run";
    args[1] = "tree.yaml";
    args[2] = "--quiet";
    System.arraycopy(extra, 0, args, 3, extra.length);
    CliRun.in(tmp, args);
    return Experiments.metas(Experiments.dir(tmp, "tree"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"cgroup", "proc"})
  void timeoutKillsTheWholeTreeIncludingADaemonizedGrandchild(String measure) {
    List<RunMeta> metas = run(measure, "sleep", "2s");

    assertThat(metas).singleElement().satisfies(m -> {
      assertThat(m.status()).isEqualTo(RunStatus.TIMEOUT);
      assertThat(m.error()).contains("timed out after 2s");
      assertThat(m.wallTimeS()).isBetween(2.0, 20.0);
      assertThat(m.measurement()).isEqualTo(measure.equals("proc") ? Measurement.PROC : Measurement.CGROUP_V1);
    });
    assertThat(Processes.awaitNone(marker, Duration.ofSeconds(5))).as("survivors of the tree").isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"cgroup", "proc"})
  void processesLeftBehindByAFinishedTrialAreStopped(String measure) {
    List<RunMeta> metas = run(measure, "exit", "1m");

    assertThat(metas).singleElement().satisfies(m -> assertThat(m.status()).isEqualTo(RunStatus.OK));
    assertThat(Processes.awaitNone(marker, Duration.ofSeconds(5))).as("survivors of the tree").isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"cgroup", "proc"})
  void measuresCpuAndPeakMemoryOfTheWholeTree(String measure) {
    Experiments.spec(tmp, "res.yaml", """
        name: res
        command: [python3, "%s", "200", "1.0"]
        measure: %s
        """.formatted(TRIALS.resolve("resources.py"), measure));

    CliRun run = CliRun.in(tmp, "run", "res.yaml", "--quiet");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    RunMeta m = Experiments.metas(Experiments.dir(tmp, "res")).get(0);
    assertThat(m.cpuTimeS()).as("CPU of the grandchild's busy loop").isGreaterThan(measure.equals("proc") ? 0.6 : 0.9);
    assertThat(m.peakRssBytes()).as("peak memory of the tree").isGreaterThan(200L << 20);
    assertThat(m.wallTimeS()).isGreaterThan(1.0);
  }

  @org.junit.jupiter.api.Test
  void memoryLimitIsEnforcedByTheCgroupAndReported() {
    Experiments.spec(tmp, "oom.yaml", """
        name: oom
        command: [python3, "%s", "300", "0"]
        limits: {memory: 64m}
        measure: cgroup
        """.formatted(TRIALS.resolve("resources.py")));

    CliRun.in(tmp, "run", "oom.yaml", "--quiet");

    RunMeta m = Experiments.metas(Experiments.dir(tmp, "oom")).get(0);
    assertThat(m.status()).isEqualTo(RunStatus.FAILED);
    assertThat(m.error()).contains("out of memory").contains("64m");
    assertThat(m.limitsEnforced()).isTrue();
    assertThat(m.peakRssBytes()).isLessThanOrEqualTo(64L << 20);
  }

  @org.junit.jupiter.api.Test
  void limitsAreReportedUnenforcedWithoutCgroups() {
    Experiments.spec(tmp, "nolimit.yaml", """
        name: nolimit
        command: [python3, "%s", "10", "0"]
        limits: {memory: 64m}
        measure: proc
        """.formatted(TRIALS.resolve("resources.py")));

    CliRun.in(tmp, "run", "nolimit.yaml", "--quiet");

    RunMeta m = Experiments.metas(Experiments.dir(tmp, "nolimit")).get(0);
    assertThat(m.status()).isEqualTo(RunStatus.OK);
    assertThat(m.limitsEnforced()).isFalse();
  }

  @org.junit.jupiter.api.Test
  void cpuLimitThrottlesTheTree() {
    Experiments.spec(tmp, "cpu.yaml", """
        name: cpu
        command: [python3, "-c", "import time\\nend = time.time() + 2\\nwhile time.time() < end: pass"]
        limits: {cpus: 0.25}
        measure: cgroup
        """);

    CliRun.in(tmp, "run", "cpu.yaml", "--quiet");

    RunMeta m = Experiments.metas(Experiments.dir(tmp, "cpu")).get(0);
    assertThat(m.status()).isEqualTo(RunStatus.OK);
    assertThat(m.limitsEnforced()).isTrue();
    assertThat(m.cpuTimeS() / m.wallTimeS()).as("CPU share under a 0.25-CPU quota").isLessThan(0.4);
  }
}
