import dev.rigor.store.ExperimentDirectory;
import dev.rigor.store.ExperimentFile;
import dev.rigor.store.Ledger;
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
import java.util.Random;

/**
 * Writes a synthetic experiment for the compare benchmark through the store API: VARIATIONS variations
 * (v00 is the control) × SEEDS seeds, METRICS metrics per run, a seed effect shared by all variations
 * (so pairing matters) and a per-variation shift on some metrics. Deterministic (fixed Random seed).
 *
 * <p>Usage: java -cp core/target/rigor.jar bench/analysis/SyntheticExperiment.java OUT_DIR [variations seeds metrics]
 */
public class SyntheticExperiment {

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    int variations = args.length > 1 ? Integer.parseInt(args[1]) : 21;
    int seeds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    int metrics = args.length > 3 ? Integer.parseInt(args[3]) : 100;
    ExperimentDirectory dir = new ExperimentDirectory(root);
    Files.createDirectories(dir.runs());
    List<Object> variants = new ArrayList<>();
    for (int v = 0; v < variations; v++) {
      variants.add(String.format(Locale.ROOT, "v%02d", v));
    }
    List<Object> seedList = new ArrayList<>();
    for (int s = 1; s <= seeds; s++) {
      seedList.add(s);
    }
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("name", "bench-compare");
    spec.put("matrix", Map.of("variant", variants));
    spec.put("seeds", seedList);
    spec.put("ablations", List.of(Map.of("name", "baseline")));
    spec.put("goals", Map.of());
    spec.put("report", Map.of("control", Map.of("variant", "v00"), "metrics", List.of()));
    new ExperimentFile(ExperimentFile.SCHEMA, "bench-compare", "x", "x", "synthetic", "", List.of(), false, spec, Map.of()).write(dir);

    Random random = new Random(42);
    double[][] seedEffect = new double[seeds][metrics];
    for (double[] row : seedEffect) {
      for (int m = 0; m < metrics; m++) {
        row[m] = random.nextGaussian() * 10;
      }
    }
    try (Ledger ledger = Ledger.open(dir.ledger())) {
      for (int v = 0; v < variations; v++) {
        for (int s = 0; s < seeds; s++) {
          String variant = (String) variants.get(v);
          String runId = variant + "__seed" + (s + 1) + "__" + String.format(Locale.ROOT, "%012x", v * 1000L + s);
          Map<String, Object> values = new LinkedHashMap<>();
          for (int m = 0; m < metrics; m++) {
            double shift = (m % 5 == 0) ? v * 0.5 : 0;
            values.put(String.format(Locale.ROOT, "metric_%03d", m), 100 + m + seedEffect[s][m] + shift + random.nextGaussian());
          }
          Map<String, Object> params = new LinkedHashMap<>(Map.of("variant", variant));
          RunMeta meta = new RunMeta(RunMeta.SCHEMA, runId, runId.substring(runId.length() - 12), "bench-compare", params,
              Map.of("variant", variant), (long) (s + 1), 1, "baseline", List.of(), List.of(), null, null, 1, RunStatus.OK, 0, null,
              null, null, null, null, null, null, null, null, null, List.of(), null, null, null);
          RunMetrics runMetrics = new RunMetrics(values, List.of());
          RunDirectory run = dir.run(runId);
          Files.createDirectories(run.root());
          run.writeMeta(meta);
          run.writeMetrics(runMetrics);
          ledger.record(new RunRecord(meta, runMetrics));
        }
      }
    }
    System.out.println(root + ": " + variations + " variations × " + seeds + " seeds, " + metrics + " metrics");
  }
}
