package dev.rigor.spec;

import java.util.List;
import java.util.regex.Pattern;

/** One declared way to extract metrics from a run. Paths are relative to the run directory. */
public sealed interface MetricSpec {

  /** Where the extractor was declared, for messages about missing metrics. */
  String describe();

  /**
   * A CSV file. Without {@code key}: the first row, each column a metric (named {@code prefix +
   * column}). With {@code key}: every row, widened — each non-key column of each row becomes a
   * metric named by {@code name} (placeholders: the key columns and {@code column}).
   */
  record Csv(Template path, List<String> key, Template name, List<String> columns, String prefix)
      implements MetricSpec {
    public Csv {
      key = List.copyOf(key);
      columns = List.copyOf(columns);
      prefix = prefix == null ? "" : prefix;
    }

    @Override
    public String describe() {
      return "csv " + path;
    }
  }

  /** A JSON file, flattened with dots ({@code {"a": {"b": 1}}} gives {@code a.b}). */
  record Json(Template path, List<String> fields, String prefix) implements MetricSpec {
    public Json {
      fields = List.copyOf(fields);
      prefix = prefix == null ? "" : prefix;
    }

    @Override
    public String describe() {
      return "json " + path;
    }
  }

  /** The type a regex capture is converted to. */
  enum ValueType {
    INT,
    FLOAT,
    BOOL,
    STRING
  }

  /**
   * The last line of {@code stdout}, {@code stderr} or a file that matches {@code pattern}; the value
   * is capture group 1 (the whole match when the pattern has no group), converted to {@code type}.
   * Lines are matched one at a time, so a pattern cannot span lines and huge outputs stream.
   */
  record Regex(String file, Pattern pattern, String name, ValueType type) implements MetricSpec {
    @Override
    public String describe() {
      return "regex /" + pattern.pattern() + "/ on " + file;
    }
  }
}
