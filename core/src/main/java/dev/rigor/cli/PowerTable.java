package dev.rigor.cli;

import dev.rigor.analysis.Grouping;
import dev.rigor.analysis.PowerResult;
import dev.rigor.report.Table;
import dev.rigor.stats.TTestDesign;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The table of {@code rigor power}: one row per variation. */
final class PowerTable {

  private PowerTable() {}

  static Table of(List<PowerResult> rows, Grouping grouping, java.util.function.Predicate<String> numeric, boolean machine) {
    Table.Builder b = Table.builder().column("metric");
    GroupColumns.add(b, grouping.axes(), numeric, machine);
    b.column("design").column("baseline");
    if (machine) {
      List.of("n", "sd", "delta", "n_needed", "power_now").forEach(b::numberColumn);
      b.column("reason");
    } else {
      b.numberColumn("n now").numberColumn("sd").numberColumn("effect").numberColumn("n needed").numberColumn("power at n now");
    }
    for (PowerResult r : rows) {
      List<String> c = new ArrayList<>();
      c.add(r.metric().label());
      grouping.axes().forEach(a -> c.add(r.group().values().get(a)));
      c.add(r.design().map(PowerTable::designText).orElse(""));
      c.add(r.baseline());
      c.add(Integer.toString(r.n()));
      c.add(NumberText.of(r.sd(), machine));
      c.add(NumberText.of(r.delta(), machine));
      c.add(r.needed().isPresent() ? Integer.toString(r.needed().getAsInt()) : (machine ? "" : NumberText.MISSING));
      double power = r.achievedPower().orElse(Double.NaN);
      c.add(machine ? NumberText.machine(power) : NumberText.percent(power));
      if (machine) {
        c.add(r.reason() + r.caveat().map(x -> "; " + x).orElse(""));
      }
      b.row(c);
    }
    return b.build();
  }

  static String designText(TTestDesign d) {
    return d.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
