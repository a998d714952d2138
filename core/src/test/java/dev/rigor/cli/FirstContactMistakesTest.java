package dev.rigor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rigor.testing.CliRun;
import dev.rigor.testing.Experiments;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mistakes a new user makes get a clear answer, never silence (issue 11 §2), with real sweeps of a Python trial. */
class FirstContactMistakesTest {

  @TempDir Path dir;

  private static final String BANDIT = String.join("\n",
      "import random, sys",
      "arms, epsilon, steps, seed = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])",
      "r = random.Random(seed * 31 + arms)",
      "print('avg_reward=%f' % (1 - epsilon + steps / 1000.0 + r.gauss(0, 0.05)))", "");

  private String spec(String script, String goals, String extra) {
    return String.join("\n",
        "name: bandit",
        "command: [python3, " + script + ", \"{arms}\", \"{epsilon}\", \"{steps}\", \"{seed}\"]",
        "params: {epsilon: 0.1, steps: 2000, msg: hi}",
        "matrix: {arms: [5, 10]}",
        "seeds: [1, 2, 3, 4]",
        "jobs: 1",
        "metrics: [{regex: {file: stdout, pattern: \"avg_reward=([-0-9.]+)\", name: avg_reward, type: float}}]",
        "goals: " + goals,
        extra, "");
  }

  private void write(String script, String goals) {
    Experiments.spec(dir, "bandit.py", BANDIT);
    Experiments.spec(dir, "bandit.yaml", spec(script, goals, ""));
  }

  @Test
  void setWithAnUnknownKeyIsAnErrorWithDidYouMeanAndPlusAddsOne() {
    write("bandit.py", "{avg_reward: max}");
    CliRun typo = CliRun.in(dir, "run", "bandit.yaml", "--set", "epsilom=0.2", "--quiet");
    assertThat(typo.exitCode()).as(typo.toString()).isEqualTo(2);
    assertThat(typo.err()).contains("unknown param 'epsilom' — did you mean 'epsilon'?").contains("--set +epsilom=0.2");
    assertThat(dir.resolve("runs")).doesNotExist();
    CliRun added = CliRun.in(dir, "plan", "bandit.yaml", "--set", "+temperature=0.5", "--format", "json");
    assertThat(added.exitCode()).as(added.toString()).isZero();
    assertThat(added.out()).contains("temperature");
    assertThat(CliRun.in(dir, "plan", "bandit.yaml", "--set", "epsilon=0.3").exitCode()).isZero();
  }

  @Test
  void aGoalThatIsATypoOfADeclaredMetricIsASpecError() {
    write("bandit.py", "{avg_rewrd: max}");
    CliRun r = CliRun.in(dir, "run", "bandit.yaml", "--quiet");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("goal 'avg_rewrd' names no declared metric — did you mean 'avg_reward'?").contains("bandit.yaml:8");
    assertThat(dir.resolve("runs")).doesNotExist();
  }

  @Test
  void aGoalNoRunHasIsWarnedByRunCompareAndSummary() {
    write("bandit.py", "{avg_reward: max, throughput: max}");
    CliRun run = CliRun.in(dir, "run", "bandit.yaml", "--quiet", "--no-report");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    String warning = "the spec's goals/report.metrics name 'throughput', but no ok run has that metric";
    assertThat(run.err()).contains("rigor: warning: " + warning);
    assertThat(CliRun.in(dir, "compare", "runs/bandit", "--control", "arms=5").out()).contains(warning);
    assertThat(CliRun.in(dir, "summary", "runs/bandit").out()).contains(warning);
  }

  @Test
  void theFailureReasonLeadsWithExitStatusAndStderrAndIdenticalFailuresAreGrouped() {
    write("bandt.py", "{avg_reward: max}");
    CliRun run = CliRun.in(dir, "run", "bandit.yaml", "--no-report", "--set", "msg=hello world");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).contains("failures (1 reason):").contains("8 × failed  exit code 2 — stderr: ")
        .contains("python3: can't open file").contains("bandt.py");
    // the progress says so after the first three, while five are still to run
    assertThat(run.err()).contains("warning: the first 3 trials all failed the same way (exit code 2 — stderr: ")
        .contains("--fail-fast");
    // the continue: line pastes into a shell
    assertThat(run.out()).contains("continue: rigor run bandit.yaml --resume --set 'msg=hello world'");
    CliRun status = CliRun.in(dir, "status", "runs/bandit");
    assertThat(status.out()).contains("8 × failed  exit code 2 — stderr: ").contains("python3: can't open file");
    assertThat(status.out().split("can't open file", -1)).as("one group, its stderr shown once").hasSizeLessThanOrEqualTo(4);
  }

  @Test
  void runsOfAnEarlierDefinitionAreNeverPooledSilently() throws Exception {
    write("bandit.py", "{avg_reward: max}");
    assertThat(CliRun.in(dir, "run", "bandit.yaml", "--quiet", "--no-report").exitCode()).isZero();
    CliRun drift = CliRun.in(dir, "run", "bandit.yaml", "--quiet", "--no-report", "--resume", "--allow-drift", "--set", "steps=3000");
    assertThat(drift.exitCode()).as(drift.toString()).isZero();
    String note = "8 runs of an earlier definition of the trials (the spec changed; resumed with --allow-drift) are left out";
    assertThat(drift.out()).contains(note);
    CliRun status = CliRun.in(dir, "status", "runs/bandit");
    assertThat(status.out()).contains("progress: 8 of 8 planned trials ok (100%)").contains(note);
    JsonNode summary = new ObjectMapper().readTree(CliRun.in(dir, "summary", "runs/bandit", "--format", "json").out());
    assertThat(summary.get(0).get("n").asInt()).as("only the current definition").isEqualTo(4);
    assertThat(summary.get(0).get("mean").asDouble()).as("steps 3000").isGreaterThan(3.5);
    CliRun human = CliRun.in(dir, "summary", "runs/bandit");
    assertThat(human.out()).contains(note).contains("add --all-definitions to include them");
    assertThat(CliRun.in(dir, "compare", "runs/bandit", "--control", "arms=5").out()).contains(note);
    JsonNode all = new ObjectMapper().readTree(CliRun.in(dir, "summary", "runs/bandit", "--all-definitions", "--format", "json").out());
    assertThat(all.get(0).get("n").asInt()).isEqualTo(8);
    CliRun report = CliRun.in(dir, "report", "runs/bandit", "--format", "md");
    assertThat(report.exitCode()).as(report.toString()).isZero();
    assertThat(report.out()).contains("earlier definition");
  }
}
