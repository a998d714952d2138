package dev.rigor.examples.sched;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultFilesTest {
  @TempDir Path tmp;

  @Test
  void writesEveryFileWithTheContractedHeaders() throws IOException {
    SimResult result = Simulation.run(SeedAverages.seed004(12, Policy.FULL), 3);
    Path dir = tmp.resolve("nested/out");

    ResultFiles.write(result, dir);

    List<String> summary = Files.readAllLines(dir.resolve("summary.csv"));
    assertThat(summary).hasSize(2);
    assertThat(summary.get(0)).isEqualTo(
        "makespan_mean_ms,makespan_p50_ms,makespan_p95_ms,makespan_p99_ms,cost_mean,cost_p50");
    assertThat(summary.get(1).split(",")).hasSize(6);

    List<String> tiers = Files.readAllLines(dir.resolve("tiers.csv"));
    assertThat(tiers.get(0))
        .startsWith("provider,tier_id,queue_wait_p95_ms,utilization,in_flight_avg");
    assertThat(tiers).hasSize(1 + TierCatalog.all().size());
    assertThat(tiers.get(1)).startsWith("pdf_provider,0,");

    List<String> workflows = Files.readAllLines(dir.resolve("workflows.csv"));
    assertThat(workflows.get(0)).startsWith("workflow_id,arrival_ms,finish_ms,makespan_ms,cost,"
        + "n_requests,n_attempts,hedges,escalations");
    assertThat(workflows).hasSize(13);

    assertThat(Files.readString(dir.resolve("trace.json")))
        .startsWith("{\n  \"schema\": \"sched-sim.trace/1\",");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).collect(Collectors.toList()))
          .containsExactlyInAnyOrder("summary.csv", "workflows.csv", "tiers.csv", "trace.json");
    }
  }

  @Test
  void summaryRowMatchesTheResult() {
    SimResult result = Simulation.run(SeedAverages.seed004(12, Policy.FULL), 3);
    String[] row = SummaryCsv.render(result).split("\n")[1].split(",");

    assertThat(Double.parseDouble(row[2])).isCloseTo(result.summary().makespanP95Ms(),
        org.assertj.core.data.Offset.offset(0.001));
    assertThat(Double.parseDouble(row[4])).isCloseTo(result.summary().costMean(),
        org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void traceStaysSmallForTheLargestExperimentTrial() {
    SimResult result = Simulation.run(SeedAverages.seed004(100, Policy.FULL), 1);
    String json = TraceJson.render(result);

    assertThat(result.trace().truncated()).isTrue();
    assertThat(result.trace().events()).hasSize(Engine.TRACE_CAP);
    assertThat(json).contains("\"truncated\": true").contains("\"hedge\": ");
    assertThat(json.length()).isLessThan(500_000);
  }

  @Test
  void numbersUseADotWhateverTheDefaultLocale() {
    java.util.Locale saved = java.util.Locale.getDefault();
    try {
      java.util.Locale.setDefault(java.util.Locale.GERMANY);
      SimResult result = Simulation.run(SeedAverages.seed004(3, Policy.FULL), 1);
      assertThat(SummaryCsv.render(result).split("\n")[1]).matches("[0-9.,]+")
          .contains(".");
      assertThat(result.logLine()).contains("cost_mean=0.");
    } finally {
      java.util.Locale.setDefault(saved);
    }
  }
}
