package dev.rigor.cli;

import dev.rigor.analysis.Grouping;
import dev.rigor.analysis.MetricSummary;
import dev.rigor.analysis.SummarySettings;
import dev.rigor.report.Table;
import dev.rigor.stats.ConfidenceInterval;
import dev.rigor.stats.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/** The table of {@code rigor summary}: one row per metric and group. */
final class SummaryTable {

  private SummaryTable() {}

  static Table of(List<MetricSummary> rows, Grouping grouping, java.util.function.Predicate<String> numeric, SummarySettings s,
      boolean machine) {
    Table.Builder b = Table.builder().column("metric");
    GroupColumns.add(b, grouping.axes(), numeric, machine);
    if (machine) {
      for (String c : List.of("runs", "ok", "n", "mean", "ci_low", "ci_high")) {
        b.numberColumn(c);
      }
      b.column("ci_method");
      for (String c : List.of("confidence", "sd", "median", "p95", "p99", "iqm", "success_rate", "success_low", "success_high")) {
        b.numberColumn(c);
      }
    } else {
      List<String> methods = methods(rows);
      b.numberColumn("n").numberColumn("mean")
          .numberColumn(percent(s.confidence()) + " CI" + (methods.size() == 1 ? " (" + methods.get(0) + ")" : ""))
          .numberColumn("sd").numberColumn("median").numberColumn("p95").numberColumn("p99").numberColumn("IQM")
          .numberColumn("success").numberColumn(percent(s.confidence()) + " CI");
    }
    for (MetricSummary r : rows) {
      List<String> cells = new ArrayList<>();
      cells.add(r.metric().label());
      grouping.axes().forEach(a -> cells.add(r.group().values().get(a)));
      cells.addAll(machine ? machineCells(r, s) : humanCells(r, methods(rows).size() > 1));
      b.row(cells);
    }
    return b.build();
  }

  /** The interval methods of the rows (with the default rule, t for small groups and BCa for large ones). */
  private static List<String> methods(List<MetricSummary> rows) {
    return rows.stream().filter(r -> r.meanInterval().isPresent()).map(r -> r.ciMethod().human()).distinct().toList();
  }

  private static List<String> humanCells(MetricSummary r, boolean namedPerRow) {
    Optional<Summary> s = r.summary();
    List<String> c = new ArrayList<>();
    c.add(Integer.toString(r.n()));
    c.add(num(s.map(Summary::mean)));
    c.add(r.meanInterval().map(i -> NumberText.interval(i.lower(), i.upper()) + (namedPerRow ? " " + r.ciMethod().human() : ""))
        .orElse(NumberText.MISSING));
    c.add(num(s.map(Summary::standardDeviation)));
    c.add(num(s.map(Summary::median)));
    c.add(NumberText.human(r.p95().orElse(Double.NaN)));
    c.add(NumberText.human(r.p99().orElse(Double.NaN)));
    c.add(num(s.map(Summary::interquartileMean)));
    c.add(r.successRate().map(w -> NumberText.percent(w.estimate()) + " (" + r.ok() + "/" + r.finished() + ")").orElse(NumberText.MISSING));
    c.add(r.successRate().map(w -> "[" + NumberText.percent(w.lower()) + ", " + NumberText.percent(w.upper()) + "]")
        .orElse(NumberText.MISSING));
    return c;
  }

  private static List<String> machineCells(MetricSummary r, SummarySettings settings) {
    Optional<Summary> s = r.summary();
    Optional<ConfidenceInterval> ci = r.meanInterval();
    Optional<ConfidenceInterval> w = r.successRate();
    return List.of(Integer.toString(r.finished()), Integer.toString(r.ok()), Integer.toString(r.n()),
        mnum(s.map(Summary::mean)), mnum(ci.map(ConfidenceInterval::lower)), mnum(ci.map(ConfidenceInterval::upper)),
        r.ciMethod().text(), NumberText.machine(settings.confidence()), mnum(s.map(Summary::standardDeviation)),
        mnum(s.map(Summary::median)), NumberText.machine(orNaN(r.p95())), NumberText.machine(orNaN(r.p99())),
        mnum(s.map(Summary::interquartileMean)), mnum(w.map(ConfidenceInterval::estimate)), mnum(w.map(ConfidenceInterval::lower)),
        mnum(w.map(ConfidenceInterval::upper)));
  }

  private static String num(Optional<Double> v) {
    return NumberText.human(v.orElse(Double.NaN));
  }

  private static String mnum(Optional<Double> v) {
    return NumberText.machine(v.orElse(Double.NaN));
  }

  private static double orNaN(OptionalDouble d) {
    return d.orElse(Double.NaN);
  }

  static String percent(double confidence) {
    return String.format(Locale.ROOT, "%.4g", 100 * confidence).replaceAll("\\.?0+$", "") + "%";
  }
}
