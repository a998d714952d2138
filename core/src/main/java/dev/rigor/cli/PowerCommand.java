package dev.rigor.cli;

import dev.rigor.analysis.AnalysisException;
import dev.rigor.analysis.Defaults;
import dev.rigor.analysis.EffectSize;
import dev.rigor.analysis.Experiment;
import dev.rigor.analysis.Grouping;
import dev.rigor.analysis.Metric;
import dev.rigor.analysis.PowerAnalysis;
import dev.rigor.analysis.PowerResult;
import dev.rigor.analysis.PowerSettings;
import dev.rigor.analysis.RunValues;
import dev.rigor.analysis.Selector;
import dev.rigor.report.TableFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "power",
    mixinStandardHelpOptions = true,
    description = {
      "How many seeds per variation are needed to detect a difference?",
      "From the experiment's own variance, the power of the t test compare runs (noncentral t, as R's",
      "power.t.test). Paired design — the sd of the per-seed differences to the control — when the",
      "variation shares its seeds with the control; otherwise two-sample with the pooled sd (or the",
      "variation's own sd without a control). Also the current n and the power it achieves. The notes",
      "say which design each row used and why."
    },
    footer = {
      "",
      "Examples:",
      "  rigor power runs/sched-experiment --metric makespan_p95_ms --effect 5%%",
      "  rigor power runs/sched-experiment --metric cost_mean --effect 0.002 --power 0.9 --control policy=fifo_cheapest",
      "  rigor power runs/pilot --metric reward --summary auc --effect 10%% --by none",
      "",
      "Defaults: --alpha " + Defaults.ALPHA + ", --power " + Defaults.POWER + ", --control the spec's report.control,"
          + " --by every matrix axis (and the ablation)."
    })
final class PowerCommand implements Callable<Integer> {

  private final Context context;

  @Mixin ExperimentOptions experiment = new ExperimentOptions();
  @Mixin MetricOptions metrics = new MetricOptions();
  @Mixin FormatOption format = new FormatOption();

  @Option(names = "--effect", required = true, paramLabel = "EFFECT",
      description = "Difference to detect: relative to the baseline mean (5%%) or absolute in the metric's unit (0.3).")
  String effect;

  @Option(names = "--alpha", paramLabel = "ALPHA", description = "Two-sided significance level (default: 0.05).")
  double alpha = Defaults.ALPHA;

  @Option(names = "--power", paramLabel = "POWER", description = "Probability of detecting the effect (default: 0.8).")
  double power = Defaults.POWER;

  @Option(names = "--by", paramLabel = "AXES", description = "Group by these parameters (default: by variation; none for one group).")
  String by;

  @Option(names = "--control", paramLabel = "SELECTOR",
      description = "The baseline variation, key=value[,…] (default: the spec's report.control; none: no control).")
  String control;

  PowerCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    TableFormat f = format.parse();
    try {
      Experiment e = experiment.read(context);
      RunValues values = new RunValues(e);
      Grouping grouping = Grouping.parse(by, e);
      List<Metric> ms = metrics.required(values, "power");
      PowerSettings s = settings();
      Optional<Selector> ctrl = controlSelector(e);
      List<PowerResult> rows = new ArrayList<>();
      for (Metric m : ms) {
        rows.addAll(PowerAnalysis.compute(values, grouping, m, ctrl, s));
      }
      List<String> header = List.of("power in " + e.name() + ": runs per variation to detect a difference of " + s.effect().text()
              + (s.effect().relative() ? " of the baseline mean" : ""),
          "two-sided t test, alpha = " + NumberText.human(s.alpha()) + ", power = " + NumberText.human(s.power())
              + ctrl.map(c -> ", control " + c.text()).orElse(", no control"));
      List<String> notes = new ArrayList<>(e.notes());
      notes.addAll(reasons(rows, grouping));
      AnalysisOutput.print(context, f, PowerTable.of(rows, grouping, e::numeric, FormatOption.machine(f)), header, notes);
      return Rigor.OK;
    } catch (AnalysisException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private Optional<Selector> controlSelector(Experiment e) throws AnalysisException {
    if ("none".equals(control)) {
      return Optional.empty();
    }
    if (control != null) {
      return Optional.of(Selector.parse(control));
    }
    return e.reportControl().isEmpty() ? Optional.empty() : Optional.of(Selector.of(e.reportControl()));
  }

  /** Each distinct design reason once, with how many rows it explains; then every row's caveat. */
  private static List<String> reasons(List<PowerResult> rows, Grouping grouping) {
    Map<String, Integer> reasons = new LinkedHashMap<>();
    for (PowerResult r : rows) {
      reasons.merge(r.design().map(PowerTable::designText).orElse("none") + ": " + r.reason(), 1, Integer::sum);
    }
    List<String> out = new ArrayList<>();
    reasons.forEach((reason, count) -> out.add(reason + (rows.size() > 1 ? " (" + count + " of " + rows.size() + " rows)" : "")));
    for (PowerResult r : rows) {
      r.caveat().ifPresent(c -> out.add((grouping.axes().isEmpty() ? "" : r.group().label() + ": ") + c));
    }
    return out;
  }

  private PowerSettings settings() throws AnalysisException, UsageException {
    try {
      return new PowerSettings(EffectSize.parse(effect), alpha, power);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
