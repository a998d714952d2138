package dev.rigor.cli;

import dev.rigor.analysis.AnalysisException;
import dev.rigor.analysis.Defaults;
import dev.rigor.analysis.Experiment;
import dev.rigor.analysis.Grouping;
import dev.rigor.analysis.Metric;
import dev.rigor.analysis.RunValues;
import dev.rigor.analysis.VarianceAnalysis;
import dev.rigor.analysis.VarianceResult;
import dev.rigor.analysis.VarianceSettings;
import dev.rigor.report.TableFormat;
import dev.rigor.report.VarianceChart;
import dev.rigor.store.AtomicFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "variance",
    mixinStandardHelpOptions = true,
    description = {
      "How many runs until the mean is precise? Minimum n per variation.",
      "Per group, the CV of the mean of n runs and the half-width of its 95%% CI relative to the mean, for",
      "n = 2..max-n, from bootstrap subsamples of the runs there are (with replacement; beyond them the",
      "curve extrapolates, marked *), with 10-90%% bands; and the minimum n from which the curve STAYS",
      "under the threshold (not the first n that dips under it)."
    },
    footer = {
      "",
      "Examples:",
      "  rigor variance runs/sched-experiment --metric makespan_p95_ms",
      "  rigor variance runs/pilot --metric reward --summary auc --threshold 0.05 --plot variance.png",
      "  rigor variance runs/sched-experiment --metric cost_mean --by policy --curve --format csv",
      "",
      "Defaults: --threshold " + Defaults.VARIANCE_THRESHOLD + ", --max-n max(N, " + Defaults.VARIANCE_MAX_N + "), --subsamples "
          + Defaults.VARIANCE_SUBSAMPLES + ", --seed " + Defaults.SEED + ", --by every matrix axis (and the ablation)."
    })
final class VarianceCommand implements Callable<Integer> {

  private final Context context;

  @Mixin ExperimentOptions experiment = new ExperimentOptions();
  @Mixin MetricOptions metrics = new MetricOptions();
  @Mixin FormatOption format = new FormatOption();

  @Option(names = "--by", paramLabel = "AXES", description = "Group by these parameters (default: by variation; none for one group).")
  String by;

  @Option(names = "--threshold", paramLabel = "FRACTION", description = "Relative precision wanted: 0.05 or 5%% (default: 0.05).")
  String threshold = Double.toString(Defaults.VARIANCE_THRESHOLD);

  @Option(names = "--max-n", paramLabel = "N", description = "Largest n of the curve (default: max(N, 50)).")
  int maxN;

  @Option(names = "--subsamples", paramLabel = "S", description = "Bootstrap subsamples per n (default: 2000).")
  int subsamples = Defaults.VARIANCE_SUBSAMPLES;

  @Option(names = "--seed", paramLabel = "SEED", description = "Seed of the subsampling (default: 1).")
  long seed = Defaults.SEED;

  @Option(names = "--curve", description = "Print every point of the curves instead of the minimum n.")
  boolean curve;

  @Option(names = {"--plot", "--output"}, paramLabel = "FILE.png", description = "Also write the curves as a PNG chart.")
  Path plot;

  VarianceCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    TableFormat f = format.parse();
    try {
      Experiment e = experiment.read(context);
      RunValues values = new RunValues(e);
      Grouping grouping = Grouping.parse(by, e);
      List<Metric> ms = metrics.required(values, "variance");
      VarianceSettings s = settings();
      List<VarianceResult> rows = new ArrayList<>();
      for (Metric m : ms) {
        rows.addAll(VarianceAnalysis.compute(values, grouping, m, s));
      }
      List<String> notes = new ArrayList<>(e.notes());
      if (plot != null) {
        notes.add("chart: " + writePlot(rows, ms, s));
      }
      if (!curve) {
        notes.add("* = beyond the runs there are (extrapolated from them); >N = not reached by the largest n");
      }
      List<String> header = List.of("variance of the mean in " + e.name() + ": threshold " + SummaryTable.percent(s.threshold())
          + ", bootstrap subsamples (" + s.subsamples() + " per n, seed " + s.seed() + ")");
      boolean machine = FormatOption.machine(f);
      AnalysisOutput.print(context, f, curve ? VarianceTable.curve(rows, grouping, e::numeric, machine)
          : VarianceTable.minimumN(rows, grouping, e::numeric, s.threshold(), machine), header, notes);
      return Rigor.OK;
    } catch (AnalysisException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private String writePlot(List<VarianceResult> rows, List<Metric> ms, VarianceSettings s) throws Exception {
    if (ms.size() != 1) {
      throw new UsageException("--plot draws one metric; name exactly one with --metric");
    }
    List<VarianceChart.Curve> curves = rows.stream().filter(r -> r.curve().isPresent())
        .map(r -> new VarianceChart.Curve(r.group().label(), r.curve().get())).toList();
    if (curves.isEmpty()) {
      throw new UsageException("--plot: no group has 2 ok runs with a value of " + ms.get(0).label());
    }
    Path file = context.resolve(plot);
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    AtomicFiles.write(file, VarianceChart.png(ms.get(0).label(), s.threshold(), curves, 1100, 800));
    return AnalysisOutput.shown(context, file);
  }

  private VarianceSettings settings() throws UsageException {
    try {
      String t = threshold.strip();
      double fraction = t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1)) / 100 : Double.parseDouble(t);
      return new VarianceSettings(fraction, maxN, subsamples, Defaults.CONFIDENCE, seed);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e instanceof NumberFormatException ? "--threshold '" + threshold + "': expected e.g. 0.05 or 5%"
          : e.getMessage());
    }
  }
}
