package dev.rigor.report;

import dev.rigor.analysis.AnalysisException;
import dev.rigor.analysis.Experiment;
import dev.rigor.analysis.Grouping;
import dev.rigor.analysis.Metric;
import dev.rigor.analysis.RunValues;
import dev.rigor.analysis.Selector;
import dev.rigor.spec.DidYouMean;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A report's settings resolved once — the command line over the spec's {@code report:} section over
 * {@link ReportDefaults}: how groups are laid out, which metrics are charted, what the control is.
 *
 * @param variations the groups of the charts: one per variation (matrix axes and the ablation)
 * @param metrics the charted metrics
 * @param compared the metrics of the comparison sections (all charted ones when the user chose them)
 * @param control the control selector, if the spec or the command line names one
 * @param variance metrics whose variance-vs-n curves were asked for
 * @param notes what the user should know about these choices
 */
record ReportSetup(Grouping variations, ChartLayout layout, List<Metric> metrics, List<Metric> compared, Optional<Selector> control,
    List<Metric> variance, int resamples, long seed, List<String> notes) {

  ReportSetup {
    metrics = List.copyOf(metrics);
    compared = List.copyOf(compared);
    variance = List.copyOf(variance);
    notes = List.copyOf(notes);
  }

  static ReportSetup resolve(Experiment e, RunValues values, ExperimentInfo info, ReportOptions o) throws AnalysisException {
    List<String> notes = new ArrayList<>();
    Grouping variations = Grouping.byVariation(e);
    Optional<String> facet = facet(e, variations, info, o);
    ChartLayout layout = ChartLayout.of(variations.axes(), facet);
    List<Metric> metrics = metrics(e, values, o, notes);
    List<Metric> compared = compared(e, values, o, metrics, notes);
    Optional<Selector> control = Optional.empty();
    if (o.control().isPresent()) {
      control = Optional.of(Selector.parse(o.control().get()));
    } else if (!e.reportControl().isEmpty()) {
      control = Optional.of(Selector.of(e.reportControl()));
    }
    List<Metric> variance = o.variance().isEmpty() ? List.of() : values.resolve(o.variance(), null);
    return new ReportSetup(variations, layout, metrics, compared, control, variance, resamples(e, compared, o, notes), o.seed(), notes);
  }

  /**
   * The resamples asked for, else {@link ReportDefaults#resamples automatic}: every ok run is resampled
   * once per metric in each of the two comparison families (control, ablations).
   */
  private static int resamples(Experiment e, List<Metric> metrics, ReportOptions o, List<String> notes) {
    if (o.resamples().isPresent()) {
      return o.resamples().getAsInt();
    }
    long values = (long) e.okRuns().size() * metrics.size() * 2;
    int b = ReportDefaults.resamples(values);
    if (b < ReportDefaults.RESAMPLES) {
      notes.add(String.format(java.util.Locale.ROOT, "the bootstrap intervals use %,d resamples (not %,d) to keep a report of %,d runs"
          + " quick; rigor compare, or --resamples %d here, gives them with %,d", b, ReportDefaults.RESAMPLES, e.okRuns().size(),
          ReportDefaults.RESAMPLES, ReportDefaults.RESAMPLES));
    }
    return b;
  }

  /** The command line's facet, else the spec's, else the first matrix axis when there are several. */
  private static Optional<String> facet(Experiment e, Grouping variations, ExperimentInfo info, ReportOptions o)
      throws AnalysisException {
    List<String> axes = variations.axes();
    if (o.facet().isPresent()) {
      String f = o.facet().get().strip();
      if (f.equals("none")) {
        return Optional.empty();
      }
      if (!axes.contains(f)) {
        throw new AnalysisException("--facet '" + f + "': " + e.name() + " varies " + String.join(", ", axes) + " — "
            + DidYouMean.hint(f, axes));
      }
      return Optional.of(f);
    }
    if (info.facet().isPresent() && axes.contains(info.facet().get())) {
      return info.facet();
    }
    return e.matrixAxes().size() >= 2 ? Optional.of(e.matrixAxes().get(0)) : Optional.empty();
  }

  /** Whether the user chose the metrics (command line, report.metrics or goals). */
  private static boolean chosen(Experiment e, RunValues values, ReportOptions o) {
    return !o.metrics().isEmpty() || e.reportMetrics().stream().anyMatch(values.scalarNames()::contains)
        || e.goals().keySet().stream().anyMatch(values.scalarNames()::contains);
  }

  private static List<Metric> compared(Experiment e, RunValues values, ReportOptions o, List<Metric> charted, List<String> notes) {
    if (chosen(e, values, o) || charted.size() <= ReportDefaults.MAX_DEFAULT_COMPARED) {
      return charted;
    }
    notes.add("the comparisons cover the first " + ReportDefaults.MAX_DEFAULT_COMPARED + " charted metrics: choose the metrics that"
        + " matter with goals or report.metrics in the spec, or --metric");
    return charted.subList(0, ReportDefaults.MAX_DEFAULT_COMPARED);
  }

  private static List<Metric> metrics(Experiment e, RunValues values, ReportOptions o, List<String> notes)
      throws AnalysisException {
    if (!o.metrics().isEmpty()) {
      return values.resolve(o.metrics(), null);
    }
    boolean chosen = chosen(e, values, o);
    List<Metric> all = values.defaults();
    if (chosen || all.size() <= ReportDefaults.MAX_DEFAULT_METRICS) {
      return all;
    }
    notes.add("the charts show the first " + ReportDefaults.MAX_DEFAULT_METRICS + " of " + all.size()
        + " metrics (the runs table has every one): choose them with report.metrics in the spec or --metric");
    return all.subList(0, ReportDefaults.MAX_DEFAULT_METRICS);
  }
}
