package dev.rigor.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rigor.spec.Goal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentReaderTest {

  @TempDir Path dir;

  @Test
  void readsWhatTheSpecDeclaredAndTheLatestRuns() throws Exception {
    Experiment e = ExperimentReader.read(ToyExperiments.run(dir, "toy"));
    assertThat(e.name()).isEqualTo("toy");
    assertThat(e.runs()).hasSize(18);
    assertThat(e.okRuns()).hasSize(18);
    assertThat(e.matrixAxes()).containsExactly("variant");
    assertThat(e.goals()).isEqualTo(Map.of("latency", Goal.MIN, "score", Goal.MAX));
    assertThat(e.reportControl()).isEqualTo(Map.of("variant", "base"));
    assertThat(e.hasAblations()).isFalse();
    assertThat(e.attributeKeys()).startsWith("variant", "ablation", "seed", "replicate").contains("shift", "fail_seed");
    assertThat(e.notes()).isEmpty();
  }

  @Test
  void readsTheRunDirectoriesAndTheLedgerOnlyWithoutThem() throws Exception {
    Path exp = ToyExperiments.run(dir, "toy");
    Files.delete(exp.resolve("rigor.db"));
    Experiment fromFiles = ExperimentReader.read(exp);
    assertThat(fromFiles.runs()).hasSize(18);
    RunValues v = new RunValues(fromFiles);
    assertThat(v.scalarNames()).containsExactly("latency", "score", "tokens", "wall_time_s", "cpu_time_s", "peak_rss_bytes");

    Path other = ToyExperiments.run(dir, "ledger-only");
    try (var paths = Files.walk(other.resolve("runs"))) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    Experiment fromLedger = ExperimentReader.read(other);
    assertThat(fromLedger.runs()).hasSize(18);
    assertThat(fromLedger.notes()).containsExactly("no run directories: read the runs from the ledger");
    assertThat(new RunValues(fromLedger).values(fromLedger.okRuns(), Metric.scalar("latency"))).hasSize(18);
  }

  @Test
  void unreadableRunDirectoriesAreLeftOutWithANote() throws Exception {
    Path exp = ToyExperiments.run(dir, "toy", "params.fail_seed=2");
    Path failed = exp.resolve("runs").resolve(runId(exp, "fast__seed2__"));
    Files.writeString(failed.resolve("meta.json"), "{ not json");
    Path ok = exp.resolve("runs").resolve(runId(exp, "base__seed1__"));
    Files.writeString(ok.resolve("meta.json"), "{ not json");

    Experiment e = ExperimentReader.read(exp);
    assertThat(e.runs()).as("the ledger's ok row stands in for the broken ok run; the failed one is left out").hasSize(17);
    assertThat(e.runs()).extracting(r -> r.meta().runId()).contains(ok.getFileName().toString())
        .doesNotContain(failed.getFileName().toString());
    assertThat(e.notes()).containsExactly("1 run directories have no readable meta.json and are left out");

    Files.delete(exp.resolve("rigor.db"));
    Experiment withoutLedger = ExperimentReader.read(exp);
    assertThat(withoutLedger.runs()).hasSize(16);
    assertThat(withoutLedger.notes()).containsExactly("2 run directories have no readable meta.json and are left out");
  }

  private static String runId(Path exp, String prefix) throws java.io.IOException {
    try (var names = Files.list(exp.resolve("runs"))) {
      return names.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix)).findFirst().orElseThrow();
    }
  }

  @Test
  void saysWhatIsWrongWithTheDirectory() throws Exception {
    assertThatThrownBy(() -> ExperimentReader.read(dir.resolve("nope"))).isInstanceOf(AnalysisException.class)
        .hasMessageEndingWith("nope does not exist");
    assertThatThrownBy(() -> ExperimentReader.read(dir)).isInstanceOf(AnalysisException.class)
        .hasMessageContaining("is not an experiment directory");
    Files.createDirectories(dir.resolve("empty/runs"));
    assertThatThrownBy(() -> ExperimentReader.read(dir.resolve("empty"))).isInstanceOf(AnalysisException.class)
        .hasMessageContaining("has no runs yet");
  }
}
