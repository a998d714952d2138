package dev.rigor.examples.sched;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  @TempDir Path tmp;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Map<String, String> env, String... args) {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), env);
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void runsTheSeed004CommandLineAndPrintsOneLine() throws IOException {
    Path dir = tmp.resolve("out");
    int code = run(Map.of(), "--workflows", "5", "--pdfs", "10", "--iters", "3",
        "--subqueries", "4", "--seed", "1", "--policy", "full", "--time_scale", "50",
        "--heavy_tail_prob", "0.02", "--heavy_tail_mult", "50", "--enable_model_routing",
        "--out_dir", dir.toString());

    assertThat(code).isZero();
    assertThat(stderr()).isEmpty();
    assertThat(stdout()).matches("makespan_p95_ms=[0-9]+\\.[0-9] .* policy=full\\R");
    assertThat(dir.resolve("summary.csv")).exists();
  }

  @Test
  void flagOrderAndSpellingDoNotChangeTheResult() throws IOException {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    run(Map.of(), "--workflows", "8", "--seed", "4", "--enable_model_routing", "true",
        "--policy", "dag_escalation", "--out_dir", a.toString());
    run(Map.of(), "--out_dir=" + b, "--policy=dag_escalation", "--enable_model_routing",
        "--seed=4", "--workflows=8");

    assertThat(Files.readString(b.resolve("summary.csv")))
        .isEqualTo(Files.readString(a.resolve("summary.csv")));
  }

  @Test
  void usageErrorsExitTwoAndNameTheFlag() {
    assertUsageError("--out_dir: is required", "--workflows", "5");
    assertUsageError("--workflows: expected an integer, got 'many'",
        "--workflows", "many", "--out_dir", "x");
    assertUsageError("--polcy: unknown flag — did you mean --policy?",
        "--polcy", "full", "--out_dir", "x");
    assertUsageError("--heavy_tail_prob: must be between 0 and 1, got 1.2",
        "--heavy_tail_prob", "1.2", "--out_dir", "x");
    assertUsageError("--enable_model_routing: expected true or false, got 'maybe'",
        "--enable_model_routing", "maybe", "--out_dir", "x");
    assertUsageError("--seed: expected an integer, got 'abc'", "--seed", "abc", "--out_dir", "x");
  }

  @Test
  void helpListsEveryFlagWithItsDefault() {
    assertThat(run(Map.of(), "--help")).isZero();

    for (Param p : Param.values()) {
      assertThat(stdout()).contains("--" + p.key());
    }
    assertThat(stdout()).contains("(default 50)").contains("fifo_cheapest");
  }

  @Test
  void appendsProgressToRigorMetrics() throws IOException {
    Path metrics = tmp.resolve("metrics.jsonl");
    Files.writeString(metrics, "{\"step\": 0, \"earlier\": 1}\n");

    int code = run(Map.of("RIGOR_METRICS", metrics.toString()), "--workflows", "20",
        "--seed", "2", "--out_dir", tmp.resolve("o").toString());

    assertThat(code).isZero();
    List<String> lines = Files.readAllLines(metrics);
    assertThat(lines.get(0)).isEqualTo("{\"step\": 0, \"earlier\": 1}");
    assertThat(lines.subList(1, lines.size())).hasSizeBetween(20, 60).allMatch(l -> l.matches(
        "\\{\"step\": [0-9]+, \"completed_workflows\": [0-9]+, \"cost_usd\": [0-9.]+}"));
    assertThat(lines.get(lines.size() - 1)).contains("\"completed_workflows\": 20");
  }

  @Test
  void unwritableOutputExitsOne() throws IOException {
    Path file = tmp.resolve("a-file");
    Files.writeString(file, "not a directory");

    int code = run(Map.of(), "--workflows", "2", "--out_dir", file.resolve("sub").toString());

    assertThat(code).isEqualTo(1);
    assertThat(stderr()).startsWith("sched-sim: error: cannot write output");
  }

  private void assertUsageError(String message, String... args) {
    err.reset();
    assertThat(run(Map.of(), args)).as(String.join(" ", args)).isEqualTo(2);
    assertThat(stderr()).startsWith("sched-sim: error: " + message + System.lineSeparator());
  }
}
