package dev.rigor.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every run of the experiment (latest attempt of each trial) as columns — the data of the report's
 * runs table. Rows are sorted by run id. Columns are stored by kind, so that 100,000 runs stay compact:
 * categories as a dictionary and one code per row, numbers as one array.
 */
public record RunsTable(List<String> runIds, List<Column> columns) {

  /** Who a column belongs to, for the column chooser. */
  public enum Group {
    RUN("run"), PARAMETER("parameters"), MEASURED("measured by Rigor"), METRIC("metrics");

    private final String text;

    Group(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }

  /** How a number column is shown. */
  public enum NumberKind { INTEGER, REAL, SECONDS, BYTES, TIMESTAMP }

  /** One column; {@code visible} is whether it is shown before the user chooses. */
  public sealed interface Column permits CategoryColumn, NumberColumn {
    String name();

    Group group();

    boolean visible();
  }

  /** Text values: {@code codes[row]} indexes {@code dictionary}, which is in display (and sort) order. */
  public record CategoryColumn(String name, Group group, boolean visible, List<String> dictionary, int[] codes)
      implements Column {
    public CategoryColumn {
      dictionary = List.copyOf(dictionary);
      codes = codes.clone();
    }
  }

  /** Numbers, NaN where a run has none. */
  public record NumberColumn(String name, Group group, boolean visible, NumberKind kind, double[] values) implements Column {
    public NumberColumn {
      Objects.requireNonNull(kind, "kind");
      values = values.clone();
    }
  }

  public RunsTable {
    runIds = List.copyOf(runIds);
    columns = List.copyOf(columns);
    for (Column c : columns) {
      int size = c instanceof CategoryColumn cat ? cat.codes().length : ((NumberColumn) c).values().length;
      if (size != runIds.size()) {
        throw new IllegalArgumentException("column " + c.name() + " has " + size + " rows, the table " + runIds.size());
      }
    }
  }

  public int size() {
    return runIds.size();
  }

  /** Row index by run id. */
  public Map<String, Integer> rowIndex() {
    Map<String, Integer> out = new HashMap<>(runIds.size() * 2);
    for (int i = 0; i < runIds.size(); i++) {
      out.put(runIds.get(i), i);
    }
    return out;
  }
}
