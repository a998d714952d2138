package dev.rigor.cli;

import dev.rigor.analysis.Comparison;
import dev.rigor.analysis.ComparisonReport;
import dev.rigor.analysis.Grouping;
import dev.rigor.analysis.SampleStats;
import dev.rigor.report.Table;
import dev.rigor.spec.Goal;
import dev.rigor.stats.ConfidenceInterval;
import dev.rigor.stats.TestResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/** The table of {@code rigor compare}: one row per candidate (and group) and metric. */
final class ComparisonTable {

  private static final List<String> MACHINE = List.of("candidate", "control", "metric", "goal", "design", "n_control",
      "n_candidate", "mean_control", "sd_control", "mean_candidate", "sd_candidate", "statistic", "estimate", "bootstrap_low",
      "bootstrap_high", "bootstrap_method", "ci_estimate", "ci_low", "ci_high", "ci_method", "confidence", "relative_change", "test", "test_statistic", "df", "p_value", "p_adjusted", "correction",
      "effect_size_name", "effect_size", "p_improvement", "verdict");
  private static final List<String> MACHINE_TEXT = List.of("candidate", "control", "metric", "goal", "design", "statistic",
      "bootstrap_method", "ci_method", "test", "correction", "effect_size_name", "verdict");

  private ComparisonTable() {}

  static Table of(ComparisonReport report, Grouping by, java.util.function.Predicate<String> numeric, boolean machine) {
    Table.Builder b = Table.builder();
    GroupColumns.add(b, by.axes(), numeric, machine);
    if (machine) {
      MACHINE.forEach(c -> {
        if (MACHINE_TEXT.contains(c)) {
          b.column(c);
        } else {
          b.numberColumn(c);
        }
      });
    } else {
      humanHeader(b, report);
    }
    for (Comparison r : report.rows()) {
      List<String> cells = new ArrayList<>();
      by.axes().forEach(a -> cells.add(r.group().values().getOrDefault(a, "")));
      cells.addAll(machine ? machineCells(r, report) : humanCells(r, separate(report)));
      b.row(cells);
    }
    return b.build();
  }

  private static void humanHeader(Table.Builder b, ComparisonReport report) {
    String confidence = SummaryTable.percent(report.ciConfidence());
    String test = report.settings().test().text();
    b.column("candidate").column("metric").column("goal").numberColumn("n").numberColumn("control mean ± sd")
        .numberColumn("candidate mean ± sd").numberColumn(report.settings().statistic().header())
        .numberColumn(confidence + " CI (" + AnalysisOutput.intervalName(report.settings().bootstrapMethod().name()) + ")")
        .numberColumn("change");
    if (separate(report)) {
      boolean hl = report.settings().test() == dev.rigor.analysis.TestChoice.WILCOXON;
      String method = report.rows().stream().map(r -> r.ciMethod().human()).distinct().reduce((x, y) -> x + "/" + y).orElse("");
      boolean unadjusted = report.settings().correction() != dev.rigor.analysis.Correction.NONE && report.tests() > 1;
      b.numberColumn(hl ? "HL shift [" + confidence + " CI" + (unadjusted ? ", unadjusted" : "") + "]"
          : confidence + " CI (" + method + (unadjusted ? ", unadjusted" : "") + ")");
    }
    b.numberColumn("p (" + test + ")").numberColumn("p adj (" + report.settings().correction().text() + ")")
        .numberColumn("effect size").numberColumn("P(better)").column("verdict");
  }

  /** Whether the verdict's interval is not the bootstrap interval already shown, and gets its own column. */
  private static boolean separate(ComparisonReport report) {
    return report.rows().stream().anyMatch(r -> !r.ciMethod().bootstrap());
  }

  private static List<String> humanCells(Comparison r, boolean separate) {
    List<String> c = new ArrayList<>();
    c.add(r.candidate());
    c.add(r.metric().label());
    c.add(r.goal().map(ComparisonTable::goalText).orElse(""));
    c.add(r.paired() ? r.candidateStats().n() + " pairs" : r.controlStats().n() + " + " + r.candidateStats().n());
    c.add(meanSd(r.controlStats()));
    c.add(meanSd(r.candidateStats()));
    c.add(r.effect().map(e -> NumberText.human(e.estimate())).orElse(NumberText.MISSING));
    c.add(r.effect().map(e -> NumberText.interval(e.lower(), e.upper())).orElse(NumberText.MISSING));
    c.add(NumberText.signedPercent(orNaN(r.relativeChange())));
    if (separate) {
      c.add(r.ciMethod().bootstrap() ? "(bootstrap)" : r.interval().map(i -> (r.ciMethod() == dev.rigor.analysis.CiMethod.HODGES_LEHMANN
          ? NumberText.human(i.estimate()) + " " : "") + NumberText.interval(i.lower(), i.upper())).orElse(NumberText.MISSING));
    }
    c.add(NumberText.pValue(orNaN(r.pValue())));
    c.add(NumberText.pValue(orNaN(r.adjustedPValue())));
    c.add(r.effectSize().isPresent() ? effectSize(r.effectSize().getAsDouble()) + " " + r.effectSizeName()
        : NumberText.MISSING);
    c.add(r.probabilityOfImprovement().isPresent() ? NumberText.fixed(r.probabilityOfImprovement().getAsDouble(), 2)
        : NumberText.MISSING);
    c.add(r.verdict().text());
    return c;
  }

  private static List<String> machineCells(Comparison r, ComparisonReport report) {
    Optional<ConfidenceInterval> e = r.effect();
    Optional<TestResult> t = r.test();
    Optional<ConfidenceInterval> ci = r.interval();
    return List.of(r.candidate(), r.control(), r.metric().label(), r.goal().map(ComparisonTable::goalText).orElse(""),
        r.paired() ? "paired" : "unpaired", Integer.toString(r.controlStats().n()), Integer.toString(r.candidateStats().n()),
        NumberText.machine(r.controlStats().mean()), NumberText.machine(r.controlStats().sd()),
        NumberText.machine(r.candidateStats().mean()), NumberText.machine(r.candidateStats().sd()), r.statistic().text(),
        m(e.map(ConfidenceInterval::estimate)), m(e.map(ConfidenceInterval::lower)), m(e.map(ConfidenceInterval::upper)),
        r.bootstrapMethod().name().toLowerCase(Locale.ROOT), m(ci.map(ConfidenceInterval::estimate)), m(ci.map(ConfidenceInterval::lower)),
        m(ci.map(ConfidenceInterval::upper)), r.ciMethod().text(),
        NumberText.machine(ci.map(ConfidenceInterval::confidence).orElse(report.ciConfidence())),
        NumberText.machine(orNaN(r.relativeChange())), t.map(x -> x.method().name().toLowerCase(Locale.ROOT)).orElse(""),
        m(t.map(TestResult::statistic)), m(t.map(x -> x.degreesOfFreedom().orElse(Double.NaN))), NumberText.machine(orNaN(r.pValue())),
        NumberText.machine(orNaN(r.adjustedPValue())), report.settings().correction().text(), r.effectSizeName(),
        NumberText.machine(orNaN(r.effectSize())), NumberText.machine(orNaN(r.probabilityOfImprovement())), r.verdict().text());
  }

  private static String meanSd(SampleStats s) {
    if (s.n() == 0) {
      return NumberText.MISSING;
    }
    return NumberText.human(s.mean()) + (Double.isNaN(s.sd()) ? "" : " ± " + NumberText.human(s.sd()));
  }

  private static String effectSize(double d) {
    return Double.isFinite(d) ? NumberText.fixed(d, 2) : NumberText.human(d);
  }

  static String goalText(Goal g) {
    return g.name().toLowerCase(Locale.ROOT);
  }

  private static String m(Optional<Double> v) {
    return NumberText.machine(v.orElse(Double.NaN));
  }

  private static double orNaN(OptionalDouble d) {
    return d.orElse(Double.NaN);
  }
}
