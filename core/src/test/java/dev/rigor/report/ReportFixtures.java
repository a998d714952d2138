package dev.rigor.report;

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
import dev.rigor.store.SeriesFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * A small, deterministic experiment written through the store API, as a sweep would leave it:
 * size × policy × ablation × 4 seeds, two metrics with goals, a series, one failed run with stderr.
 * Policy {@code fast} is ~40% faster and ~20% dearer than the control {@code slow}; ablation
 * {@code no_cache} makes everything ~10% slower.
 */
final class ReportFixtures {

  static final Instant CLOCK = Instant.parse("2026-01-02T03:04:05Z");
  static final List<Integer> SIZES = List.of(10, 20);
  static final List<String> POLICIES = List.of("slow", "mid", "fast");
  static final List<String> ABLATIONS = List.of("baseline", "no_cache");
  static final int SEEDS = 4;
  static final String FAILED_RUN = "fast__size20__seed3__no_cache__0000000000ff";

  private ReportFixtures() {}

  /** Writes the experiment into {@code root/<name>}; {@code payload} (may be empty) is put into a parameter value. */
  static ExperimentDirectory write(Path root, String name, String payload) {
    ExperimentDirectory dir = new ExperimentDirectory(root.resolve(name));
    try {
      Files.createDirectories(dir.runs());
      List<RunRecord> records = new ArrayList<>();
      int i = 0;
      for (int size : SIZES) {
        for (String policy : POLICIES) {
          for (String ablation : ABLATIONS) {
            for (int seed = 1; seed <= SEEDS; seed++) {
              records.add(run(dir, name, size, policy, ablation, seed, i++, payload));
            }
          }
        }
      }
      try (Ledger ledger = Ledger.open(dir.ledger())) {
        records.forEach(ledger::record);
        ledger.flush();
      }
      experimentFile(name).write(dir);
      Manifest.record(dir, manifest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }

  static ReportOptions options(ReportFormat... formats) {
    return new ReportOptions(java.util.Set.of(formats), Optional.empty(), Optional.empty(), List.of(), List.of(), OptionalInt.of(2000), 1, CLOCK);
  }

  private static RunRecord run(ExperimentDirectory dir, String name, int size, String policy, String ablation, int seed, int i,
      String payload) throws IOException {
    String runId = policy + "__size" + size + "__seed" + seed + "__" + ablation + "__" + String.format("%012x", i);
    boolean failed = policy.equals("fast") && size == 20 && seed == 3 && ablation.equals("no_cache");
    if (failed) {
      runId = FAILED_RUN;
    }
    SplittableRandom rnd = new SplittableRandom(1000L * seed + size);
    double speed = switch (policy) {
      case "fast" -> 0.6;
      case "mid" -> 0.85;
      default -> 1.0;
    };
    double slow = ablation.equals("no_cache") ? 1.1 : 1.0;
    // A part shared by every run of a seed (what pairing removes) and a part of the run's own.
    SplittableRandom own = new SplittableRandom(i * 7919L + 13);
    double latency = Math.round(size * 100 * speed * slow * (0.9 + 0.2 * rnd.nextDouble()) * (0.97 + 0.06 * own.nextDouble()) * 10) / 10.0;
    double cost = Math.round(size * 0.01 * (2 - speed) * (0.95 + 0.1 * rnd.nextDouble()) * (0.98 + 0.04 * own.nextDouble()) * 10000)
        / 10000.0;
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("size", size);
    params.put("policy", policy);
    params.put("label", payload.isEmpty() ? "plain" : payload);
    Map<String, Object> axes = new LinkedHashMap<>();
    axes.put("size", size);
    axes.put("policy", policy);
    double start = 1.7e9 + i * 10;
    RunMeta meta = new RunMeta(RunMeta.SCHEMA, runId, String.format("%012x", i), name, params, axes, (long) seed, 1, ablation,
        ablation.equals("baseline") ? List.of() : List.of("--no-cache"), List.of("sim"), "/tmp", "host", 1,
        failed ? RunStatus.FAILED : RunStatus.OK, failed ? 3 : 0, null, start, start + 2 + 0.01 * i, 2 + 0.01 * i, 1.5 + 0.01 * i,
        40_000_000L + i, Measurement.PROC, failed ? "exit code 3" : null, null, null, List.of(), null, 1L, null);
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("latency_ms", latency);
    values.put("cost_usd", cost);
    if (!payload.isEmpty()) {
      values.put(payload, 1.5);
    }
    RunMetrics metrics = failed ? new RunMetrics(Map.of(), List.of(new RunMetrics.Missing("latency_ms", "out/summary.csv",
        "file not found"))) : new RunMetrics(values, List.of());
    RunDirectory d = dir.run(runId);
    Files.createDirectories(d.root());
    d.writeMeta(meta);
    d.writeMetrics(metrics);
    Files.writeString(d.stdout(), "latency=" + latency + "\n" + payload + "\n");
    Files.writeString(d.stderr(), failed ? "loading\nTraceback (most recent call last):\nValueError: ran out of ```memory```\n"
        + payload + "\n" : "");
    if (!failed) {
      List<SeriesFile.Point> points = new ArrayList<>();
      for (int step = 1; step <= 10; step++) {
        points.add(new SeriesFile.Point("reward", step * 100 + seed, Math.round((1 - Math.exp(-step / (3.0 * speed))) * 1000) / 1000.0));
      }
      SeriesFile.write(d.series(), points);
    }
    return new RunRecord(meta, metrics);
  }

  private static ExperimentFile experimentFile(String name) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("name", name);
    spec.put("description", "Report fixture: three policies, two sizes, an ablation");
    Map<String, Object> matrix = new LinkedHashMap<>();
    matrix.put("size", SIZES);
    matrix.put("policy", POLICIES);
    spec.put("matrix", matrix);
    spec.put("seeds", List.of(1, 2, 3, 4));
    spec.put("ablations", List.of(Map.of("name", "baseline"), Map.of("name", "no_cache")));
    Map<String, Object> goals = new LinkedHashMap<>();
    goals.put("latency_ms", "min");
    goals.put("cost_usd", "min");
    spec.put("goals", goals);
    spec.put("report", Map.of("facet", "size", "control", Map.of("policy", "slow")));
    return new ExperimentFile(ExperimentFile.SCHEMA, name, "a".repeat(64), "b".repeat(64), "fixture.yaml", "", List.of(), false, spec,
        Map.of());
  }

  private static Map<String, Object> manifest() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("session_id", "fixture");
    m.put("rigor_version", "test");
    m.put("started_unix_s", 1.7e9);
    m.put("ended_unix_s", 1.7e9 + 600);
    m.put("git", Map.of("commit", "0123456789abcdef0123456789abcdef01234567", "branch", "main", "dirty", false));
    m.put("host", "fixture-host");
    m.put("os", "Linux");
    m.put("cpu_model", "Test CPU");
    m.put("cores", 2);
    m.put("spec_source", "fixture.yaml");
    m.put("spec_hash", "c".repeat(64));
    return m;
  }
}
