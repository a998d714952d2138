package dev.rigor.cli;

import dev.rigor.analysis.AnalysisException;
import dev.rigor.analysis.Defaults;
import dev.rigor.analysis.Experiment;
import dev.rigor.analysis.Grouping;
import dev.rigor.analysis.IntervalChoice;
import dev.rigor.analysis.Metric;
import dev.rigor.analysis.MetricSummary;
import dev.rigor.analysis.RunValues;
import dev.rigor.analysis.Summaries;
import dev.rigor.analysis.SummarySettings;
import dev.rigor.report.TableFormat;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "summary",
    mixinStandardHelpOptions = true,
    description = {
      "Describe every variation: mean with its CI, spread, tails and success rate.",
      "Per metric and group: n, mean with its confidence interval, sd, median, p95, p99, IQM (25%% trimmed",
      "mean) and the success rate (ok / finished runs) with its Wilson interval. Only ok runs enter the",
      "statistics; a run without a value of a metric is left out of it, never counted as 0.",
      "The default interval (--ci auto) is Student t below " + Defaults.T_INTERVAL_BELOW + " values per group and bootstrap BCa",
      "from there, the rule compare and the report follow too (docs/STATISTICS.md); the ci_method column says which."
    },
    footer = {
      "",
      "Examples:",
      "  rigor summary runs/sched-smoke",
      "  rigor summary runs/sched-experiment --by policy --metric makespan_p95_ms,cost_mean",
      "  rigor summary runs/sched-experiment --metric makespan_p95_ms --ci t --format md > summary.md",
      "  rigor summary runs/rl --metric reward --summary auc --window 'last 25%%' --format csv",
      "",
      "Defaults: --ci auto, --confidence " + Defaults.CONFIDENCE + ", --resamples " + Defaults.RESAMPLES + ", --seed " + Defaults.SEED
          + ", --by every matrix axis (and the ablation)."
    })
final class SummaryCommand implements Callable<Integer> {

  private final Context context;

  @Mixin ExperimentOptions experiment = new ExperimentOptions();
  @Mixin MetricOptions metrics = new MetricOptions();
  @Mixin FormatOption format = new FormatOption();

  @Option(names = "--by", paramLabel = "AXES",
      description = "Group by these parameters, comma-separated (e.g. policy,workflows; ablation, seed; none for one group)."
          + " Default: by variation.")
  String by;

  @Option(names = "--ci", paramLabel = "METHOD", description = CI_HELP)
  String ci = "auto";

  /** The --ci of every analysis command. */
  static final String CI_HELP = "auto (default: t below " + Defaults.T_INTERVAL_BELOW + " values, else bca), t, bca, percentile or basic.";

  @Option(names = "--confidence", paramLabel = "LEVEL", description = "Confidence level of the intervals (default: 0.95).")
  double confidence = Defaults.CONFIDENCE;

  @Option(names = "--resamples", paramLabel = "N", description = "Bootstrap resamples (default: 10000).")
  int resamples = Defaults.RESAMPLES;

  @Option(names = "--seed", paramLabel = "SEED", description = "Seed of the bootstrap (default: 1); the same seed gives the same output.")
  long seed = Defaults.SEED;

  SummaryCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    TableFormat f = format.parse();
    try {
      Experiment e = experiment.read(context);
      RunValues values = new RunValues(e);
      Grouping grouping = Grouping.parse(by, e);
      List<Metric> ms = metrics.resolve(values);
      SummarySettings s = settings();
      List<MetricSummary> rows = Summaries.compute(values, grouping, ms, s);
      List<String> header = List.of("summary of " + e.name() + ": " + e.runs().stream().filter(r -> r.meta().status() == dev.rigor.store.RunStatus.OK).count() + " ok of " + e.runs().size() + " runs, by "
          + (grouping.axes().isEmpty() ? "nothing (one group)" : String.join(", ", grouping.axes())));
      List<String> notes = new java.util.ArrayList<>(e.notes());
      notes.addAll(values.unknownMetricWarnings());
      AnalysisOutput.print(context, f, SummaryTable.of(rows, grouping, e::numeric, s, FormatOption.machine(f)), header, notes);
      return Rigor.OK;
    } catch (AnalysisException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private SummarySettings settings() throws AnalysisException, UsageException {
    try {
      return new SummarySettings(IntervalChoice.parse(ci), confidence, resamples, seed);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
