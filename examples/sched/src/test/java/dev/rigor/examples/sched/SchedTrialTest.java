package dev.rigor.examples.sched;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-process entry point gives what the command line gives, file for file. */
class SchedTrialTest {
  @TempDir Path tmp;

  @Test
  void writesTheSameFilesAsTheCommandLine() throws Exception {
    Path inProcess = tmp.resolve("in-process");
    SimResult result = SchedTrial.run(Map.of("workflows", 5, "pdfs", 10, "policy", "dag_escalation",
        "disable_hedging", true, "time_scale", 50), 7, inProcess);
    Path cli = tmp.resolve("cli");
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertThat(Main.run(new String[] {"--workflows", "5", "--pdfs", "10", "--policy", "dag_escalation",
        "--disable_hedging", "--time_scale", "50", "--seed", "7", "--out_dir", cli.toString()}, quiet, quiet, Map.of())).isZero();
    for (String file : new String[] {ResultFiles.SUMMARY, ResultFiles.WORKFLOWS, ResultFiles.TIERS, ResultFiles.TRACE}) {
      assertThat(Files.readString(inProcess.resolve(file))).as(file).isEqualTo(Files.readString(cli.resolve(file)));
    }
    assertThat(result.totalHedges()).isZero();
  }

  @Test
  void namesAnUnknownParameter() {
    assertThatThrownBy(() -> SchedTrial.run(Map.of("polcy", "full"), 1, tmp.resolve("x")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("polcy").hasMessageContaining("policy");
  }
}
