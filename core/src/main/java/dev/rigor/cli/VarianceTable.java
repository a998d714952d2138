package dev.rigor.cli;

import dev.rigor.analysis.Grouping;
import dev.rigor.analysis.VarianceResult;
import dev.rigor.report.Table;
import dev.rigor.stats.VariancePoint;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** The tables of {@code rigor variance}: the minimum n per group, or (--curve) every point of the curves. */
final class VarianceTable {

  private VarianceTable() {}

  static Table minimumN(List<VarianceResult> rows, Grouping grouping, java.util.function.Predicate<String> numeric, double threshold,
      boolean machine) {
    Table.Builder b = Table.builder().column("metric");
    GroupColumns.add(b, grouping.axes(), numeric, machine);
    String t = SummaryTable.percent(threshold);
    if (machine) {
      List.of("n", "mean", "cv", "max_n", "min_n_cv", "min_n_cv_upper", "min_n_halfwidth").forEach(b::numberColumn);
    } else {
      b.numberColumn("N").numberColumn("mean").numberColumn("CV").numberColumn("min n: CV of mean ≤ " + t)
          .numberColumn("same, upper band").numberColumn("min n: CI half-width ≤ " + t);
    }
    for (VarianceResult r : rows) {
      List<String> c = new ArrayList<>();
      c.add(r.metric().label());
      grouping.axes().forEach(a -> c.add(r.group().values().get(a)));
      c.add(Integer.toString(r.n()));
      c.add(NumberText.of(r.mean(), machine));
      if (machine) {
        c.add(NumberText.machine(r.cv()));
        c.add(r.curve().isPresent() ? Integer.toString(r.maxN()) : "");
        for (OptionalInt m : List.of(r.minNCv(), r.minNCvUpper(), r.minNHalfWidth())) {
          c.add(m.isPresent() ? Integer.toString(m.getAsInt()) : "");
        }
      } else {
        c.add(NumberText.percent(r.cv()));
        for (OptionalInt m : List.of(r.minNCv(), r.minNCvUpper(), r.minNHalfWidth())) {
          c.add(minimum(m, r));
        }
      }
      b.row(c);
    }
    return b.build();
  }

  /** {@code 12}, {@code 12*} beyond the observed runs (extrapolated), {@code >50} when not reached. */
  private static String minimum(OptionalInt m, VarianceResult r) {
    if (r.curve().isEmpty()) {
      return NumberText.MISSING;
    }
    if (m.isEmpty()) {
      return ">" + r.maxN();
    }
    return m.getAsInt() + (m.getAsInt() > r.n() ? "*" : "");
  }

  static Table curve(List<VarianceResult> rows, Grouping grouping, java.util.function.Predicate<String> numeric, boolean machine) {
    Table.Builder b = Table.builder().column("metric");
    GroupColumns.add(b, grouping.axes(), numeric, machine);
    List.of("n", "cv_of_mean", "cv_low", "cv_high", "rel_half_width", "hw_low", "hw_high").forEach(b::numberColumn);
    b.column("observed");
    for (VarianceResult r : rows) {
      if (r.curve().isEmpty()) {
        continue;
      }
      for (VariancePoint p : r.curve().get().points()) {
        List<String> c = new ArrayList<>();
        c.add(r.metric().label());
        grouping.axes().forEach(a -> c.add(r.group().values().get(a)));
        c.add(Integer.toString(p.n()));
        for (double v : new double[] {p.cvOfMean(), p.cvLower(), p.cvUpper(), p.relativeHalfWidth(), p.halfWidthLower(), p.halfWidthUpper()}) {
          c.add(machine ? NumberText.machine(v) : NumberText.percent(v));
        }
        c.add(p.n() <= r.n() ? "yes" : "no");
        b.row(c);
      }
    }
    return b.build();
  }
}
