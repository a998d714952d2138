package dev.rigor.cli;

import dev.rigor.report.Table;
import java.util.List;
import java.util.function.Predicate;

/** The columns of the grouping attributes of an analysis table: typed as in the spec for machines ({@code "arms": 5}). */
final class GroupColumns {

  private GroupColumns() {}

  static void add(Table.Builder b, List<String> axes, Predicate<String> numeric, boolean machine) {
    for (String a : axes) {
      if (machine && numeric.test(a)) {
        b.numberColumn(a);
      } else {
        b.column(a);
      }
    }
  }
}
