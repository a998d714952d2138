package dev.rigor.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rigor.store.ExperimentDirectory;
import dev.rigor.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rigor report} on the command line, and the report at the end of {@code rigor run}. */
class ReportCommandTest {

  @TempDir Path tmp;

  @Test
  void markdownAloneGoesToStdoutAndNothingIsWritten() {
    ExperimentDirectory dir = ReportFixtures.write(tmp, "fixture", "");
    CliRun run = CliRun.in(tmp, "report", "fixture", "--format", "md", "--resamples", "500");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).startsWith("# fixture — rigor report").contains("## Against the control: policy=slow");
    assertThat(dir.report()).doesNotExist();
  }

  @Test
  void seed004SpellingsWriteTheReportWhereAsked() {
    ReportFixtures.write(tmp, "fixture", "");
    CliRun run = CliRun.in(tmp, "report", "--exp_dir", "fixture", "--out_dir", "elsewhere", "--runs_csv", "fixture/aggregate/runs.csv",
        "--format", "html,md", "--resamples", "500");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("report: elsewhere/index.html").contains("wrote: elsewhere/report.md");
    assertThat(run.err()).contains("--runs_csv is not needed");
    assertThat(tmp.resolve("elsewhere/index.html")).content().contains("\"runsBase\":\"../fixture/runs/\"");
  }

  @Test
  void mistakesAreUsageErrorsThatSayWhatExists() {
    ReportFixtures.write(tmp, "fixture", "");

    CliRun format = CliRun.in(tmp, "report", "fixture", "--format", "html,pdf");
    assertThat(format.exitCode()).isEqualTo(2);
    assertThat(format.err()).contains("unknown report format 'pdf'");

    CliRun metric = CliRun.in(tmp, "report", "fixture", "--metric", "latncy_ms");
    assertThat(metric.exitCode()).isEqualTo(2);
    assertThat(metric.err()).contains("unknown metric 'latncy_ms'").contains("did you mean 'latency_ms'");

    CliRun facet = CliRun.in(tmp, "report", "fixture", "--facet", "polcy");
    assertThat(facet.exitCode()).isEqualTo(2);
    assertThat(facet.err()).contains("--facet 'polcy'").contains("policy");

    CliRun control = CliRun.in(tmp, "report", "fixture", "--control", "policy=nope");
    assertThat(control.exitCode()).as(control.toString()).isEqualTo(2);
    assertThat(control.err()).contains("policy=nope");
    assertThat(tmp.resolve("fixture/report/index.html")).doesNotExist();

    CliRun missing = CliRun.in(tmp, "report", "nowhere");
    assertThat(missing.exitCode()).isEqualTo(2);
  }

  @Test
  void runWritesTheReportAfterTheResultsUnlessToldNotTo() throws Exception {
    Files.writeString(tmp.resolve("spec.yaml"), """
        name: tiny
        command: [sh, -c, 'echo "score=$RIGOR_SEED"']
        matrix: {policy: [a, b]}
        seeds: [1, 2]
        metrics: [{regex: {file: stdout, pattern: "score=([0-9]+)", name: score, type: float}}]
        """);
    CliRun run = CliRun.in(tmp, "run", "spec.yaml", "--quiet");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).endsWith("results: runs/tiny/aggregate/runs.csv\nreport: runs/tiny/report/index.html\n");
    assertThat(tmp.resolve("runs/tiny/report/index.html")).exists();

    CliRun quiet = CliRun.in(tmp, "run", "spec.yaml", "--quiet", "--name", "tiny2", "--no-report");
    assertThat(quiet.exitCode()).as(quiet.toString()).isZero();
    assertThat(quiet.out()).doesNotContain("report:");
    assertThat(tmp.resolve("runs/tiny2/report")).doesNotExist();
  }

  @Test
  void anExperimentWhoseRunsAllFailedStillGetsItsReport() throws Exception {
    Files.writeString(tmp.resolve("spec.yaml"), """
        name: broken
        command: [sh, -c, 'echo "cannot find model weights for $RIGOR_SEED" >&2; exit 7']
        matrix: {policy: [a, b]}
        seeds: [1, 2]
        report: {control: {policy: a}}
        """);
    CliRun run = CliRun.in(tmp, "run", "spec.yaml", "--quiet");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).contains("report: runs/broken/report/index.html");

    CliRun md = CliRun.in(tmp, "report", "runs/broken", "--format", "md");
    assertThat(md.exitCode()).as(md.toString()).isZero();
    assertThat(md.out()).contains("**4 runs**: 4 failed").contains("## Failures (4)").contains("cannot find model weights for 2")
        .doesNotContain("## Metrics by variation");
    assertThat(Files.readString(tmp.resolve("runs/broken/report/index.html"))).contains("Failures (4)");
  }
}
