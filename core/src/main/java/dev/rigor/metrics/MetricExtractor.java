package dev.rigor.metrics;

import dev.rigor.spec.MetricSpec;
import dev.rigor.store.RunDirectory;
import dev.rigor.store.RunMetrics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import dev.rigor.store.SeriesFile;

/**
 * Extracts a finished run's metrics: first what it streamed to {@code $RIGOR_METRICS}, then each
 * declared extractor in spec order (a later one wins a name clash). Paths are relative to the run
 * directory and may use placeholders.
 */
public final class MetricExtractor {

  /** Scalar metrics and streamed series of one run. */
  public record Extraction(RunMetrics metrics, List<SeriesFile.Point> series) {}

  private MetricExtractor() {}

  public static Extraction extract(List<MetricSpec> specs, RunDirectory run, Function<String, String> placeholders) {
    return extract(specs, run, placeholders, Map.of());
  }

  /**
   * As {@link #extract(List, RunDirectory, Function)}, with the metrics a trial returned (a worker's
   * {@code done} message, a Java trial's result) taken after what it streamed and before the declared
   * extractors; nested maps are flattened with dots, like a JSON metrics file.
   */
  public static Extraction extract(List<MetricSpec> specs, RunDirectory run, Function<String, String> placeholders,
      Map<String, ?> returned) {
    ExtractionResult out = new ExtractionResult();
    List<SeriesFile.Point> series = new ArrayList<>();
    StreamedMetrics.read(run.metricsStream(), out, series);
    if (!returned.isEmpty()) {
      Map<String, Object> flat = new java.util.LinkedHashMap<>();
      JsonMetrics.flatten("", StreamedMetrics.MAPPER.valueToTree(returned), flat);
      flat.forEach(out::put);
    }
    for (MetricSpec spec : specs) {
      if (spec instanceof MetricSpec.Csv csv) {
        String relative = csv.path().render(placeholders);
        CsvMetrics.extract(csv, resolve(run, relative), relative, out);
      } else if (spec instanceof MetricSpec.Json json) {
        String relative = json.path().render(placeholders);
        JsonMetrics.extract(json, resolve(run, relative), relative, out);
      } else if (spec instanceof MetricSpec.Regex regex) {
        Path file = switch (regex.file()) {
          case "stdout" -> run.stdout();
          case "stderr" -> run.stderr();
          default -> resolve(run, regex.file());
        };
        RegexMetrics.extract(regex, file, regex.file(), out);
      }
    }
    return new Extraction(out.toRunMetrics(), series);
  }

  private static Path resolve(RunDirectory run, String relative) {
    return run.root().resolve(relative).normalize();
  }
}
