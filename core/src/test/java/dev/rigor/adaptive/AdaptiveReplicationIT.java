package dev.rigor.adaptive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rigor.store.AdaptiveFile;
import dev.rigor.store.ExperimentDirectory;
import dev.rigor.store.RunMeta;
import dev.rigor.testing.CliRun;
import dev.rigor.testing.Experiments;
import dev.rigor.testing.Jar;
import dev.rigor.testing.Waits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adaptive replication end to end with real trial processes: quiet variations stop at min_seeds,
 * noisy ones get seeds up to max_seeds, a decided comparison stops when its interval excludes 0,
 * and an interrupt in the middle of a round resumes without losing or repeating a trial.
 */
class AdaptiveReplicationIT {

  @TempDir Path tmp;

  /** score = 10 + sd × N(0, 1) drawn from the seed; {shift} moves the candidate; {sleep} slows a trial down. */
  private static final String TRIAL = """
      import json, os, random, sys, time
      sd, shift, sleep, seed = float(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), int(os.environ["RIGOR_SEED"])
      time.sleep(sleep)
      shared = random.Random(seed).gauss(0, 1)
      own = random.Random(seed * 7 + int(sd * 1000) + int(shift * 10000)).gauss(0, 1)
      with open(os.environ["RIGOR_METRICS"], "a") as f:
          f.write(json.dumps({"score": 10 + shift + sd * (0.8 * shared + 0.6 * own)}) + "\\n")
      """;

  private void spec(String name, String matrix, String until, double sleep) {
    Experiments.spec(tmp, "trial.py", TRIAL);
    Experiments.spec(tmp, name + ".yaml", """
        name: %s
        command: [python3, trial.py, "{sd}", "{shift}", "%s"]
        matrix: %s
        seeds: {start: 1, step: 1}
        jobs: 2
        adaptive:
          metrics: [score]
          until: %s
          min_seeds: 4
          max_seeds: 12
          batch: 4
        """.formatted(name, sleep, matrix, until));
  }

  private Map<String, AdaptiveFile.VariationState> states(String name) throws Exception {
    AdaptiveFile a = AdaptiveFile.read(Experiments.dir(tmp, name)).orElseThrow();
    return a.variations().stream().collect(Collectors.toMap(v -> v.axes().get("sd"), Function.identity()));
  }

  @Test
  void quietVariationsStopAtMinSeedsAndNoisyOnesRunToMaxSeeds() throws Exception {
    spec("precision", "{sd: [0.001, 3], shift: [0]}", "{ci_halfwidth: 1%}", 0);

    CliRun plan = CliRun.in(tmp, "plan", "precision.yaml");
    assertThat(plan.exitCode()).isZero();
    assertThat(plan.out()).contains("precision: 8 trials").contains("adaptive: this is round 1 (2 variations × 4 seeds)")
        .contains("at most 24 trials in 3 rounds");

    CliRun run = CliRun.in(tmp, "run", "precision.yaml", "--no-report");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("adaptive replication stopped (max_seeds)").contains("after round 3:");

    Map<String, AdaptiveFile.VariationState> s = states("precision");
    assertThat(s.get("0.001").state()).isEqualTo("clear");
    assertThat(s.get("0.001").seeds()).isEqualTo(4);
    assertThat(s.get("0.001").metrics().get(0).n()).isEqualTo(4);
    assertThat(s.get("3").state()).isEqualTo("max_seeds");
    assertThat(s.get("3").seeds()).isEqualTo(12);
    assertThat(s.get("3").why()).contains("still unclear at max_seeds: score ±");
    List<RunMeta> metas = Experiments.metas(Experiments.dir(tmp, "precision"));
    assertThat(metas).hasSize(16).allSatisfy(m -> assertThat(m.attempt()).isEqualTo(1));
    // the noisy variation ran the first 12 seeds of the sequence, the quiet one the first 4: pairing by seed survives
    assertThat(metas.stream().filter(m -> m.params().get("sd").toString().equals("0.001")).map(RunMeta::seed).sorted().toList())
        .containsExactly(1L, 2L, 3L, 4L);

    CliRun status = CliRun.in(tmp, "status", "runs/precision");
    assertThat(status.out()).contains("adaptive: round 3, stopped (max_seeds)").contains("max_seeds at 12 seeds");
  }

  @Test
  void aDecidedComparisonStopsWhenItsIntervalExcludesZero() throws Exception {
    spec("decided", "{sd: [0.2], shift: [0, 1, 0.01]}", "{decided: {control: \"shift=0\", margin: 0.5}}", 0);

    CliRun run = CliRun.in(tmp, "run", "decided.yaml", "--no-report");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    AdaptiveFile a = AdaptiveFile.read(Experiments.dir(tmp, "decided")).orElseThrow();
    assertThat(a.variations()).extracting(v -> v.axes().get("shift")).containsExactlyInAnyOrder("0", "1", "0.01");
    Map<String, AdaptiveFile.VariationState> byShift = a.variations().stream()
        .collect(Collectors.toMap(v -> v.axes().get("shift"), Function.identity()));
    assertThat(byShift.get("1").metrics().get(0).verdict()).isEqualTo("higher");
    assertThat(byShift.get("0.01").metrics().get(0).verdict()).isEqualTo("equivalent");
    assertThat(byShift.get("0").state()).isEqualTo("clear");
    assertThat(a.stop()).isEqualTo("all_clear");
  }

  /** The example specs are test inputs: both load, and the adaptive one plans its first round and bounds. */
  @Test
  void theCurvesExampleSpecsPlan() {
    CliRun fixed = CliRun.in(CliRun.repo(), "plan", "examples/curves/fixed.yaml");
    assertThat(fixed.exitCode()).as(fixed.toString()).isZero();
    assertThat(fixed.out()).contains("curves-fixed: 30 trials");
    CliRun adaptive = CliRun.in(CliRun.repo(), "plan", "examples/curves/adaptive.yaml");
    assertThat(adaptive.exitCode()).as(adaptive.toString()).isZero();
    assertThat(adaptive.out()).contains("curves-adaptive: 30 trials = 6 variations × 5 seeds in round 1")
        .contains("at most 120 trials in 4 rounds");
  }

  @Test
  void aControlMatchingNoVariationIsAUsageErrorAndNothingRuns() throws Exception {
    spec("nocontrol", "{sd: [0.2], shift: [0, 1]}", "{decided: {control: \"shift=7\"}}", 0);
    CliRun run = CliRun.in(tmp, "run", "nocontrol.yaml");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("matches 0 variations");
    assertThat(new ExperimentDirectory(tmp.resolve("runs/nocontrol")).hasRuns()).isFalse();
  }

  @Test
  void anInterruptInTheMiddleOfARoundResumesThatRound() throws Exception {
    spec("resume", "{sd: [0.001, 3], shift: [0]}", "{ci_halfwidth: 1%}", 0.7);
    Process first = Jar.start(tmp, "run", "resume.yaml", "--no-report");
    ExperimentDirectory dir = Experiments.dir(tmp, "resume");
    Waits.until("round 2 under way", Duration.ofSeconds(60), () -> {
      try {
        return AdaptiveFile.read(dir).map(a -> a.round() == 2).orElse(false) && Experiments.metas(dir).size() >= 10;
      } catch (Exception e) {
        return false;
      }
    });
    new ProcessBuilder("kill", "-INT", Long.toString(first.pid())).start().waitFor();
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(first.exitValue()).isEqualTo(130);
    AdaptiveFile halted = AdaptiveFile.read(dir).orElseThrow();
    assertThat(halted.round()).isEqualTo(2);

    CliRun resumed = CliRun.in(tmp, "run", "resume.yaml", "--resume", "--no-report");
    assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
    Map<String, AdaptiveFile.VariationState> s = states("resume");
    assertThat(s.get("0.001").seeds()).isEqualTo(4);
    assertThat(s.get("3").seeds()).isEqualTo(12);
    List<RunMeta> metas = Experiments.metas(dir);
    assertThat(metas).hasSize(16);
    assertThat(metas.stream().filter(m -> m.status() == dev.rigor.store.RunStatus.OK)).hasSize(16);
  }
}
