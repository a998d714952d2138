package dev.rigor.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rigor.store.ExperimentDirectory;
import dev.rigor.store.RunMeta;
import dev.rigor.store.RunStatus;
import dev.rigor.testing.CliRun;
import dev.rigor.testing.Experiments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 000's workflow (examples/causal): the engine as {@code java} trials (both isolations) and as
 * process trials running its main give the same metrics.json for every trial; the Python engine runs
 * as {@code python} trials; {@code rigor collect --format jsonl} is read back by Python's json.
 */
class CausalExampleIT {

  @TempDir Path tmp;

  private static final String FEW_SEEDS = "seeds=[1, 2, 3]";

  @Test
  void javaTrialsAndProcessTrialsGiveIdenticalMetrics() throws Exception {
    CliRun java = run("examples/causal/java.yaml", "--name", "cj");
    CliRun thread = run("examples/causal/java.yaml", "--name", "ct", "--set", "java.isolation=coordinator");
    CliRun process = run("examples/causal/process.yaml", "--name", "cp");
    for (CliRun r : List.of(java, thread, process)) {
      assertThat(r.exitCode()).as(r.toString()).isZero();
      assertThat(r.out()).contains("18 trials ran (18 ok)");
    }
    Map<String, Map<String, Object>> viaJava = metrics("cj");
    assertThat(viaJava).hasSize(18);
    assertThat(metrics("ct")).isEqualTo(viaJava);
    assertThat(metrics("cp")).isEqualTo(viaJava);
    Map<String, Object> one = viaJava.values().iterator().next();
    assertThat(one).containsKeys("accuracy", "drift", "by_variable.demand.accuracy", "by_variable.inventory.drift",
        "best_variable", "worst_variable");
    assertThat(Experiments.metas(dir("cj"))).allSatisfy(m -> assertThat(m.measurement().json()).isEqualTo("worker"));
    // the gravity correction changes the forecasts: the ablation's metrics differ from the baseline's on the same seed
    Map<String, RunMeta> volatileSeed1 = new TreeMap<>();
    Experiments.metas(dir("cj")).stream().filter(m -> m.params().get("scenario").equals("high_volatility") && m.seed() == 1)
        .forEach(m -> volatileSeed1.put(m.ablationName(), m));
    assertThat(volatileSeed1).containsOnlyKeys("baseline", "gravity_off");
    assertThat((double) viaJava.get(volatileSeed1.get("gravity_off").runId()).get("drift"))
        .as("without the gravity correction the forecast drifts further from the baseline")
        .isGreaterThan((double) viaJava.get(volatileSeed1.get("baseline").runId()).get("drift"));
  }

  @Test
  void thePythonEngineRunsAsPythonTrialsAndCollectWritesJsonLines() throws Exception {
    CliRun python = run("examples/causal/python.yaml", "--name", "cpy");
    assertThat(python.exitCode()).as(python.toString()).isZero();
    assertThat(python.out()).contains("18 trials ran (18 ok)");
    assertThat(metrics("cpy").values()).allSatisfy(m -> assertThat(m).containsKeys("accuracy", "drift", "by_variable.price.accuracy"));

    CliRun collect = CliRun.in(CliRun.repo(), "collect", dir("cpy").root().toString(), "--format", "jsonl");
    assertThat(collect.exitCode()).as(collect.toString()).isZero();
    Path jsonl = dir("cpy").root().resolve("aggregate/runs.jsonl");
    assertThat(jsonl).exists();
    // Python's json reads every line; each object has runs.csv's columns and nested params and metrics.
    Process check = new ProcessBuilder("python3", "-c", """
        import json, sys
        rows = [json.loads(line) for line in open(sys.argv[1])]
        assert len(rows) == 18, len(rows)
        for r in rows:
            assert r["status"] == "ok" and r["attempt"] == 1, r
            assert set(r["params"]) == {"gravity", "scenario"}, r["params"]
            assert r["params"]["gravity"] == (r["ablation_name"] == "baseline"), r
            assert 0 < r["metrics"]["accuracy"] <= 1 and r["metrics"]["drift"] >= 0, r["metrics"]
            assert r["metrics"]["best_variable"] in ("demand", "supply", "price", "sentiment", "inventory")
            assert r["run_dir"] == "runs/" + r["run_id"] and isinstance(r["seed"], int) and r["wall_time_s"] >= 0
        print(len(rows), "rows", sorted(rows[0]))
        """, jsonl.toString()).redirectErrorStream(true).start();
    String out = new String(check.getInputStream().readAllBytes());
    assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(check.exitValue()).as(out).isZero();
    assertThat(out).contains("18 rows");
  }

  private CliRun run(String spec, String... more) {
    String[] args = new String[more.length + 6];
    args[0] = "run";
    args[1] = spec;
    args[2] = "--out-root";
    args[3] = tmp.toString();
    args[4] = "--set";
    args[5] = FEW_SEEDS;
    System.arraycopy(more, 0, args, 6, more.length);
    return CliRun.in(CliRun.repo(), args);
  }

  private ExperimentDirectory dir(String name) {
    return new ExperimentDirectory(tmp.resolve(name));
  }

  /** metrics.json values by run id. */
  private Map<String, Map<String, Object>> metrics(String name) throws Exception {
    Map<String, Map<String, Object>> out = new TreeMap<>();
    for (RunMeta m : Experiments.metas(dir(name))) {
      assertThat(m.status()).isEqualTo(RunStatus.OK);
      out.put(m.runId(), new TreeMap<>(dir(name).run(m.runId()).readMetrics().values()));
    }
    assertThat(Files.exists(dir(name).runsCsv())).isTrue();
    return out;
  }
}
