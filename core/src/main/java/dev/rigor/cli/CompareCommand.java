package dev.rigor.cli;

import dev.rigor.analysis.AnalysisException;
import dev.rigor.analysis.CompareSettings;
import dev.rigor.analysis.ComparisonReport;
import dev.rigor.analysis.Comparisons;
import dev.rigor.analysis.Contrast;
import dev.rigor.analysis.Contrasts;
import dev.rigor.analysis.Correction;
import dev.rigor.analysis.Defaults;
import dev.rigor.analysis.EffectStatistic;
import dev.rigor.analysis.Experiment;
import dev.rigor.analysis.ExperimentReader;
import dev.rigor.analysis.Grouping;
import dev.rigor.analysis.Metric;
import dev.rigor.analysis.PairingMode;
import dev.rigor.analysis.RunValues;
import dev.rigor.analysis.Selector;
import dev.rigor.analysis.TestChoice;
import dev.rigor.report.Table;
import dev.rigor.report.TableFormat;
import dev.rigor.stats.IntervalMethod;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import dev.rigor.analysis.AnytimeContrasts;
import dev.rigor.store.AdaptiveFile;
import dev.rigor.store.ExperimentDirectory;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Does B beat A? Each candidate against the control, per metric, with a verdict.",
      "Both sides' n, mean and sd; the effect with its bootstrap CI (BCa); the p-value of a paired t test",
      "(Welch's when unpaired) adjusted across every comparison of the command (Holm); an effect size; the",
      "probability of improvement; and a verdict: better / worse by the metric's goal in the spec, higher /",
      "lower without one, or no significant difference. Runs pair up by seed (and by the variation",
      "parameters the selectors leave free) when both sides have the same seeds; otherwise the comparison",
      "is unpaired and a note says why. Only ok runs enter. The verdict uses the test, not the CI: with",
      "few runs bootstrap CIs are too narrow (docs/STATISTICS.md)."
    },
    footer = {
      "",
      "Examples:",
      "  rigor compare runs/sched-smoke --control policy=fifo_cheapest --candidate policy=full",
      "  rigor compare runs/sched-experiment --control policy=fifo_cheapest      # every other policy vs the control",
      "  rigor compare runs/sched-experiment --control policy=fifo_cheapest --candidate policy=full --by workflows",
      "  rigor compare runs/sched-experiment --control ablation=baseline --candidate ablation=no_hedge --metric makespan_p95_ms",
      "  rigor compare --control-exp runs/before --candidate-exp runs/after --fail-on regression   # CI gate: exit 1 if worse",
      "  rigor compare runs/rl --control algo=ppo --candidate algo=sac --metric reward --summary auc --window 'last 25%%'",
      "",
      "Defaults: --control from the spec's report.control; --statistic mean-diff; --test t; --correction holm;",
      "--ci bca; --alpha " + Defaults.ALPHA + " (CIs at 1 - alpha); --resamples " + Defaults.RESAMPLES + "; --seed " + Defaults.SEED
          + "; --paired-by auto.",
      "Exit codes: 0 done · 1 --fail-on regression and some verdict is worse · 2 usage error"
    })
final class CompareCommand implements Callable<Integer> {

  private final Context context;

  @Mixin ExperimentOptions experiment = new ExperimentOptions();
  @Mixin MetricOptions metrics = new MetricOptions();
  @Mixin FormatOption format = new FormatOption();

  @Option(names = "--control", paramLabel = "SELECTOR",
      description = "The control runs, key=value[,key=value…] (e.g. policy=fifo_cheapest; ablation=baseline). Default: the spec's report.control.")
  String control;

  @Option(names = "--candidate", paramLabel = "SELECTOR",
      description = "A candidate, repeatable; each is compared with the control. Default: every other value of the control's parameters.")
  List<String> candidates = new ArrayList<>();

  @Option(names = "--control-exp", paramLabel = "DIR", description = "Take the control from this experiment (compare two experiments).")
  Path controlExp;

  @Option(names = "--candidate-exp", paramLabel = "DIR", description = "Take the candidates from this experiment.")
  Path candidateExp;

  @Option(names = "--by", paramLabel = "AXES", description = "Compare within each group of these parameters (e.g. workflows); default: pooled.")
  String by;

  @Option(names = {"--paired-by", "--paired_by"}, paramLabel = "MODE",
      description = "auto (default: paired when both sides have the same seeds), seed (require pairs; unmatched runs left out), none.")
  String pairedBy = "auto";

  @Option(names = "--statistic", paramLabel = "STAT", description = "mean-diff (default), ratio or median-diff; candidate relative to control.")
  String statistic = "mean-diff";

  @Option(names = "--test", paramLabel = "TEST",
      description = "t (default: paired t, Welch when unpaired), wilcoxon (signed-rank / Mann-Whitney) or none (verdict from the CI).")
  String test = "t";

  @Option(names = "--correction", paramLabel = "METHOD", description = "holm (default), bh (false discovery rate) or none.")
  String correction = "holm";

  @Option(names = "--ci", paramLabel = "METHOD", description = "Bootstrap interval of the effect: bca (default), percentile or basic.")
  String ci = "bca";

  @Option(names = "--alpha", paramLabel = "ALPHA", description = "Significance level (default: 0.05); CIs are at 1 - alpha.")
  double alpha = Defaults.ALPHA;

  @Option(names = "--resamples", paramLabel = "N", description = "Bootstrap resamples (default: 10000).")
  int resamples = Defaults.RESAMPLES;

  @Option(names = "--seed", paramLabel = "SEED", description = "Seed of the bootstrap (default: 1).")
  long seed = Defaults.SEED;

  @Option(names = "--fail-on", paramLabel = "WHAT", description = "regression: exit 1 when any verdict is 'worse' (for CI pipelines).")
  String failOn;

  CompareCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    TableFormat f = format.parse();
    if (failOn != null && !failOn.equals("regression")) {
      throw new UsageException("--fail-on '" + failOn + "': expected regression");
    }
    try {
      CompareSettings s = settings();
      List<String> notes = new ArrayList<>();
      Request request = controlExp != null || candidateExp != null ? across(notes) : within(notes);
      if (request.contrasts().isEmpty()) {
        throw new AnalysisException("nothing to compare: " + String.join("; ", notes));
      }
      ComparisonReport report = Comparisons.compare(request.contrasts(), request.metrics(), s);
      notes.addAll(report.notes());
      List<String> head = new ArrayList<>(header(request.title(), report));
      if (request.adaptive().isPresent()) {
        head.add("adaptive experiment: seeds were added where the answer was unclear, so these fixed-n intervals are descriptive;"
            + " the anytime-valid intervals follow");
      }
      AnalysisOutput.print(context, f, ComparisonTable.of(report, request.by(), FormatOption.machine(f)), head, notes);
      if (request.adaptive().isPresent()) {
        AdaptiveFile a = request.adaptive().get();
        List<AnytimeContrasts.Row> rows = AnytimeContrasts.of(request.contrasts(), request.metrics(), s.alpha(), a.minSeeds());
        context.out().println();
        AnalysisOutput.print(context, f, anytimeTable(rows, FormatOption.machine(f)), List.of(
            "anytime-valid: " + a.method() + ", paired by seed, alpha " + NumberText.human(s.alpha()) + " split over "
                + rows.size() + " comparisons (Bonferroni); adaptive replication " + (a.finished() ? "stopped after round "
                + a.round() + " (" + a.stop() + ")" : "is in round " + a.round())), List.of());
      }
      return failOn != null && report.hasRegression() ? Rigor.FAILED : Rigor.OK;
    } catch (AnalysisException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** What to compare, resolved from the options. */
  private record Request(String title, List<Contrast> contrasts, List<Metric> metrics, Grouping by, Optional<AdaptiveFile> adaptive) {}

  private static Table anytimeTable(List<AnytimeContrasts.Row> rows, boolean machine) {
    Table.Builder t = Table.builder().column("group").column("candidate").column("control").column("metric").numberColumn("pairs")
        .numberColumn("mean diff").column("anytime-valid interval").column("verdict");
    for (AnytimeContrasts.Row r : rows) {
      t.row(List.of(r.contrast().group().label().isEmpty() ? "all" : r.contrast().group().label(), r.contrast().candidate().label(), r.contrast().control().label(), r.metric().label(), Integer.toString(r.pairs()),
          NumberText.of(r.interval().estimate(), machine), NumberText.interval(r.interval().lower(), r.interval().upper()), r.verdict()));
    }
    return t.build();
  }

  private Request within(List<String> notes) throws Exception {
    Experiment e = experiment.read(context);
    notes.addAll(e.notes());
    RunValues values = new RunValues(e);
    Selector ctrl = ComparisonSelectors.control(control, e);
    List<Selector> cands = ComparisonSelectors.candidates(candidates, ctrl, e);
    Grouping grouping = by == null ? new Grouping(List.of()) : Grouping.parse(by, e);
    List<Metric> ms = metrics.resolve(values);
    List<Contrast> contrasts = Contrasts.within(values, ctrl, cands, grouping, notes);
    return new Request("compare " + e.name() + ": each candidate vs the control " + ctrl.text(), contrasts, ms, grouping,
        AdaptiveFile.read(new ExperimentDirectory(e.root())));
  }

  private Request across(List<String> notes) throws Exception {
    Path a = controlExp != null ? context.resolve(controlExp) : experiment.directory(context).root();
    Path b = candidateExp != null ? context.resolve(candidateExp) : experiment.directory(context).root();
    Experiment ea = ExperimentReader.read(a);
    Experiment eb = ExperimentReader.read(b);
    notes.addAll(ea.notes());
    notes.addAll(eb.notes());
    ComparisonSelectors.warnIfCommitsDiffer(ea, eb).ifPresent(w -> context.err().println("rigor: warning: " + w));
    RunValues va = new RunValues(ea);
    RunValues vb = new RunValues(eb);
    Selector ctrl = control == null ? Selector.ALL : Selector.parse(control);
    List<Selector> cands = new ArrayList<>();
    for (String c : candidates) {
      cands.add(Selector.parse(c));
    }
    if (cands.isEmpty()) {
      cands.add(Selector.ALL);
    }
    Grouping grouping = by == null ? new Grouping(List.of()) : Grouping.parse(by, eb);
    List<Metric> ms = metrics.resolve(va);
    ComparisonSelectors.requirePresent(ms, vb);
    List<Contrast> contrasts = Contrasts.across(va, ctrl, vb, cands, grouping, notes);
    return new Request("compare " + eb.name() + " (candidate) vs " + ea.name() + " (control)", contrasts, ms, grouping, Optional.empty());
  }

  private CompareSettings settings() throws AnalysisException, UsageException {
    IntervalMethod method;
    try {
      method = IntervalMethod.valueOf(ci.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--ci '" + ci + "': expected bca, percentile or basic");
    }
    try {
      return new CompareSettings(EffectStatistic.parse(statistic), TestChoice.parse(test), Correction.parse(correction), method,
          alpha, resamples, seed, PairingMode.parse(pairedBy));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private static List<String> header(String title, ComparisonReport report) {
    CompareSettings s = report.settings();
    String confidence = SummaryTable.percent(report.ciConfidence());
    String effect = switch (s.statistic()) {
      case MEAN_DIFF -> "mean difference (candidate − control)";
      case RATIO -> "ratio of means (candidate / control)";
      case MEDIAN_DIFF -> "median difference (paired: median of the per-pair differences)";
    };
    String verdict = switch (s.test()) {
      case T -> "paired t test (Welch's t when unpaired)";
      case WILCOXON -> "Wilcoxon signed-rank test (Mann–Whitney U when unpaired)";
      case NONE -> "whether the CI excludes " + NumberText.human(s.statistic().nullValue());
    };
    String adjusted = s.test() == TestChoice.NONE ? "" : ", p adjusted by " + s.correction().text() + " over " + report.tests() + " tests";
    return List.of(title,
        "effect: " + effect + ", " + confidence + " " + AnalysisOutput.intervalName(s.ci().name()) + " bootstrap CI (" + s.resamples()
            + " resamples, seed " + s.seed() + ")",
        "verdict: " + verdict + adjusted + ", alpha = " + NumberText.human(s.alpha()));
  }
}
