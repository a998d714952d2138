package dev.rigor.cli;

import dev.rigor.analysis.AnalysisException;
import dev.rigor.analysis.Defaults;
import dev.rigor.analysis.Metric;
import dev.rigor.analysis.RunValues;
import dev.rigor.analysis.SeriesReduction;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --metric} and how series metrics become one number per run ({@code --summary}, {@code --window}). */
final class MetricOptions {

  @Option(names = {"-m", "--metric"}, split = ",", paramLabel = "METRIC",
      description = "Metric(s) to analyse, repeatable or comma-separated: any numeric value in metrics.json, or"
          + " wall_time_s, cpu_time_s, peak_rss_bytes (default: the spec's report.metrics, else its goals, else all).")
  List<String> names = new ArrayList<>();

  @Option(names = "--summary", paramLabel = "TYPE",
      description = "Make series metrics (series.csv) one number per run: auc|final|max|min|mean|last_n|slope"
          + " (auc = area over the window / its step span).")
  String summary;

  @Option(names = "--window", paramLabel = "WINDOW",
      description = "Steps --summary covers: 'last 25%%', FROM:TO (e.g. 100:500) or all (default).")
  String window;

  @Option(names = "--last-n", paramLabel = "K", description = "Points averaged by --summary last_n (default: " + Defaults.LAST_N + ").")
  int lastN = Defaults.LAST_N;

  /** The metrics named, or the defaults when none is. */
  List<Metric> resolve(RunValues values) throws AnalysisException {
    SeriesReduction reduction = reduction();
    if (names.isEmpty()) {
      return values.defaults();
    }
    return values.resolve(names, reduction);
  }

  /** The metrics named; an error listing the metrics that exist when none is. */
  List<Metric> required(RunValues values, String command) throws AnalysisException {
    if (names.isEmpty()) {
      throw new AnalysisException("rigor " + command + " needs --metric METRIC; metrics: " + String.join(", ", values.scalarNames()));
    }
    return resolve(values);
  }

  private SeriesReduction reduction() throws AnalysisException {
    if (summary == null) {
      if (window != null) {
        throw new AnalysisException("--window applies to series metrics and needs --summary (e.g. --summary auc --window 'last 25%')");
      }
      return null;
    }
    return SeriesReduction.parse(summary, window, lastN);
  }
}
