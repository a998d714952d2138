package dev.rigor.report;

import dev.rigor.analysis.Spending;
import dev.rigor.stats.ConfidenceInterval;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The spending section's table and headline, shared by the HTML and Markdown writers. */
final class SpendingTable {

  private SpendingTable() {}

  static String headline(Spending sp) {
    StringBuilder b = new StringBuilder("Spent ").append(Numbers.format(sp.total()));
    if (sp.limit() != null) {
      b.append(" of the budget's ").append(Numbers.format(sp.limit()));
      if (sp.limit() > 0) {
        b.append(String.format(Locale.ROOT, " (%.0f%%)", 100 * sp.total() / sp.limit()));
      }
    }
    if (sp.perRunLimit() != null) {
      b.append("; per-run limit ").append(Numbers.format(sp.perRunLimit()));
    }
    return b.append(". Spend counts every attempt (failed runs and retries cost too); the cost per successful run is the"
        + " variation's spend divided by its ok runs. Success rate: ok / finished runs, with its 95% Wilson score interval.").toString();
  }

  static Table of(Spending sp) {
    Table.Builder t = Table.builder().column("variation").numberColumn("trials").numberColumn("ok").numberColumn("success rate")
        .column("95% CI").numberColumn("spend").numberColumn("cost per success");
    for (Spending.Row r : sp.rows()) {
      List<String> row = new ArrayList<>();
      row.add(r.key().label().isEmpty() ? "(all)" : r.key().label());
      row.add(Integer.toString(r.trials()));
      row.add(Integer.toString(r.ok()));
      row.add(r.successRate().map(ci -> percent(ci.estimate())).orElse(Numbers.MISSING));
      row.add(r.successRate().map(SpendingTable::interval).orElse(Numbers.MISSING));
      row.add(Numbers.format(r.spend()));
      row.add(Double.isNaN(r.costPerSuccess()) ? Numbers.MISSING : Numbers.format(r.costPerSuccess()));
      t.row(row);
    }
    return t.build();
  }

  private static String interval(ConfidenceInterval ci) {
    return "[" + percent(ci.lower()) + ", " + percent(ci.upper()) + "]";
  }

  private static String percent(double p) {
    return String.format(Locale.ROOT, "%.0f%%", 100 * p);
  }
}
