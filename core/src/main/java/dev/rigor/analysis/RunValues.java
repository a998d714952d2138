package dev.rigor.analysis;

import dev.rigor.spec.DidYouMean;
import dev.rigor.stats.Series;
import dev.rigor.store.ExperimentDirectory;
import dev.rigor.store.RunMeta;
import dev.rigor.store.RunRecord;
import dev.rigor.store.SeriesFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The metrics of an experiment's runs as numbers: every numeric (or boolean, as 0/1) value of
 * {@code metrics.json}, the builtins {@code wall_time_s cpu_time_s peak_rss_bytes} from meta.json,
 * and series from {@code series.csv} reduced to a scalar. A run without a value is left out of that
 * metric — never counted as 0. Thread-safe: series files are read once, on first use.
 */
public final class RunValues {

  /** Measured by Rigor for every run (meta.json), unless metrics.json has a value of the same name. */
  public static final List<String> BUILTINS = List.of("wall_time_s", "cpu_time_s", "peak_rss_bytes");

  private final Experiment experiment;
  private final List<String> scalarNames;
  private final Map<String, Map<String, Series>> series = new ConcurrentHashMap<>();
  private volatile List<String> seriesNames;

  public RunValues(Experiment experiment) {
    this.experiment = experiment;
    this.scalarNames = scalarNames(experiment.okRuns());
  }

  public Experiment experiment() {
    return experiment;
  }

  /** The scalar metrics that at least one ok run has, in the order they first appear; builtins last. */
  public List<String> scalarNames() {
    return scalarNames;
  }

  /** The series in the ok runs' {@code series.csv} files (read on first call). */
  public List<String> seriesNames() {
    List<String> names = seriesNames;
    if (names == null) {
      Set<String> out = new LinkedHashSet<>();
      experiment.okRuns().forEach(r -> out.addAll(seriesOf(r).keySet()));
      names = List.copyOf(out);
      seriesNames = names;
    }
    return names;
  }

  /** The value of {@code metric} in {@code run}, or NaN when the run has none (see {@link #missingReason}). */
  public double value(RunRecord run, Metric metric) {
    if (metric.reduction().isEmpty()) {
      return scalar(run, metric.name());
    }
    Series s = seriesOf(run).get(metric.name());
    if (s == null) {
      return Double.NaN;
    }
    try {
      return metric.reduction().get().apply(s);
    } catch (IllegalArgumentException e) {
      return Double.NaN;
    }
  }

  /** Why {@code run} has no value of {@code metric} (for notes). */
  public String missingReason(RunRecord run, Metric metric) {
    if (metric.reduction().isEmpty()) {
      return run.metrics().missing().stream().filter(m -> metric.name().equals(m.metric())).findFirst()
          .map(m -> m.reason() == null ? "not extracted" : m.reason()).orElse("no value");
    }
    Series s = seriesOf(run).get(metric.name());
    if (s == null) {
      return "no series '" + metric.name() + "'";
    }
    try {
      metric.reduction().get().apply(s);
      return "no value";
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  /** The values of {@code metric} in {@code runs}, in order, leaving out runs without one. */
  public double[] values(List<RunRecord> runs, Metric metric) {
    double[] out = new double[runs.size()];
    int n = 0;
    for (RunRecord r : runs) {
      double v = value(r, metric);
      if (!Double.isNaN(v)) {
        out[n++] = v;
      }
    }
    return Arrays.copyOf(out, n);
  }

  /**
   * The metrics named by {@code names}. With a {@code reduction}, a name that is a series is reduced
   * by it; other names must be scalars.
   *
   * @throws AnalysisException for an unknown name (listing what exists, with a did-you-mean), or a
   *     series named without a reduction
   */
  public List<Metric> resolve(List<String> names, SeriesReduction reduction) throws AnalysisException {
    List<Metric> out = new ArrayList<>();
    for (String name : new LinkedHashSet<>(names)) {
      if (reduction != null && seriesNames().contains(name)) {
        out.add(Metric.series(name, reduction));
      } else if (scalarNames.contains(name)) {
        out.add(Metric.scalar(name));
      } else if (seriesNames().contains(name)) {
        throw new AnalysisException("'" + name + "' is a series (series.csv): make it one number per run with --summary "
            + SeriesSummary.choices() + " [--window 'last 25%' | FROM:TO]");
      } else {
        throw unknown(name);
      }
    }
    return out;
  }

  /**
   * A warning per goal (and report.metrics entry) that names no metric any ok run has, with did-you-mean: such a
   * metric would otherwise vanish from compare and the report without a word.
   */
  public List<String> unknownMetricWarnings() {
    if (experiment.okRuns().isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    Set<String> named = new LinkedHashSet<>(experiment.goals().keySet());
    named.addAll(experiment.reportMetrics());
    for (String name : named) {
      if (!scalarNames.contains(name) && !seriesNames().contains(name)) {
        String closest = DidYouMean.closest(name, scalarNames);
        out.add("the spec's goals/report.metrics name '" + name + "', but no ok run has that metric"
            + (closest != null ? " — did you mean '" + closest + "'?" : "") + " (metrics: "
            + (scalarNames.isEmpty() ? "(none)" : String.join(", ", scalarNames)) + ")");
      }
    }
    return out;
  }

  /** What to analyse when no metric is named: the spec's report.metrics, else its goals, else every scalar. */
  public List<Metric> defaults() {
    for (List<String> candidates : List.of(experiment.reportMetrics(), List.copyOf(experiment.goals().keySet()))) {
      List<Metric> out = candidates.stream().filter(scalarNames::contains).map(Metric::scalar).toList();
      if (!out.isEmpty()) {
        return out;
      }
    }
    return scalarNames.stream().map(Metric::scalar).toList();
  }

  private AnalysisException unknown(String name) {
    List<String> all = new ArrayList<>(scalarNames);
    all.addAll(seriesNames());
    StringBuilder m = new StringBuilder("unknown metric '" + name + "' in " + experiment.name());
    String closest = DidYouMean.closest(name, all);
    if (closest != null) {
      m.append(" — did you mean '").append(closest).append("'?");
    }
    m.append("\n  metrics: ").append(scalarNames.isEmpty() ? "(none)" : String.join(", ", scalarNames));
    if (!seriesNames().isEmpty()) {
      m.append("\n  series (with --summary): ").append(String.join(", ", seriesNames()));
    }
    return new AnalysisException(m.toString());
  }

  private static double scalar(RunRecord run, String name) {
    Object v = run.metrics().values().get(name);
    if (v == null) {
      v = builtin(run.meta(), name);
    }
    if (v instanceof Number n) {
      double d = n.doubleValue();
      return Double.isFinite(d) ? d : Double.NaN;
    }
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    return Double.NaN;
  }

  private static Object builtin(RunMeta m, String name) {
    return switch (name) {
      case "wall_time_s" -> m.wallTimeS();
      case "cpu_time_s" -> m.cpuTimeS();
      case "peak_rss_bytes" -> m.peakRssBytes();
      default -> null;
    };
  }

  private static List<String> scalarNames(List<RunRecord> runs) {
    Set<String> names = new LinkedHashSet<>();
    Set<String> builtins = new LinkedHashSet<>();
    for (RunRecord r : runs) {
      r.metrics().values().forEach((k, v) -> {
        if (v instanceof Number || v instanceof Boolean) {
          names.add(k);
        }
      });
      for (String b : BUILTINS) {
        if (builtin(r.meta(), b) != null) {
          builtins.add(b);
        }
      }
    }
    builtins.removeAll(names);
    names.addAll(builtins);
    return List.copyOf(names);
  }

  private Map<String, Series> seriesOf(RunRecord run) {
    return series.computeIfAbsent(run.meta().runId(), id -> readSeries(new ExperimentDirectory(experiment.root()).run(id).series()));
  }

  /** Each series of a series.csv, sorted by step; a repeated step keeps its last value. */
  private static Map<String, Series> readSeries(Path file) {
    Map<String, TreeMap<Double, Double>> points = new LinkedHashMap<>();
    try {
      for (SeriesFile.Point p : SeriesFile.read(file)) {
        if (Double.isFinite(p.step()) && Double.isFinite(p.value())) {
          points.computeIfAbsent(p.name(), k -> new TreeMap<>()).put(p.step(), p.value());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    Map<String, Series> out = new LinkedHashMap<>();
    points.forEach((name, byStep) -> {
      double[] steps = byStep.keySet().stream().mapToDouble(Double::doubleValue).toArray();
      double[] values = byStep.values().stream().mapToDouble(Double::doubleValue).toArray();
      out.put(name, new Series(steps, values));
    });
    return out;
  }
}
