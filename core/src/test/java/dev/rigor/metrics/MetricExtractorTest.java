package dev.rigor.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rigor.spec.MetricSpec;
import dev.rigor.spec.SpecLoader;
import dev.rigor.store.RunDirectory;
import dev.rigor.store.RunMetrics;
import dev.rigor.store.SeriesFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricExtractorTest {

  @TempDir Path tmp;
  private RunDirectory run;

  @BeforeEach
  void runDirectory() throws Exception {
    run = new RunDirectory(tmp.resolve("r"));
    Files.createDirectories(run.out());
  }

  private static List<MetricSpec> metrics(String yaml) throws Exception {
    return SpecLoader.parse("s.yaml", "name: x\ncommand: [echo]\nmatrix: {policy: [a]}\nmetrics:\n" + yaml, List.of()).spec().metrics();
  }

  private MetricExtractor.Extraction extract(String yaml) throws Exception {
    return MetricExtractor.extract(metrics(yaml), run, Map.of("policy", "full")::get);
  }

  @Test
  void csvFirstRowGivesOneTypedMetricPerColumn() throws Exception {
    Files.writeString(run.out().resolve("summary.csv"), "makespan_p95_ms,cost_mean,ok,label\n1234.5,0.02,true,fast\n9,9,false,slow\n");
    RunMetrics m = extract("  - csv: out/summary.csv\n").metrics();
    assertThat(m.values()).containsExactly(Map.entry("makespan_p95_ms", 1234.5), Map.entry("cost_mean", 0.02),
        Map.entry("ok", true), Map.entry("label", "fast"));
    assertThat(m.missing()).isEmpty();
  }

  @Test
  void csvRowsAreWidenedByKeyColumns() throws Exception {
    Files.writeString(run.out().resolve("tiers.csv"), "provider,tier_id,queue_wait_p95_ms,utilization\nllm_provider,0,12.5,0.9\nllm_provider,1,3,0.2\n");
    RunMetrics m = extract("  - csv: out/tiers.csv\n    key: [provider, tier_id]\n    name: \"{provider}_tier{tier_id}_{column}\"\n").metrics();
    assertThat(m.values()).containsExactly(Map.entry("llm_provider_tier0_queue_wait_p95_ms", 12.5),
        Map.entry("llm_provider_tier0_utilization", 0.9), Map.entry("llm_provider_tier1_queue_wait_p95_ms", 3L),
        Map.entry("llm_provider_tier1_utilization", 0.2));
  }

  @Test
  void jsonIsFlattenedWithDots() throws Exception {
    Files.writeString(run.out().resolve("extra.json"), "{\"eval\": {\"acc\": 0.91, \"n\": 300}, \"losses\": [0.5, 0.25], \"name\": \"x\", \"none\": null}");
    RunMetrics m = extract("  - json: out/extra.json\n").metrics();
    assertThat(m.values()).containsExactly(Map.entry("eval.acc", 0.91), Map.entry("eval.n", 300L), Map.entry("losses.0", 0.5),
        Map.entry("losses.1", 0.25), Map.entry("name", "x"));
  }

  @Test
  void regexTakesGroupOneOfTheLastMatchingLineTyped() throws Exception {
    Files.writeString(run.stdout(), "step 1 loss=0.9 acc=0.1\nstep 2 loss=0.5\nnoise\nstep 3 loss=0.25 done=yes\n");
    RunMetrics m = extract("""
          - regex: {file: stdout, pattern: "loss=([0-9.]+)", name: loss, type: float}
          - regex: {file: stdout, pattern: "step ([0-9]+)", name: steps, type: int}
          - regex: {file: stdout, pattern: "done=(\\\\w+)", name: done, type: bool}
          - regex: {file: stdout, pattern: "acc=([0-9.]+)", name: acc}
        """).metrics();
    assertThat(m.values()).containsExactly(Map.entry("loss", 0.25), Map.entry("steps", 3L), Map.entry("done", true), Map.entry("acc", 0.1));
  }

  @Test
  void aMissingMetricIsReportedWithItsReasonNeverZero() throws Exception {
    Files.writeString(run.stdout(), "nothing here\n");
    Files.writeString(run.out().resolve("summary.csv"), "a,b\n1,\n");
    RunMetrics m = extract("""
          - csv: out/summary.csv
          - csv: out/missing.csv
            columns: [x, y]
          - regex: {file: stdout, pattern: "loss=([0-9.]+)", name: loss}
          - regex: {file: stdout, pattern: "(nothing)", name: count, type: int}
        """).metrics();
    assertThat(m.values()).containsExactly(Map.entry("a", 1L));
    assertThat(m.missing()).extracting(RunMetrics.Missing::metric).containsExactly("b", "x", "y", "loss", "count");
    assertThat(m.missing()).extracting(RunMetrics.Missing::reason)
        .containsExactly("empty cell in column 'b'", "file not found", "file not found", "no line matched /loss=([0-9.]+)/",
            "'nothing' is not int");
  }

  @Test
  void pathsMayUsePlaceholders() throws Exception {
    Files.writeString(run.out().resolve("full.csv"), "v\n3\n");
    assertThat(extract("  - csv: \"out/{policy}.csv\"\n").metrics().values()).containsEntry("v", 3L);
  }

  @Test
  void streamedJsonLinesGiveSeriesAndScalars() throws Exception {
    Files.writeString(run.metricsStream(), "{\"step\": 0, \"reward\": 0.1, \"cost_usd\": 0.001}\n{\"step\": 10, \"reward\": 0.4}\nnot json\n{\"final_score\": 7}\n");
    MetricExtractor.Extraction e = extract("  - csv: out/none.csv\n");
    assertThat(e.series()).containsExactly(new SeriesFile.Point("reward", 0, 0.1), new SeriesFile.Point("cost_usd", 0, 0.001),
        new SeriesFile.Point("reward", 10, 0.4));
    assertThat(e.metrics().values()).containsEntry("final_score", 7L);
    assertThat(e.metrics().missing()).extracting(RunMetrics.Missing::reason).contains("line 3 is not JSON (ignored)");
  }

  @Test
  void regexStreamsHugeOutputs() throws Exception {
    try (var w = Files.newBufferedWriter(run.stdout())) {
      for (int i = 0; i < 500_000; i++) {
        w.write("iteration " + i + " value=" + i + "\n");
      }
    }
    RunMetrics m = extract("  - regex: {file: stdout, pattern: \"value=([0-9]+)\", name: v, type: int}\n").metrics();
    assertThat(m.values()).containsEntry("v", 499_999L);
  }
}
