package dev.rigor.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rigor.store.ExperimentDirectory;
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
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The coordinator is killed with -9 in the middle of a sweep; --resume then runs exactly the
 * trials that did not finish — none lost, none finished twice — and no orphan of the dead
 * coordinator ever writes into a re-run's directory.
 */
class CrashResumeIT {

  @TempDir Path tmp;
  private final String marker = Processes.marker();

  @AfterEach
  void cleanUp() {
    Processes.killAll(marker);
  }

  @ParameterizedTest
  @ValueSource(strings = {"cgroup", "proc"})
  void killMinusNineThenResumeRunsExactlyTheMissingTrials(String measure) throws Exception {
    // Each trial records its pid, works for a while, then (if still alive) logs its completion and the pid that finished.
    // The 3 s of work is the window the resume has to stop the dead coordinator's trials before they finish on their own
    // (a loaded CI machine once needed more than 1.5 s).
    Experiments.spec(tmp, "crash.yaml", """
        name: crash
        command: [sh, -c, 'echo $$ > "$RIGOR_OUT/pid"; sleep 3; echo "$RIGOR_RUN_ID $$" >> "%s/done.log"; echo $$ > "$RIGOR_OUT/finished"', "%s"]
        matrix: {n: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]}
        jobs: 2
        measure: %s
        """.formatted(tmp, marker, measure));
    Process coordinator = Jar.start(tmp, "run", "crash.yaml");
    Waits.until("some trials to finish", Duration.ofSeconds(60), () -> Experiments.lines(tmp.resolve("done.log")).size() >= 3);
    // Kill only when every trial that finished is recorded: a trial that finished but whose record the
    // coordinator had not yet written when it died is rightly run again (nothing says how it ended).
    ExperimentDirectory crash = Experiments.dir(tmp, "crash");
    Waits.until("two trials to be running and every finished one recorded", Duration.ofSeconds(30),
        () -> running(crash) == 2 && ok(crash) == Experiments.lines(tmp.resolve("done.log")).size());
    coordinator.destroyForcibly().waitFor();
    int finishedBeforeCrash = Experiments.lines(tmp.resolve("done.log")).size();

    CliRun resumed = CliRun.in(tmp, "run", "crash.yaml", "--resume");

    assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
    assertThat(resumed.err()).contains("stopped").contains("left running by a coordinator that died");
    List<String> done = Experiments.lines(tmp.resolve("done.log"));
    Map<String, Long> completions = done.stream().map(l -> l.split(" ")[0]).collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(completions).as("every trial completed exactly once").hasSize(12).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
    assertThat(resumed.err()).contains("running " + (12 - finishedBeforeCrash) + " of 12 trials");

    ExperimentDirectory dir = Experiments.dir(tmp, "crash");
    for (RunMeta m : Experiments.metas(dir)) {
      assertThat(m.status()).isEqualTo(RunStatus.OK);
      Path out = dir.run(m.runId()).out();
      assertThat(Files.readString(out.resolve("finished"))).as("the process that finished is the re-run's own").isEqualTo(Files.readString(out.resolve("pid")));
      if (m.attempt() > 1) {
        assertThat(dir.run(m.runId()).root().resolve("attempts/1/meta.json")).exists();
      }
    }
    assertThat(Experiments.metas(dir)).filteredOn(m -> m.attempt() == 2).hasSize(2);
    assertThat(Processes.awaitNone(marker, Duration.ofSeconds(5))).isEmpty();
  }

  private static long ok(ExperimentDirectory dir) {
    return count(dir, m -> m.status() == RunStatus.OK);
  }

  private static long running(ExperimentDirectory dir) {
    return count(dir, m -> m.status() == RunStatus.RUNNING && m.pid() != null);
  }

  private static long count(ExperimentDirectory dir, java.util.function.Predicate<RunMeta> which) {
    try {
      return Experiments.metas(dir).stream().filter(which).count();
    } catch (RuntimeException e) {
      return -1; // a meta.json is being replaced (or not written yet); look again
    }
  }
}
