import dev.rigor.store.ExperimentDirectory;
import dev.rigor.store.ExperimentFile;
import dev.rigor.store.Ledger;
import dev.rigor.store.Manifest;
import dev.rigor.store.Measurement;
import dev.rigor.store.RunDirectory;
import dev.rigor.store.RunMeta;
import dev.rigor.store.RunMetrics;
import dev.rigor.store.RunRecord;
import dev.rigor.store.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Writes a synthetic experiment through Rigor's store API — run directories (meta.json, metrics.json,
 * stdout.txt, stderr.txt), the SQLite ledger, experiment.json and manifest.json — as a sweep would:
 * 5 policies × 4 sizes × 5 ablations × SEEDS seeds (1,000 seeds = 100,000 runs), 20 scalar metrics per
 * run, 1% failed runs with a stderr tail. Deterministic (seeded).
 *
 * <p>Run with the packaged jar on the class path: {@code java -cp core/target/rigor.jar
 * bench/report/GenerateExperiment.java DIR [SEEDS]}.
 */
public final class GenerateExperiment {

  static final List<String> POLICIES = List.of("fifo", "dag", "escalate", "hedge", "full");
  static final List<Integer> SIZES = List.of(10, 20, 50, 100);
  static final List<String> ABLATIONS = List.of("baseline", "no_hedge", "no_escalation", "no_priority", "no_cache");
  static final List<String> METRICS = List.of("latency_mean_ms", "latency_p50_ms", "latency_p95_ms", "latency_p99_ms",
      "cost_usd", "throughput_per_s", "queue_wait_p95_ms", "cpu_util", "retries", "cache_hit_rate", "tokens_in",
      "tokens_out", "errors", "escalations", "hedges", "gpu_seconds", "energy_j", "score", "accuracy", "loss");

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]).toAbsolutePath();
    int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    ExperimentDirectory dir = new ExperimentDirectory(root.resolve("bench-report"));
    Files.createDirectories(dir.runs());
    List<RunRecord> records = IntStream.range(0, POLICIES.size() * SIZES.size() * ABLATIONS.size() * seeds).parallel()
        .mapToObj(i -> write(dir, i, seeds)).toList();
    try (Ledger ledger = Ledger.open(dir.ledger())) {
      records.forEach(ledger::record);
      ledger.flush();
    }
    experimentFile(seeds).write(dir);
    Manifest.record(dir, manifest(records));
    System.out.println(records.size() + " runs written to " + dir.root());
  }

  static RunRecord write(ExperimentDirectory dir, int i, int seeds) {
    int seed = i % seeds + 1;
    int rest = i / seeds;
    String ablation = ABLATIONS.get(rest % ABLATIONS.size());
    rest /= ABLATIONS.size();
    int size = SIZES.get(rest % SIZES.size());
    String policy = POLICIES.get(rest / SIZES.size());
    SplittableRandom rnd = new SplittableRandom(i * 7919L + 17);
    String key = String.format(Locale.ROOT, "%012x", (i * 0x9E3779B97F4A7C15L) >>> 16);
    String runId = policy + "__size" + size + "__seed" + seed + "__" + ablation + "__" + key;
    boolean failed = rnd.nextInt(100) == 0;
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("size", size);
    params.put("policy", policy);
    params.put("pdfs", 10);
    Map<String, Object> axes = new LinkedHashMap<>();
    axes.put("size", size);
    axes.put("policy", policy);
    double start = 1.7953e9 + i * 0.05;
    double wall = 0.5 + rnd.nextDouble() * 2;
    RunMeta meta = new RunMeta(RunMeta.SCHEMA, runId, key, "bench-report", params, axes, (long) seed, 1, ablation,
        ablation.equals("baseline") ? List.of() : List.of("--" + ablation), List.of("sim", "--seed", Integer.toString(seed)), "/tmp",
        "bench", 1, failed ? RunStatus.FAILED : RunStatus.OK, failed ? 1 : 0, null, start, start + wall, wall, wall * 0.9,
        50_000_000L + rnd.nextInt(10_000_000), Measurement.PROC, failed ? "exit code 1" : null, null, null, List.of(), null, 1L, null);
    RunMetrics metrics = failed ? RunMetrics.EMPTY : new RunMetrics(values(rnd, policy, size, ablation), List.of());
    try {
      RunDirectory run = dir.run(runId);
      Files.createDirectories(run.root());
      run.writeMeta(meta);
      run.writeMetrics(metrics);
      Files.writeString(run.stdout(), "latency_p95_ms=" + metrics.values().get("latency_p95_ms") + "\n");
      Files.writeString(run.stderr(), failed ? "loading model\nTraceback (most recent call last):\nRuntimeError: out of tokens\n" : "");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return new RunRecord(meta, metrics);
  }

  static Map<String, Object> values(SplittableRandom rnd, String policy, int size, String ablation) {
    double speed = 1 + 0.15 * POLICIES.indexOf(policy);
    double abl = 1 + 0.05 * ABLATIONS.indexOf(ablation);
    Map<String, Object> v = new LinkedHashMap<>();
    for (int m = 0; m < METRICS.size(); m++) {
      double base = (m + 1) * 10.0 * size / speed * abl;
      double noise = Math.exp(rnd.nextGaussian() * 0.2);
      v.put(METRICS.get(m), Math.round(base * noise * 1000) / 1000.0);
    }
    return v;
  }

  static ExperimentFile experimentFile(int seeds) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("name", "bench-report");
    spec.put("description", "Synthetic 100k-run experiment for the report benchmark");
    Map<String, Object> matrix = new LinkedHashMap<>();
    matrix.put("size", SIZES);
    matrix.put("policy", POLICIES);
    spec.put("matrix", matrix);
    spec.put("seeds", IntStream.rangeClosed(1, seeds).boxed().toList());
    List<Map<String, Object>> ablations = new ArrayList<>();
    for (String a : ABLATIONS) {
      ablations.add(Map.of("name", a));
    }
    spec.put("ablations", ablations);
    spec.put("report", Map.of("facet", "size", "control", Map.of("policy", "fifo")));
    return new ExperimentFile(ExperimentFile.SCHEMA, "bench-report", "0".repeat(64), "0".repeat(64), "bench.yaml", "",
        List.of(), false, spec, Map.of());
  }

  static Map<String, Object> manifest(List<RunRecord> records) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("session_id", "bench");
    m.put("rigor_version", "bench");
    m.put("started_unix_s", 1.7953e9);
    m.put("ended_unix_s", 1.7953e9 + records.size() * 0.05);
    m.put("git", Map.of("commit", "0123456789abcdef0123456789abcdef01234567", "branch", "main", "dirty", false));
    m.put("host", "bench");
    m.put("cpu_model", "synthetic");
    m.put("cores", 2);
    return m;
  }
}
