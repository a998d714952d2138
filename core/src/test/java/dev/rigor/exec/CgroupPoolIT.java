package dev.rigor.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rigor.spec.Limits;
import dev.rigor.spec.MeasureMode;
import dev.rigor.store.Measurement;
import dev.rigor.store.ExperimentDirectory;
import dev.rigor.store.RunStatus;
import dev.rigor.testing.CliRun;
import dev.rigor.testing.Experiments;
import dev.rigor.testing.Jar;
import dev.rigor.testing.Processes;
import dev.rigor.testing.Waits;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cgroup slots reused trial after trial ({@link CgroupPool}), through the API every backend uses
 * ({@link ProcessTrees#create}, {@link ProcessTree}): each trial reports its own peak memory, CPU time
 * and OOM kill, never the previous trial's; a slot left with processes is never reused dirty. Real
 * cgroups (v1 with cpuacct and memory here; v2 without controllers where only cpu.stat and
 * cgroup.kill exist), real processes.
 */
class CgroupPoolIT {

  private static final Path TRIALS = CliRun.repo().resolve("core/src/test/resources/trials");
  /** The interpreter itself, not a version manager's shim (pyenv's costs half a second of CPU per start). */
  private static final String PYTHON = interpreter();

  @TempDir Path tmp;
  private final String marker = Processes.marker();
  private final String key = "it" + UUID.randomUUID().toString().substring(0, 8);

  private static String interpreter() {
    try {
      Process p = new ProcessBuilder("python3", "-c", "import sys; print(sys.executable)").start();
      String path = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
      return p.waitFor() == 0 && !path.isEmpty() ? path : "python3";
    } catch (IOException e) {
      return "python3";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "python3";
    }
  }

  @AfterEach
  void cleanUp() {
    Processes.killAll(marker);
  }

  private ProcessTrees v1() throws ProcessTrees.UnavailableException {
    ProcessTrees trees = ProcessTrees.detect(MeasureMode.CGROUP, key);
    assumeTrue(trees.kind() == Measurement.CGROUP_V1, "cgroup v1 (this machine kind) is needed");
    return trees;
  }

  /** Runs {@code argv} in {@code tree} to its end, stopping whatever it left behind, as LocalRun does. */
  private Process runIn(ProcessTree tree, String... argv) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(argv).directory(tmp.toFile())
        .redirectInput(new File("/dev/null"))
        .redirectOutput(tmp.resolve("out-" + UUID.randomUUID() + ".txt").toFile())
        .redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().put(ProcessTree.ENV, tree.id());
    Process p = tree.start(builder);
    tree.attach(p);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the trial ended").isTrue();
    if (!tree.isEmpty()) {
      TreeKiller.stop(tree, p, Duration.ofMillis(500));
    }
    return p;
  }

  @Test
  void aSmallTrialAfterAMemoryHeavyOneInTheSameSlotReportsItsOwnPeakAndCpu() throws Exception {
    try (ProcessTrees trees = v1()) {
      List<String> slot;
      try (ProcessTree heavy = trees.create("heavy-a1", Limits.NONE)) {
        slot = heavy.cgroups();
        runIn(heavy, PYTHON, TRIALS.resolve("resources.py").toString(), "300", "0.8");
        ProcessTree.Usage u = heavy.usage();
        assertThat(u.peakBytes()).as("the heavy trial's peak").isGreaterThan(300L << 20);
        assertThat(u.cpuSeconds()).isGreaterThan(0.7);
      }
      try (ProcessTree small = trees.create("small-a1", Limits.NONE)) {
        assertThat(small.cgroups()).as("the same slot, reused").isEqualTo(slot);
        runIn(small, PYTHON, TRIALS.resolve("resources.py").toString(), "20", "0");
        ProcessTree.Usage u = small.usage();
        assertThat(u.peakBytes()).as("the small trial's own peak (python + 20 MB), not the 300 MB before it")
            .isBetween(20L << 20, 80L << 20);
        assertThat(u.cpuSeconds()).as("its own CPU time, not the 0.8 s before it").isLessThan(0.5);
        assertThat(small.killedBecause()).isNull();
      }
      assertThat(slot).allSatisfy(dir -> assertThat(Path.of(dir)).exists());
    }
    assertThat(experimentCgroups()).as("closing the trees removes the slots").isEmpty();
  }

  @Test
  void aNormalTrialAfterAnOomKilledOneIsNotReportedKilled() throws Exception {
    Limits limits = new Limits(64L << 20, null);
    try (ProcessTrees trees = v1()) {
      List<String> slot;
      try (ProcessTree oom = trees.create("oom-a1", limits)) {
        slot = oom.cgroups();
        Process p = runIn(oom, PYTHON, TRIALS.resolve("resources.py").toString(), "300", "0");
        assertThat(p.exitValue()).isNotZero();
        assertThat(oom.killedBecause()).contains("out of memory").contains("64m");
        assertThat(oom.usage().peakBytes()).isLessThanOrEqualTo(64L << 20);
        assertThat(oom.limitsEnforced()).isTrue();
      }
      try (ProcessTree normal = trees.create("normal-a1", limits)) {
        assertThat(normal.cgroups()).isEqualTo(slot);
        Process p = runIn(normal, PYTHON, TRIALS.resolve("resources.py").toString(), "10", "0");
        assertThat(p.exitValue()).isZero();
        assertThat(normal.killedBecause()).as("the OOM kill was the previous trial's").isNull();
        assertThat(normal.limitsEnforced()).isTrue();
      }
      try (ProcessTree unlimited = trees.create("unlimited-a1", Limits.NONE)) {
        assertThat(unlimited.cgroups()).isEqualTo(slot);
        Process p = runIn(unlimited, PYTHON, TRIALS.resolve("resources.py").toString(), "150", "0");
        assertThat(p.exitValue()).as("the slot's 64m limit was lifted for a trial without limits").isZero();
        assertThat(unlimited.usage().peakBytes()).isGreaterThan(150L << 20);
        assertThat(unlimited.killedBecause()).isNull();
      }
    }
  }

  /**
   * A trial whose main process exits soon, leaving a daemon (double fork, setsid) that holds 100 MB
   * and burns CPU; the main process waits until the daemon has touched its memory, then a second.
   */
  private String[] daemonTrial() {
    String daemon = """
        import os, sys, time
        if os.fork() == 0:
            os.setsid()
            if os.fork() == 0:
                block = bytearray(100 * 1024 * 1024)
                for i in range(0, len(block), 4096):
                    block[i] = 1
                open("daemon-ready", "w").close()
                while True:
                    pass
            os._exit(0)
        os.wait()
        for _ in range(3000):
            if os.path.exists("daemon-ready"):
                break
            time.sleep(0.01)
        time.sleep(1.0)
        """;
    return new String[] {PYTHON, "-c", daemon, marker};
  }

  @Test
  void aDaemonisedGrandchildIsKilledAndTheNextTrialInTheSlotExcludesIt() throws Exception {
    try (ProcessTrees trees = v1()) {
      List<String> slot;
      try (ProcessTree first = trees.create("daemon-a1", Limits.NONE)) {
        slot = first.cgroups();
        runIn(first, daemonTrial());
        assertThat(first.isEmpty()).isTrue();
        assertThat(first.usage().peakBytes()).as("the daemon's memory was the first trial's").isGreaterThan(100L << 20);
        assertThat(first.usage().cpuSeconds()).isGreaterThan(0.3);
        Files.delete(tmp.resolve("daemon-ready"));
      }
      assertThat(Processes.awaitNone(marker, Duration.ofSeconds(5))).as("the daemon").isEmpty();
      try (ProcessTree next = trees.create("next-a1", Limits.NONE)) {
        assertThat(next.cgroups()).isEqualTo(slot);
        runIn(next, PYTHON, "-c", "pass");
        ProcessTree.Usage u = next.usage();
        assertThat(u.cpuSeconds()).as("none of the daemon's CPU").isLessThan(0.3);
        assertThat(u.peakBytes()).as("none of the daemon's memory").isLessThan(60L << 20);
      }
    }
  }

  @Test
  void aSlotClosedWithProcessesInsideIsEmptiedAndReplacedNeverReused() throws Exception {
    try (ProcessTrees trees = v1()) {
      List<String> dirty;
      ProcessTree first = trees.create("dirty-a1", Limits.NONE);
      dirty = first.cgroups();
      Process p = first.start(new ProcessBuilder(PYTHON, "-c", "import time; time.sleep(300)", marker));
      first.attach(p);
      assertThat(Processes.withMarker(marker)).isNotEmpty();
      first.close(); // a backend that gives the tree back without stopping it

      assertThat(Processes.awaitNone(marker, Duration.ofSeconds(5))).as("what was left in the slot").isEmpty();
      assertThat(dirty).allSatisfy(dir -> assertThat(Path.of(dir)).doesNotExist());
      try (ProcessTree next = trees.create("next-a1", Limits.NONE)) {
        assertThat(next.cgroups()).as("a new slot").doesNotContainAnyElementsOf(dirty);
        runIn(next, "true");
        assertThat(next.usage().cpuSeconds()).isLessThan(0.2);
      }
    }
  }

  @Test
  void cgroupV2WithoutControllersReusesSlotsWithExactCpuAndKillsDaemons() throws Exception {
    Path unified = Cgroups.ownDirectory(null, true);
    assumeTrue(unified != null && Files.isWritable(unified.resolve("cgroup.procs")), "a writable cgroup v2 hierarchy");
    Path base = unified.resolve("rigor-it-" + key);
    Files.createDirectories(base);
    try {
      try (ProcessTrees trees = ProcessTrees.v2(new Cgroups.V2(base), key)) {
        List<String> slot;
        try (ProcessTree busy = trees.create("busy-a1", Limits.NONE)) {
          slot = busy.cgroups();
          runIn(busy, PYTHON, TRIALS.resolve("resources.py").toString(), "10", "2.0");
          assertThat(busy.usage().cpuSeconds()).isGreaterThan(1.9);
          assertThat(busy.measurement()).isEqualTo(Measurement.CGROUP_V2);
          if (!Files.exists(Path.of(slot.get(0)).resolve("memory.peak"))) {
            assertThat(busy.usage().peakBytes()).as("no memory controller: no peak").isNull();
          }
        }
        try (ProcessTree daemon = trees.create("daemon-a1", Limits.NONE)) {
          assertThat(daemon.cgroups()).isEqualTo(slot);
          runIn(daemon, daemonTrial());
          Files.delete(tmp.resolve("daemon-ready"));
          assertThat(daemon.usage().cpuSeconds()).as("its own CPU (the daemon's second at most, plus scheduling slack under load), not the 2 s before").isBetween(0.3, 1.9);
        }
        assertThat(Processes.awaitNone(marker, Duration.ofSeconds(5))).as("the daemon, killed through cgroup.kill").isEmpty();
        try (ProcessTree next = trees.create("next-a1", Limits.NONE)) {
          assertThat(next.cgroups()).isEqualTo(slot);
          runIn(next, "true");
          assertThat(next.usage().cpuSeconds()).isLessThan(0.2);
        }
      }
      try (var left = Files.list(base)) {
        assertThat(left.filter(Files::isDirectory).toList()).as("slots removed on close").isEmpty();
      }
    } finally {
      Cgroups.remove(base);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"resume", "another experiment"})
  void aCoordinatorKilledWithMinusNineLeavesNoCgroupAfterTheNextRun(String next) throws Exception {
    assumeTrue(v1Available(), "cgroup v1 (this machine kind) is needed");
    Experiments.spec(tmp, "crashpool.yaml", """
        name: crashpool
        command: [sh, -c, 'sleep 5', "%s"]
        matrix: {n: [1, 2, 3, 4]}
        jobs: 2
        measure: cgroup
        """.formatted(marker));
    Process coordinator = Jar.start(tmp, "run", "crashpool.yaml");
    ExperimentDirectory dir = Experiments.dir(tmp, "crashpool");
    Waits.until("two trials to be running in their slots", Duration.ofSeconds(60), () -> slots(dir).size() >= 4);
    List<Path> slots = slots(dir);
    coordinator.destroyForcibly().waitFor();
    assertThat(slots).as("the dead coordinator's slots").allSatisfy(d -> assertThat(d).exists());
    assertThat(Processes.withMarker(marker)).as("its trials, still running").isNotEmpty();

    CliRun run;
    if (next.equals("resume")) {
      run = CliRun.in(tmp, "run", "crashpool.yaml", "--resume", "--quiet");
    } else {
      Path other = Files.createDirectories(tmp.resolve("other"));
      Experiments.spec(other, "other.yaml", "name: other\ncommand: [\"true\"]\nmeasure: cgroup\n");
      run = CliRun.in(other, "run", "other.yaml", "--quiet");
    }

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(Processes.awaitNone(marker, Duration.ofSeconds(5))).as("the dead coordinator's trials").isEmpty();
    assertThat(slots).as("its slots").allSatisfy(d -> assertThat(d).doesNotExist());
    assertThat(slots).as("its experiment's cgroup directories").allSatisfy(d -> assertThat(d.getParent()).doesNotExist());
  }

  private static boolean v1Available() {
    return Cgroups.v1().isPresent();
  }

  /** The cgroup directories recorded by the running trials of {@code dir}. */
  private static List<Path> slots(ExperimentDirectory dir) {
    try {
      return Experiments.metas(dir).stream().filter(m -> m.status() == RunStatus.RUNNING)
          .flatMap(m -> m.cgroups().stream()).map(Path::of).toList();
    } catch (RuntimeException e) {
      return List.of(); // a meta.json being replaced
    }
  }

  /** Directories of this test's experiment in the v1 hierarchies. */
  private List<Path> experimentCgroups() throws IOException {
    List<Path> out = new java.util.ArrayList<>();
    for (String controller : List.of("cpuacct", "memory")) {
      Path own = Cgroups.ownDirectory(controller, false);
      if (own != null && Files.isDirectory(own.resolve("rigor").resolve(key))) {
        out.add(own.resolve("rigor").resolve(key));
      }
    }
    return out;
  }
}
