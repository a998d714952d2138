package dev.rigor.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A table of text cells with a header: what every command that prints a table produces, rendered by
 * {@link TableFormat} as an aligned text table, CSV, JSON or GitHub Markdown. Rows may be computed
 * on demand, so a million-row table (a large plan) is streamed rather than held in memory.
 *
 * @param numeric per column, whether it holds numbers (right-aligned in text, numbers in JSON)
 */
public record Table(List<String> header, List<Boolean> numeric, int size, IntFunction<List<String>> row) {

  public Table {
    header = List.copyOf(header);
    numeric = List.copyOf(numeric);
    if (numeric.size() != header.size()) {
      throw new IllegalArgumentException("numeric flags must match the header");
    }
  }

  /** A table whose rows are computed by {@code row} for indices {@code 0..size-1}. */
  public static Table lazy(List<String> header, List<Boolean> numeric, int size, IntFunction<List<String>> row) {
    return new Table(header, numeric, size, row);
  }

  /** Row {@code i}, checked against the header. */
  public List<String> get(int i) {
    List<String> cells = row.apply(i);
    if (cells.size() != header.size()) {
      throw new IllegalArgumentException("row has " + cells.size() + " cells, header " + header.size() + ": " + cells);
    }
    return cells;
  }

  public List<List<String>> rows() {
    List<List<String>> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      out.add(get(i));
    }
    return out;
  }

  /** Builds a table row by row. */
  public static final class Builder {
    private final List<String> header = new ArrayList<>();
    private final List<Boolean> numeric = new ArrayList<>();
    private final List<List<String>> rows = new ArrayList<>();

    public Builder column(String name) {
      header.add(name);
      numeric.add(false);
      return this;
    }

    public Builder numberColumn(String name) {
      header.add(name);
      numeric.add(true);
      return this;
    }

    public Builder row(List<String> cells) {
      rows.add(List.copyOf(cells));
      return this;
    }

    public List<String> header() {
      return List.copyOf(header);
    }

    public List<Boolean> numeric() {
      return List.copyOf(numeric);
    }

    public Table build() {
      List<List<String>> frozen = List.copyOf(rows);
      return new Table(header, numeric, frozen.size(), frozen::get);
    }
  }

  public static Builder builder() {
    return new Builder();
  }
}
